/**
 * Seeds the demo power list through the same change functions as the API and the import: the
 * list as first published, then a few approved adjustments (立改废), so that the history and the
 * as-of views have something to show. Needs the law library and the demo users to exist.
 */
import { addDays, chinaToday } from '../domain/dates.ts';
import { parseBasisCell, type PowerContent } from '../domain/powers.ts';
import { basisResolver } from '../modules/powers/basis.ts';
import { newWriteCache, writeAdd, writeAmend, writeRemove, type ChangeOptions } from '../modules/powers/commands/write-change.ts';
import { contentOf, versionSelect, type VersionRow } from '../modules/powers/queries.ts';
import type { AppContext } from '../platform/context.ts';
import type { Queryable } from '../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../platform/record/ledger.ts';
import { demoEcommerceItem, demoPowerChanges as changes, demoPowerItems, demoUnitPhones, type DemoPowerItem, type UnitKey } from './powerListItems.ts';
import { categoryTemplates } from './powerListTemplates.ts';

export async function seedPowerList(ctx: AppContext, tx: Queryable, orgIds: Record<string, string>, today = chinaToday()): Promise<{ items: number }> {
  const bodyId = orgIds.district;
  const approver = (
    await tx.query<{ id: string }>(`select id from users where org_id = $1 and 'leader' = any(roles) and active order by username limit 1`, [bodyId])
  ).rows[0];
  if (!approver) throw new Error('seedPowerList: the district has no leader to approve the list');

  const all = [...demoPowerItems, demoEcommerceItem];
  const refs = all
    .flatMap((i) => [...i.basis, ...(i.sub ?? []).flatMap((s) => s.basis)])
    .concat(changes.seBasis.add)
    .flatMap(parseBasisCell);
  const resolve = await basisResolver(tx, refs);
  const articleIds = (basis: string[]) =>
    basis.flatMap(parseBasisCell).flatMap((ref) => {
      if (ref.kind === 'invalid') throw new Error(`seedPowerList: ${ref.message}`);
      const r = resolve(ref);
      if ('error' in r) throw new Error(`seedPowerList: ${r.error}`);
      return r.articleIds;
    });
  const unitId = (k: UnitKey) => {
    const id = orgIds[k];
    if (!id) throw new Error(`seedPowerList: no org ${k}`);
    return id;
  };

  const contentFor = (item: DemoPowerItem | Omit<DemoPowerItem, 'category' | 'sub'>, category: DemoPowerItem['category']): PowerContent => {
    const t = categoryTemplates[category];
    return {
      name: item.name,
      category,
      unitId: unitId(item.unit),
      basis: articleIds(item.basis),
      responsibilities: item.responsibilities ?? t.responsibilities,
      accountability: t.accountability,
      steps: item.steps ?? t.steps,
      materials: item.materials ?? [],
      timeLimit: item.timeLimit === undefined ? t.timeLimit : item.timeLimit,
      fee: item.fee ?? (category === 'levy' ? null : '不收费'),
      office: item.office ?? null,
      phone: item.phone ?? demoUnitPhones[item.unit],
      remarks: item.remarks ?? null,
    };
  };
  const cache = newWriteCache();
  const opts = (c: { effectiveOn: string; reason: ChangeOptions['change']['reason']; note: string }): ChangeOptions => ({
    actor: SYSTEM_ACTOR,
    cache,
    change: { effectiveOn: c.effectiveOn, reason: c.reason, note: c.note, approverId: approver.id },
  });
  const idOf = new Map<string, string>();
  const add = async (item: DemoPowerItem, o: ChangeOptions) => {
    const { itemId } = await writeAdd(tx, ctx, { bodyId, code: item.code, parentId: null, content: contentFor(item, item.category) }, o);
    idOf.set(item.code, itemId);
    for (const s of item.sub ?? []) {
      const r = await writeAdd(tx, ctx, { bodyId, code: s.code, parentId: itemId, content: contentFor(s, item.category) }, o);
      idOf.set(s.code, r.itemId);
    }
  };
  const latest = async (code: string) =>
    contentOf((await tx.query<VersionRow>(`${versionSelect} where i.id = $1 order by v.version_no desc limit 1`, [idOf.get(code)])).rows[0]);

  // the list as first published
  for (const item of demoPowerItems) await add(item, opts(changes.initial));
  // 2024-07: a new departmental rule supplements the basis of special-equipment inspections
  const se = await latest(changes.seBasis.code);
  await writeAmend(tx, ctx, idOf.get(changes.seBasis.code)!, { ...se, basis: [...se.basis, ...articleIds([changes.seBasis.add])] }, opts(changes.seBasis));
  // 2025-01: an item added at the city bureau's request
  await add(demoEcommerceItem, opts(changes.ecommerce));
  // 2025-03: a shorter promised time limit for food business licences
  const food = await latest(changes.foodLicenceFaster.code);
  await writeAmend(
    tx,
    ctx,
    idOf.get(changes.foodLicenceFaster.code)!,
    { ...food, timeLimit: changes.foodLicenceFaster.timeLimit },
    opts(changes.foodLicenceFaster),
  );
  // 2025-07: drug retail licensing moved to the district's administrative approval bureau
  await writeRemove(tx, ctx, idOf.get(changes.drugLicenceTransferred.code)!, opts(changes.drugLicenceTransferred));
  // next month: complaints handled by another unit (approved, not yet in effect)
  const c = changes.complaintsToStation1;
  const complaints = await latest(c.code);
  const nextMonth = addDays(today, 30);
  await writeAmend(tx, ctx, idOf.get(c.code)!, { ...complaints, unitId: unitId(c.unit) }, opts({ ...c, effectiveOn: nextMonth }));
  return { items: idOf.size };
}
