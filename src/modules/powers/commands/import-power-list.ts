/**
 * 导入权责清单 (.xlsx): every row is checked first; any error → 422 with the row-level report and
 * nothing written. A valid file is applied in one transaction as add/amend changes sharing one
 * reason, effective date and approver (and an import batch id on each change record).
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '../../../domain/dates.ts';
import { planPowerImport, type ExistingPowerItem, type PlannedPowerOp } from '../../../domain/powerImportPlan.ts';
import { readPowerSheet, type SheetRowError } from '../../../domain/powerSheet.ts';
import { parseBasisCell, type PowerChangeReason } from '../../../domain/powers.ts';
import { inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { orgSubtree } from '../../../platform/orgs.ts';
import { powerListPolicy, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { basisResolver } from '../basis.ts';
import { contentOf, inEffectOn, versionSelect, type VersionRow } from '../queries.ts';
import { readGrid } from '../xlsx.ts';
import { newWriteCache, writeAdd, writeAmend, type ChangeOptions } from './write-change.ts';

export interface ImportInput {
  file: Buffer;
  reason: PowerChangeReason;
  note: string;
  effectiveOn: string;
  approverId: string;
  dryRun?: boolean;
}

export interface ImportResult {
  dryRun: boolean;
  batchId: string | null;
  added: number;
  amended: number;
  unchanged: number;
  rows: { row: number; code: string; action: 'add' | 'amend' | 'unchanged'; itemId: string | null }[];
  /** amends that replace a change already approved for a later date (the export of today does not show it) */
  warnings: { row: number; code: string; message: string }[];
}

const invalid = (errors: SheetRowError[]) =>
  new AppError(
    'IMPORT_INVALID',
    `文件有 ${errors.length} 处错误，未导入任何内容：${errors
      .slice(0, 3)
      .map((e) => `${e.row ? `第 ${e.row} 行` : '文件'}${e.column ? `“${e.column}”` : ''}：${e.message}`)
      .join('；')}${errors.length > 3 ? '……' : ''}`,
    { errors },
  );

interface OrgRow {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  isBody: boolean;
}

/** Latest version of every item of these bodies (and the one in effect on the date, if a later one is scheduled), as the plan needs them. */
async function existingItems(
  q: Queryable,
  bodyIds: string[],
  effectiveOn: string,
): Promise<(ExistingPowerItem & { bodyId: string; parentId: string | null })[]> {
  const rows = (
    await q.query<VersionRow>(
      `${versionSelect} where i.body_id = any($1) and v.version_no = (select max(x.version_no) from power_item_versions x where x.item_id = i.id)`,
      [bodyIds],
    )
  ).rows;
  const onDate = new Map(
    (
      await q.query<VersionRow>(`${versionSelect} where i.body_id = any($1) and ${inEffectOn(2)} and not v.removed and v.valid_to is not null`, [
        bodyIds,
        effectiveOn,
      ])
    ).rows.map((r) => [r.itemId, contentOf(r)]),
  );
  const codeOf = new Map(rows.map((r) => [r.itemId, r.code]));
  const activeSubs = new Map<string, number>();
  for (const r of rows) if (r.parentId && !r.removed) activeSubs.set(r.parentId, (activeSubs.get(r.parentId) ?? 0) + 1);
  return rows.map((r) => ({
    itemId: r.itemId,
    bodyId: r.bodyId,
    parentId: r.parentId,
    code: r.code,
    parentCode: r.parentId ? (codeOf.get(r.parentId) ?? null) : null,
    removed: r.removed,
    latestValidFrom: r.validFrom,
    content: contentOf(r),
    contentOnEffectiveDate: onDate.get(r.itemId) ?? null,
    activeSubItems: activeSubs.get(r.itemId) ?? 0,
  }));
}

/** Runs the import as `p` (null: the command line, every body). */
export async function importPowerList(ctx: AppContext, who: { actor: Actor; principal: Principal | null }, input: ImportInput): Promise<ImportResult> {
  const grid = await readGrid(input.file);
  const sheet = readPowerSheet(grid);
  if (sheet.errors.length) throw invalid(sheet.errors);
  if (sheet.rows.length === 0) throw invalid([{ row: 0, column: '', message: '表中没有任何事项' }]);

  return inTransaction(ctx, async (tx) => {
    const orgs = (await tx.query<OrgRow>('select id, parent_id as "parentId", name, short_name as "shortName", is_enforcement_body as "isBody" from orgs'))
      .rows;
    const may = (id: string) => (who.principal ? powerListPolicy(who.principal, { id }).add : true);
    const byName = (list: OrgRow[], name: string) => list.filter((o) => o.name === name || o.shortName === name);
    const subtrees = new Map<string, Set<string>>();
    const subtree = async (id: string) => subtrees.get(id) ?? subtrees.set(id, new Set(await orgSubtree(tx, id))).get(id)!;

    const bodyHits = new Map<string, { id: string } | { error: string }>();
    for (const name of new Set(sheet.rows.map((r) => r.cells.body).filter((x): x is string => !!x))) {
      const hits = byName(
        orgs.filter((o) => o.isBody && may(o.id)),
        name,
      );
      bodyHits.set(
        name,
        hits.length === 1
          ? { id: hits[0].id }
          : { error: hits.length ? `实施主体“${name}”不唯一` : `实施主体“${name}”不存在、不是执法主体，或不在您可调整的范围内` },
      );
    }
    const bodyIds = [...bodyHits.values()].flatMap((b) => ('id' in b ? [b.id] : []));
    for (const id of bodyIds) await subtree(id);
    const unitIndex = new Map(bodyIds.map((id) => [id, orgs.filter((o) => subtrees.get(id)!.has(o.id))]));

    const existing = await existingItems(tx, bodyIds, input.effectiveOn);
    const byCode = new Map(existing.map((e) => [`${e.bodyId}\u0000${e.code}`, e]));
    const resolve = await basisResolver(
      tx,
      sheet.rows.flatMap((r) => (r.cells.basis ? parseBasisCell(r.cells.basis) : [])),
    );

    const plan = planPowerImport(sheet.rows, {
      effectiveOn: input.effectiveOn,
      present: sheet.present,
      findBody: (name) => bodyHits.get(name)!,
      findUnit: (bodyId, name) => {
        const hits = byName(unitIndex.get(bodyId) ?? [], name);
        return hits.length === 1 ? { id: hits[0].id } : { error: hits.length ? `承办机构“${name}”不唯一` : `承办机构“${name}”不是该实施主体或其内设机构` };
      },
      resolveBasis: resolve,
      existing: (bodyId, code) => byCode.get(`${bodyId}\u0000${code}`) ?? null,
      existingMainByName: (bodyId, name) => existing.filter((e) => e.bodyId === bodyId && !e.parentId && !e.removed && e.content.name === name),
    });
    if (plan.errors.length) throw invalid(plan.errors);

    await checkApprovers(
      tx,
      bodyIds.filter((b) => plan.ops.some((o) => o.bodyId === b && o.kind !== 'unchanged')),
      input.approverId,
    );
    const batchId = input.dryRun ? null : randomUUID();
    const opts: ChangeOptions = {
      actor: who.actor,
      importBatch: batchId,
      cache: newWriteCache(),
      change: { reason: input.reason, note: input.note, effectiveOn: input.effectiveOn, approverId: input.approverId },
    };
    const idOf = new Map(existing.map((e) => [`${e.bodyId}\u0000${e.code}`, e.itemId]));
    const rows: ImportResult['rows'] = [];
    const isSub = (op: PlannedPowerOp) => (op.kind === 'add' ? op.parentCode !== null : !!byCode.get(`${op.bodyId}\u0000${op.code}`)?.parentId);
    // top-level items first, so that sub-items find their (possibly new) parents
    const ordered = [...plan.ops.filter((o) => !isSub(o)), ...plan.ops.filter(isSub)];
    for (const op of ordered) {
      try {
        if (op.kind === 'add') {
          const parentId = op.parentCode ? (idOf.get(`${op.bodyId}\u0000${op.parentCode}`) ?? null) : null;
          const r = input.dryRun ? { itemId: null } : await writeAdd(tx, ctx, { bodyId: op.bodyId, code: op.code, parentId, content: op.content }, opts);
          if (r.itemId) idOf.set(`${op.bodyId}\u0000${op.code}`, r.itemId);
          rows.push({ row: op.row, code: op.code, action: 'add', itemId: r.itemId });
        } else {
          if (op.kind === 'amend' && !input.dryRun) await writeAmend(tx, ctx, op.itemId, op.content, opts);
          rows.push({ row: op.row, code: op.code, action: op.kind, itemId: op.itemId });
        }
      } catch (e) {
        if (e instanceof AppError && e.status < 500) throw invalid([{ row: op.row, column: '', message: e.messageZh }]);
        throw e;
      }
    }
    rows.sort((a, b) => a.row - b.row);
    const today = chinaToday();
    const warnings = plan.ops.flatMap((op) => {
      const e = op.kind === 'amend' ? byCode.get(`${op.bodyId}\u0000${op.code}`) : undefined;
      return e && e.latestValidFrom > today
        ? [{ row: op.row, code: op.code, message: `事项“${op.code}”已有自 ${e.latestValidFrom} 起生效的调整，本行的内容将自 ${input.effectiveOn} 起取代它` }]
        : [];
    });
    return {
      dryRun: !!input.dryRun,
      batchId,
      rows,
      warnings,
      added: rows.filter((r) => r.action === 'add').length,
      amended: rows.filter((r) => r.action === 'amend').length,
      unchanged: rows.filter((r) => r.action === 'unchanged').length,
    };
  });
}

/** The approver must be able to approve for every body the file changes (checked once, before any row is written). */
async function checkApprovers(tx: Queryable, bodyIds: string[], approverId: string): Promise<void> {
  const u = (
    await tx.query<{ orgId: string; roles: string[]; active: boolean }>('select org_id as "orgId", roles, active from users where id = $1', [approverId])
  ).rows[0];
  for (const b of bodyIds) {
    if (!u?.active || !u.roles.includes('leader') || !(await orgSubtree(tx, b)).includes(u.orgId)) {
      throw new AppError('APPROVER_INVALID', '批准人应为该执法主体在职的局领导');
    }
  }
}
