/** One power item as of a date: the version then in effect, every version with its change record, flags. */
import { chinaToday } from '../../domain/dates.ts';
import { changedPowerFields, powerChangeKinds, powerChangeReasons, type PowerChangeKind, type PowerChangeReason } from '../../domain/powers.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { citedArticles, contentOf, inEffectOn, presentItem, readableBodies, versionSelect, type VersionRow } from './queries.ts';
import type { TPowerItemDetail } from './schema.ts';

interface ChangeRow {
  versionId: string;
  changeId: string;
  kind: PowerChangeKind;
  reason: PowerChangeReason;
  note: string;
  effectiveOn: string;
  approverId: string;
  approverName: string;
  requestedBy: string | null;
  requestedByName: string;
  importBatch: string | null;
  recordedAt: string;
}

/** All versions of an item, oldest first. */
export async function versionsOf(q: Queryable, itemId: string): Promise<VersionRow[]> {
  return (await q.query<VersionRow>(`${versionSelect} where i.id = $1 order by v.version_no`, [itemId])).rows;
}

/** The item's identity (body, code, parent) or null. */
export async function findPowerItem(q: Queryable, id: string): Promise<{ id: string; bodyId: string; code: string; parentId: string | null } | null> {
  const r = await q.query<{ id: string; bodyId: string; code: string; parentId: string | null }>(
    'select id, body_id as "bodyId", code, parent_id as "parentId" from power_items where id = $1',
    [id],
  );
  return r.rows[0] ?? null;
}

export async function getPowerItem(q: Queryable, p: Principal, id: string, asOfInput?: string): Promise<TPowerItemDetail | null> {
  const asOf = asOfInput ?? chinaToday();
  const versions = await versionsOf(q, id);
  if (versions.length === 0) return null;
  const { ancestors } = await readableBodies(q, p);
  const changes = new Map(
    (
      await q.query<ChangeRow>(
        `select v.id as "versionId", c.id as "changeId", c.kind, c.reason, c.note, c.effective_on as "effectiveOn", c.approver_id as "approverId",
            a.display_name as "approverName", c.requested_by as "requestedBy", c.requested_by_name as "requestedByName",
            c.import_batch as "importBatch", c.created_at as "recordedAt"
       from power_item_versions v join power_changes c on c.id = v.change_id join users a on a.id = c.approver_id
      where v.item_id = $1`,
        [id],
      )
    ).rows.map((c) => [c.versionId, c]),
  );

  const atDate = versions.find((v) => v.validFrom <= asOf && (v.validTo === null || v.validTo > asOf));
  const shown = atDate ?? versions[versions.length - 1];
  const articles = await citedArticles(
    q,
    versions.flatMap((v) => JSON.parse(v.basis) as string[]),
  );
  const item = presentItem(p, shown, articles, ancestors);

  const parent = shown.parentId
    ? ((
        await q.query<{ id: string; code: string; name: string }>(
          `select i.id, i.code, v.name from power_items i join power_item_versions v on v.item_id = i.id
          where i.id = $1 order by (${inEffectOn(2)}) desc, v.version_no desc limit 1`,
          [shown.parentId, asOf],
        )
      ).rows[0] ?? null)
    : null;
  const subItems = (
    await q.query<{ id: string; code: string; name: string }>(
      `select i.id, i.code, v.name from power_items i join power_item_versions v on v.item_id = i.id
      where i.parent_id = $1 and ${inEffectOn(2)} and not v.removed order by i.code`,
      [id, asOf],
    )
  ).rows;
  const basisFlags = (
    await q.query<{ id: string; articleId: string; newArticleId: string | null; change: string; status: string; createdAt: string }>(
      `select id, article_id as "articleId", new_article_id as "newArticleId", change, status, created_at as "createdAt"
       from basis_flags where subject_type = 'powerItem' and subject_id = $1 order by created_at desc`,
      [id],
    )
  ).rows.map((f) => ({ ...f, createdAt: new Date(f.createdAt).toISOString() }));

  return {
    ...item,
    inEffect: !!atDate && !atDate.removed,
    removed: shown.removed,
    asOf,
    parent,
    subItems,
    basisFlags,
    versions: versions.map((v, i) => {
      const c = changes.get(v.versionId)!;
      return {
        versionId: v.versionId,
        versionNo: v.versionNo,
        validFrom: v.validFrom,
        validTo: v.validTo,
        removed: v.removed,
        name: v.name,
        category: v.category,
        unitName: v.unitName,
        basis: JSON.parse(v.basis),
        changedFields: i === 0 || v.removed ? [] : changedPowerFields(contentOf(versions[i - 1]), contentOf(v)),
        change: {
          id: c.changeId,
          kind: c.kind,
          kindLabel: powerChangeKinds[c.kind],
          reason: c.reason,
          reasonLabel: powerChangeReasons[c.reason],
          note: c.note,
          effectiveOn: c.effectiveOn,
          approver: { id: c.approverId, name: c.approverName },
          requestedBy: { id: c.requestedBy, name: c.requestedByName },
          importBatch: c.importBatch,
          recordedAt: new Date(c.recordedAt).toISOString(),
        },
      };
    }),
  };
}
