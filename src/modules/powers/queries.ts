/** Visibility-aware reads of the power list, as of a date. */
import { chinaToday } from '../../domain/dates.ts';
import { powerCategoryIds, powerCategoryLabels, type PowerCategory, type PowerContent } from '../../domain/powers.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { ancestorsOf, orgSubtree } from '../../platform/orgs.ts';
import { powerItemPolicy, powerListPolicy, type Principal } from '../../platform/policies.ts';
import { articlesByIds } from '../laws/index.ts';
import type { TPowerItem } from './schema.ts';

export interface VersionRow {
  itemId: string;
  code: string;
  bodyId: string;
  bodyName: string;
  parentId: string | null;
  versionId: string;
  versionNo: number;
  validFrom: string;
  validTo: string | null;
  removed: boolean;
  name: string;
  category: PowerCategory;
  unitId: string;
  unitName: string;
  basis: string;
  responsibilities: string;
  accountability: string;
  steps: string;
  materials: string;
  timeLimit: string | null;
  fee: string | null;
  office: string | null;
  phone: string | null;
  remarks: string | null;
}

export const versionSelect = `select i.id as "itemId", i.code, i.body_id as "bodyId", b.name as "bodyName", i.parent_id as "parentId",
  v.id as "versionId", v.version_no as "versionNo", v.valid_from as "validFrom", v.valid_to as "validTo", v.removed, v.name, v.category,
  v.unit_id as "unitId", u.name as "unitName", v.basis, v.responsibilities, v.accountability, v.steps, v.materials,
  v.time_limit as "timeLimit", v.fee, v.office, v.phone, v.remarks
  from power_items i join power_item_versions v on v.item_id = i.id join orgs b on b.id = i.body_id join orgs u on u.id = v.unit_id`;

/** The version of each item in effect on the date in parameter `$n`. */
export const inEffectOn = (n: number) => `v.valid_from <= $${n}::date and (v.valid_to is null or v.valid_to > $${n}::date)`;

export const categoryOrder = `array_position(array[${powerCategoryIds.map((c) => `'${c}'`).join(',')}]::text[], v.category)`;

export function contentOf(r: VersionRow): PowerContent {
  return {
    name: r.name,
    category: r.category,
    unitId: r.unitId,
    basis: JSON.parse(r.basis),
    responsibilities: JSON.parse(r.responsibilities),
    accountability: JSON.parse(r.accountability),
    steps: JSON.parse(r.steps),
    materials: JSON.parse(r.materials),
    timeLimit: r.timeLimit,
    fee: r.fee,
    office: r.office,
    phone: r.phone,
    remarks: r.remarks,
  };
}

/** Re-exported for inspections/workflow.ts (being rewritten elsewhere); new code imports platform/orgs.ts. */
export { ancestorsOf };

/** Bodies whose lists the caller reads: their own subtree and the bodies above them. */
export async function readableBodies(q: Queryable, p: Principal): Promise<{ ids: string[]; ancestors: Set<string> }> {
  const ancestors = await ancestorsOf(q, p.orgId);
  return { ids: [...new Set([...p.scope, ...ancestors])], ancestors };
}

export type CitedArticle = TPowerItem['basis'][number];

/** Label, law and version of each cited article (an id the library no longer has is shown from the id itself). */
export async function citedArticles(q: Queryable, ids: string[]): Promise<Map<string, CitedArticle>> {
  const unique = [...new Set(ids)];
  const found = unique.length ? await articlesByIds(q, unique) : [];
  const out = new Map<string, CitedArticle>();
  for (const a of found) {
    out.set(a.id, { articleId: a.id, label: a.label, lawTitle: a.title, sourceId: a.sourceId, versionDate: a.versionDate, versionStatus: a.status });
  }
  for (const id of unique) {
    if (out.has(id)) continue;
    const m = /^(.+)@(\d{4}-\d{2}-\d{2})#(.+)$/.exec(id);
    out.set(id, { articleId: id, label: m?.[3] ?? id, lawTitle: m?.[1] ?? id, sourceId: m?.[1] ?? id, versionDate: m?.[2] ?? '', versionStatus: 'unknown' });
  }
  return out;
}

export function presentItem(p: Principal, r: VersionRow, articles: Map<string, CitedArticle>, ancestors: ReadonlySet<string>): TPowerItem {
  const c = contentOf(r);
  return {
    id: r.itemId,
    code: r.code,
    bodyId: r.bodyId,
    bodyName: r.bodyName,
    parentId: r.parentId,
    versionId: r.versionId,
    versionNo: r.versionNo,
    validFrom: r.validFrom,
    validTo: r.validTo,
    ...c,
    categoryLabel: powerCategoryLabels[c.category],
    unitName: r.unitName,
    basis: c.basis.map((id) => articles.get(id)!),
    abilities: powerItemPolicy(p, { bodyId: r.bodyId }, ancestors),
  };
}

export interface PowerFilter {
  bodyId?: string;
  unitId?: string;
  category?: PowerCategory;
  q?: string;
  asOf?: string;
}

/** The version rows in effect on `asOf` for the given bodies, in list order (category, then code). */
export async function versionsInEffect(q: Queryable, bodyIds: string[], f: PowerFilter & { asOf: string }): Promise<VersionRow[]> {
  const params: unknown[] = [bodyIds, f.asOf];
  let where = `i.body_id = any($1) and ${inEffectOn(2)} and not v.removed`;
  const add = (v: unknown, sql: (n: number) => string) => {
    params.push(v);
    where += ` and ${sql(params.length)}`;
  };
  if (f.bodyId) add(f.bodyId, (n) => `i.body_id = $${n}`);
  if (f.unitId) add(f.unitId, (n) => `v.unit_id = $${n}`);
  if (f.category) add(f.category, (n) => `v.category = $${n}`);
  if (f.q) add(`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, (n) => `(v.name ilike $${n} or i.code ilike $${n})`);
  const r = await q.query<VersionRow>(`${versionSelect} where ${where} order by b.sort_order, b.name, ${categoryOrder}, i.code`, params);
  return r.rows;
}

export async function listPowerItems(q: Queryable, p: Principal, f: PowerFilter): Promise<TPowerItem[]> {
  const { ids, ancestors } = await readableBodies(q, p);
  const rows = await versionsInEffect(q, ids, { ...f, asOf: f.asOf ?? chinaToday() });
  const articles = await citedArticles(
    q,
    rows.flatMap((r) => JSON.parse(r.basis) as string[]),
  );
  return rows.map((r) => presentItem(p, r, articles, ancestors));
}

/** Counts by category for the annual report: top-level items and sub-items in effect on `asOf`. */
export async function summarizePowerList(q: Queryable, p: Principal, f: { bodyId?: string; asOf?: string }) {
  const asOf = f.asOf ?? chinaToday();
  const { ids } = await readableBodies(q, p);
  const params: unknown[] = [ids, asOf];
  if (f.bodyId) params.push(f.bodyId);
  const r = await q.query<{ category: PowerCategory; items: number; subItems: number }>(
    `select v.category, count(*) filter (where i.parent_id is null)::int as items, count(*) filter (where i.parent_id is not null)::int as "subItems"
       from power_items i join power_item_versions v on v.item_id = i.id
      where i.body_id = any($1) and ${inEffectOn(2)} and not v.removed ${f.bodyId ? 'and i.body_id = $3' : ''}
      group by v.category`,
    params,
  );
  const by = new Map(r.rows.map((x) => [x.category, x]));
  const categories = powerCategoryIds.map((c) => ({
    category: c,
    label: powerCategoryLabels[c],
    items: by.get(c)?.items ?? 0,
    subItems: by.get(c)?.subItems ?? 0,
  }));
  const items = categories.reduce((s, c) => s + c.items, 0);
  const subItems = categories.reduce((s, c) => s + c.subItems, 0);
  return { asOf, bodyId: f.bodyId ?? null, total: items + subItems, items, subItems, categories };
}

/** Enforcement bodies whose lists the caller reads, with the units that may handle an item. */
export async function listPowerBodies(q: Queryable, p: Principal) {
  const { ids } = await readableBodies(q, p);
  const bodies = (
    await q.query<{ id: string; name: string; divisionCode: string | null }>(
      `select id, name, division_code as "divisionCode" from orgs where is_enforcement_body and id = any($1) order by sort_order, name`,
      [ids],
    )
  ).rows;
  const all = (
    await q.query<{ id: string; parentId: string | null; name: string; isBody: boolean }>(
      `select id, parent_id as "parentId", name, is_enforcement_body as "isBody" from orgs order by sort_order, name`,
    )
  ).rows;
  const children = new Map<string, typeof all>();
  for (const o of all) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o]);
  const unitsOf = (id: string) => {
    const out: { id: string; name: string }[] = [];
    const walk = (at: string) => {
      for (const c of children.get(at) ?? []) {
        if (c.isBody) continue; // a nested body keeps its own list
        out.push({ id: c.id, name: c.name });
        walk(c.id);
      }
    };
    walk(id);
    return out;
  };
  const parentOf = new Map(all.map((o) => [o.id, o.parentId]));
  const depth = (id: string) => {
    let d = 0;
    for (let at = parentOf.get(id); at; at = parentOf.get(at)) d++;
    return d;
  };
  bodies.sort((a, b) => depth(a.id) - depth(b.id));
  return bodies.map((b) => ({
    ...b,
    units: [{ id: b.id, name: b.name }, ...unitsOf(b.id)],
    abilities: powerListPolicy(p, b),
  }));
}

/** Active leaders (局领导) of a body, who may approve its changes. */
export async function listApprovers(q: Queryable, bodyId: string) {
  const subtree = await orgSubtree(q, bodyId);
  return (
    await q.query<{ id: string; displayName: string; username: string; orgName: string }>(
      `select u.id, u.display_name as "displayName", u.username, o.name as "orgName" from users u join orgs o on o.id = u.org_id
      where u.active and 'leader' = any(u.roles) and u.org_id = any($1) order by u.display_name`,
      [[...subtree]],
    )
  ).rows;
}
