/**
 * The one way a power item changes: a change record (立改废), a new version valid from the
 * effective date, the item's live citations, and the record entry — all in the caller's
 * transaction. Used by the API commands, the .xlsx import and the demo seed alike.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '../../../domain/dates.ts';
import {
  changedPowerFields,
  powerCategoryLabels,
  powerCodeProblems,
  powerContentProblems,
  type PowerChangeReason,
  type PowerContent,
} from '../../../domain/powers.ts';
import type { AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { orgSubtree } from '../../../platform/orgs.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { articlesByIds, setCitations } from '../../laws/index.ts';
import { contentOf, versionSelect, type VersionRow } from '../queries.ts';

export interface PowerChange {
  reason: PowerChangeReason;
  note: string;
  effectiveOn: string;
  approverId: string;
}

export interface ChangeOptions {
  actor: Actor;
  change: PowerChange;
  importBatch?: string | null;
  /** facts already checked in this transaction (bodies whose approver and subtree are known) */
  cache?: WriteCache;
}

export interface WriteCache {
  subtrees: Map<string, Set<string>>;
  approverOk: Set<string>;
  bodies: Set<string>;
  articles: Set<string>;
}
export const newWriteCache = (): WriteCache => ({ subtrees: new Map(), approverOk: new Set(), bodies: new Set(), articles: new Set() });

/** The body's subtree (platform/orgs.ts), memoised for the rows of one import. */
async function subtreeOf(tx: Queryable, bodyId: string, cache?: WriteCache): Promise<Set<string>> {
  const hit = cache?.subtrees.get(bodyId);
  if (hit) return hit;
  const s = new Set(await orgSubtree(tx, bodyId));
  cache?.subtrees.set(bodyId, s);
  return s;
}

/** The approver must be an active leader (局领导) of the body. */
async function assertApprover(tx: Queryable, bodyId: string, approverId: string, cache?: WriteCache): Promise<void> {
  const key = `${bodyId}\u0000${approverId}`;
  if (cache?.approverOk.has(key)) return;
  const u = (
    await tx.query<{ orgId: string; roles: string[]; active: boolean }>('select org_id as "orgId", roles, active from users where id = $1', [approverId])
  ).rows[0];
  const subtree = await subtreeOf(tx, bodyId, cache);
  if (!u?.active || !u.roles.includes('leader') || !subtree.has(u.orgId)) {
    throw new AppError('APPROVER_INVALID', '批准人应为该执法主体在职的局领导');
  }
  cache?.approverOk.add(key);
}

async function assertContent(tx: Queryable, bodyId: string, content: PowerContent, cache?: WriteCache): Promise<void> {
  const problems = powerContentProblems(content);
  if (problems.length) throw new AppError('POWER_CONTENT_INVALID', problems.map((x) => x.message).join('；'), problems);
  if (!(await subtreeOf(tx, bodyId, cache)).has(content.unitId)) throw new AppError('UNIT_NOT_IN_BODY', '承办机构应为该执法主体或其内设机构');
  const unchecked = content.basis.filter((id) => !cache?.articles.has(id));
  const found = new Set(unchecked.length ? (await articlesByIds(tx, unchecked)).map((a) => a.id) : []);
  const missing = unchecked.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('ARTICLE_NOT_FOUND', `设定依据中的条文不存在：${missing.join('、')}`, { missing });
  for (const id of unchecked) cache?.articles.add(id);
}

/** Writes the item's live basis (every version not yet ended, removals excepted) to the shared citations. */
async function refreshCitations(tx: Queryable, itemId: string, onlyVersionBasis?: string[]): Promise<void> {
  const rows = onlyVersionBasis
    ? [{ basis: JSON.stringify(onlyVersionBasis) }]
    : (
        await tx.query<{ basis: string }>(
          'select basis from power_item_versions where item_id = $1 and not removed and (valid_to is null or valid_to > $2::date)',
          [itemId, chinaToday()],
        )
      ).rows;
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.basis) as string[]))];
  await setCitations(
    tx,
    'powerItem',
    itemId,
    ids.map((articleId) => ({ articleId, role: 'basis' as const })),
  );
}

async function insertChangeAndVersion(
  tx: Queryable,
  o: ChangeOptions,
  itemId: string,
  kind: 'add' | 'amend' | 'remove',
  versionNo: number,
  content: PowerContent,
  removed: boolean,
): Promise<{ changeId: string; versionId: string }> {
  const changeId = randomUUID();
  const versionId = randomUUID();
  await tx.query(
    `insert into power_changes (id, item_id, kind, reason, note, effective_on, approver_id, requested_by, requested_by_name, import_batch)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [changeId, itemId, kind, o.change.reason, o.change.note, o.change.effectiveOn, o.change.approverId, o.actor.id, o.actor.name, o.importBatch ?? null],
  );
  await tx.query(
    `insert into power_item_versions (id, item_id, version_no, change_id, valid_from, removed, name, category, unit_id, basis, responsibilities,
       accountability, steps, materials, time_limit, fee, office, phone, remarks)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
    [
      versionId,
      itemId,
      versionNo,
      changeId,
      o.change.effectiveOn,
      removed,
      content.name,
      content.category,
      content.unitId,
      JSON.stringify(content.basis),
      JSON.stringify(content.responsibilities),
      JSON.stringify(content.accountability),
      JSON.stringify(content.steps),
      JSON.stringify(content.materials),
      content.timeLimit,
      content.fee,
      content.office,
      content.phone,
      content.remarks,
    ],
  );
  return { changeId, versionId };
}

const payloadBase = (
  o: ChangeOptions,
  item: { id: string; bodyId: string; code: string; parentId: string | null },
  ids: { changeId: string; versionId: string },
  versionNo: number,
  content: PowerContent,
) => ({
  itemId: item.id,
  bodyId: item.bodyId,
  code: item.code,
  parentId: item.parentId,
  changeId: ids.changeId,
  versionId: ids.versionId,
  versionNo,
  reason: o.change.reason,
  note: o.change.note,
  effectiveOn: o.change.effectiveOn,
  approverId: o.change.approverId,
  importBatch: o.importBatch ?? null,
  content,
});

/** The item row, locked for the change, and its latest version. */
async function lockItem(tx: Queryable, itemId: string) {
  const item = (
    await tx.query<{ id: string; bodyId: string; code: string; parentId: string | null }>(
      'select id, body_id as "bodyId", code, parent_id as "parentId" from power_items where id = $1 for update',
      [itemId],
    )
  ).rows[0];
  if (!item) throw new AppError('POWER_ITEM_NOT_FOUND', '权责事项不存在');
  const latest = (await tx.query<VersionRow>(`${versionSelect} where i.id = $1 order by v.version_no desc limit 1`, [itemId])).rows[0];
  return { item, latest };
}

function assertAfter(latest: VersionRow, effectiveOn: string, code: string): void {
  if (latest.removed) throw new AppError('POWER_ITEM_REMOVED', `事项“${code}”已于 ${latest.validFrom} 取消，不能再变更`);
  if (effectiveOn <= latest.validFrom) {
    throw new AppError('EFFECTIVE_DATE_TOO_EARLY', `事项“${code}”的现行版本自 ${latest.validFrom} 起生效，本次调整的生效日期应晚于该日期`);
  }
}

async function latestParentCategory(tx: Queryable, parentId: string): Promise<{ category: PowerContent['category']; removed: boolean } | null> {
  return (
    (
      await tx.query<{ category: PowerContent['category']; removed: boolean }>(
        'select category, removed from power_item_versions where item_id = $1 order by version_no desc limit 1',
        [parentId],
      )
    ).rows[0] ?? null
  );
}

export interface NewPowerItem {
  bodyId: string;
  code: string;
  parentId: string | null;
  content: PowerContent;
}

/** 新增: a new item (or sub-item) and its first version. */
export async function writeAdd(tx: Queryable, ctx: AppContext, input: NewPowerItem, o: ChangeOptions): Promise<{ itemId: string; versionId: string }> {
  if (!o.cache?.bodies.has(input.bodyId)) {
    const body = (await tx.query<{ isBody: boolean }>('select is_enforcement_body as "isBody" from orgs where id = $1', [input.bodyId])).rows[0];
    if (!body?.isBody) throw new AppError('BODY_NOT_ENFORCEMENT', '实施主体应为具有执法主体资格的机构');
    o.cache?.bodies.add(input.bodyId);
  }
  const codeProblems = powerCodeProblems(input.code, input.content.category);
  if (codeProblems.length) throw new AppError('POWER_CODE_INVALID', codeProblems.join('；'));
  await assertContent(tx, input.bodyId, input.content, o.cache);
  await assertApprover(tx, input.bodyId, o.change.approverId, o.cache);
  const taken = await tx.query('select 1 from power_items where body_id = $1 and code = $2', [input.bodyId, input.code]);
  if (taken.rows.length) throw new AppError('POWER_CODE_TAKEN', `该执法主体已有编码为“${input.code}”的事项（事项取消后编码也不再复用）`);
  if (input.parentId) {
    const parent = (
      await tx.query<{ bodyId: string; parentId: string | null }>('select body_id as "bodyId", parent_id as "parentId" from power_items where id = $1', [
        input.parentId,
      ])
    ).rows[0];
    const latest = parent && (await latestParentCategory(tx, input.parentId));
    if (!parent || parent.bodyId !== input.bodyId || parent.parentId !== null || !latest || latest.removed) {
      throw new AppError('PARENT_INVALID', '所属事项应为同一执法主体现行的主项');
    }
    if (latest.category !== input.content.category) {
      throw new AppError('PARENT_INVALID', `子项的职权类别应与所属事项一致（${powerCategoryLabels[latest.category]}）`);
    }
  }
  const itemId = randomUUID();
  await tx.query('insert into power_items (id, body_id, code, parent_id) values ($1,$2,$3,$4)', [itemId, input.bodyId, input.code, input.parentId]);
  const ids = await insertChangeAndVersion(tx, o, itemId, 'add', 1, input.content, false);
  await refreshCitations(tx, itemId, input.content.basis); // a new item's only version is live
  await ctx.ledger.append(tx, {
    actor: o.actor,
    orgId: input.bodyId,
    matterType: 'powerItem',
    matterId: itemId,
    eventType: 'power.added',
    payload: payloadBase(o, { id: itemId, bodyId: input.bodyId, code: input.code, parentId: input.parentId }, ids, 1, input.content),
  });
  return { itemId, versionId: ids.versionId };
}

/** 变更: a new version replacing the latest from the effective date on. */
export async function writeAmend(
  tx: Queryable,
  ctx: AppContext,
  itemId: string,
  content: PowerContent,
  o: ChangeOptions,
): Promise<{ versionId: string; changed: string[] }> {
  const { item, latest } = await lockItem(tx, itemId);
  assertAfter(latest, o.change.effectiveOn, item.code);
  const changed = changedPowerFields(contentOf(latest), content);
  if (changed.length === 0) throw new AppError('NOTHING_CHANGED', '内容与现行版本相同，无需变更');
  const codeProblems = powerCodeProblems(item.code, content.category);
  if (codeProblems.length) throw new AppError('POWER_CODE_INVALID', codeProblems.join('；'));
  await assertContent(tx, item.bodyId, content, o.cache);
  await assertApprover(tx, item.bodyId, o.change.approverId, o.cache);
  if (changed.includes('category')) {
    if (item.parentId) throw new AppError('PARENT_INVALID', '子项的职权类别应与所属事项一致');
    const subs = await activeSubItems(tx, itemId);
    if (subs.length) throw new AppError('SUB_ITEMS_BLOCK', `该事项有 ${subs.length} 个子项，不能直接改变职权类别：请先调整或取消子项`);
  }
  await tx.query('update power_item_versions set valid_to = $2 where id = $1', [latest.versionId, o.change.effectiveOn]);
  const versionNo = latest.versionNo + 1;
  const ids = await insertChangeAndVersion(tx, o, itemId, 'amend', versionNo, content, false);
  await refreshCitations(tx, itemId);
  await ctx.ledger.append(tx, {
    actor: o.actor,
    orgId: item.bodyId,
    matterType: 'powerItem',
    matterId: itemId,
    eventType: 'power.amended',
    payload: { ...payloadBase(o, item, ids, versionNo, content), changedFields: changed },
  });
  return { versionId: ids.versionId, changed };
}

async function activeSubItems(tx: Queryable, parentId: string): Promise<string[]> {
  return (
    await tx.query<{ id: string }>(
      `select i.id from power_items i where i.parent_id = $1
        and not (select v.removed from power_item_versions v where v.item_id = i.id order by v.version_no desc limit 1)
      order by i.code`,
      [parentId],
    )
  ).rows.map((r) => r.id);
}

/** 取消: the item ends on the effective date; its active sub-items end with it (each with its own record). */
export async function writeRemove(tx: Queryable, ctx: AppContext, itemId: string, o: ChangeOptions, cascadeOf: string | null = null): Promise<string[]> {
  const { item, latest } = await lockItem(tx, itemId);
  assertAfter(latest, o.change.effectiveOn, item.code);
  await assertApprover(tx, item.bodyId, o.change.approverId, o.cache);
  const removed: string[] = [];
  for (const sub of await activeSubItems(tx, itemId)) removed.push(...(await writeRemove(tx, ctx, sub, o, itemId)));
  const content = contentOf(latest);
  await tx.query('update power_item_versions set valid_to = $2 where id = $1', [latest.versionId, o.change.effectiveOn]);
  const versionNo = latest.versionNo + 1;
  const ids = await insertChangeAndVersion(tx, o, itemId, 'remove', versionNo, content, true);
  await refreshCitations(tx, itemId);
  await ctx.ledger.append(tx, {
    actor: o.actor,
    orgId: item.bodyId,
    matterType: 'powerItem',
    matterId: itemId,
    eventType: 'power.removed',
    payload: { ...payloadBase(o, item, ids, versionNo, content), cascadeOf },
  });
  return [...removed, itemId];
}
