/**
 * Computing a figure: its facts query, kept to an org subtree and a period, aggregated — in total, or grouped by
 * its declared dimensions (and `org`, which every figure has: the record's own org). The records behind a number are
 * the same rows listed, so the list always adds up to the number.
 */
import type { Queryable } from '../db/index.ts';
import type { FigureDef } from './define.ts';

export interface FigureScope {
  /** the org subtree the figure covers (the ids, root first) */
  orgIds: readonly string[];
  /** the period, inclusive, China dates */
  from: string;
  to: string;
}

/**
 * The keys every figure is grouped and filtered by besides its own dimensions: the record's own org (单位) and the
 * enforcement body that org belongs to (执法主体: itself, or the nearest one above it — the view
 * `org_enforcement_bodies`, migration 0033), which is how a supervisor compares the bodies under them.
 */
export const orgKeys = { org: '单位', body: '执法主体' } as const;
export const isOrgKey = (key: string): key is keyof typeof orgKeys => key === 'org' || key === 'body';

/** Keys a figure can be grouped by: its dimensions, `org` and `body`. */
export const groupKeys = (f: FigureDef): string[] => [...Object.keys(f.dimensions ?? {}), ...Object.keys(orgKeys)];

const column = (f: FigureDef, key: string): string => {
  if (key === 'org') return 'f.org_id';
  if (key === 'body') return 'b.body_id';
  if (!(key in (f.dimensions ?? {}))) throw new Error(`figure ${f.id} has no dimension ${key}`);
  return `f.${key}`;
};

/** The facts and, when the body is asked for, each record's enforcement body. */
const from = (keys: readonly string[]) => (keys.includes('body') ? 'f left join org_enforcement_bodies b on b.org_id = f.org_id' : 'f');

/** The WHERE clause of a scope and a filter on dimension values; parameters from $1. */
function where(f: FigureDef, scope: FigureScope, filter: Readonly<Record<string, string>>): { sql: string; params: unknown[]; from: string } {
  const params: unknown[] = [scope.orgIds, scope.from, scope.to];
  // a record of no org (the law library serves every body) counts in every scope
  const parts = ['(f.org_id is null or f.org_id = any($1::text[]))'];
  parts.push(
    f.period === 'flow'
      ? 'f.on_date between $2::date and $3::date'
      : '(f.on_date is null or f.on_date <= $3::date) and (f.until is null or f.until >= $3::date) and $2::date is not null',
  );
  for (const [k, v] of Object.entries(filter)) {
    params.push(v);
    parts.push(`${column(f, k)}::text = $${params.length}`);
  }
  return { sql: parts.join(' and '), params, from: from(Object.keys(filter)) };
}

export interface FigureValue {
  /** the number: a count, a total (分 for money) or a share in [0, 1] (null when nothing to share) */
  value: number | null;
  /** how many records make it */
  records: number;
}

const aggregateOf = (f: FigureDef, n: number, total: number): number | null =>
  f.aggregate === 'count' ? n : f.aggregate === 'sum' ? total : n === 0 ? null : total / n;

/** The figure's number over the scope, optionally only where the given dimensions have the given values. */
export async function computeFigure(q: Queryable, f: FigureDef, scope: FigureScope, filter: Readonly<Record<string, string>> = {}): Promise<FigureValue> {
  const w = where(f, scope, filter);
  const r = await q.query<{ n: number; total: string | number | null }>(
    `with f as (${f.facts}) select count(*)::int as n, coalesce(sum(f.value), 0) as total from ${w.from} where ${w.sql}`,
    w.params,
  );
  const n = Number(r.rows[0].n);
  return { value: aggregateOf(f, n, Number(r.rows[0].total)), records: n };
}

export interface FigureGroup extends FigureValue {
  key: string;
}

/** The figure broken down by one of its dimensions (or `org`, `body`), largest first. */
export async function computeFigureBy(
  q: Queryable,
  f: FigureDef,
  scope: FigureScope,
  by: string,
  filter: Readonly<Record<string, string>> = {},
): Promise<FigureGroup[]> {
  const col = column(f, by);
  const w = where(f, scope, filter);
  const r = await q.query<{ key: string | null; n: number; total: string | number | null }>(
    `with f as (${f.facts}) select ${col}::text as key, count(*)::int as n, coalesce(sum(f.value), 0) as total from ${from([by, ...Object.keys(filter)])} where ${w.sql} group by 1`,
    w.params,
  );
  return r.rows
    .map((x) => ({ key: x.key ?? '', records: Number(x.n), value: aggregateOf(f, Number(x.n), Number(x.total)) }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.key.localeCompare(b.key));
}

/** The figure per calendar month of the period (a flow figure), months without records included. */
export async function computeFigureByMonth(q: Queryable, f: FigureDef, scope: FigureScope, filter: Readonly<Record<string, string>> = {}) {
  if (f.period !== 'flow') throw new Error(`figure ${f.id} is a stock: it has no months`);
  const w = where(f, scope, filter);
  const r = await q.query<{ month: string; n: number; total: string | number | null }>(
    `with f as (${f.facts}) select to_char(f.on_date, 'YYYY-MM') as month, count(*)::int as n, coalesce(sum(f.value), 0) as total from ${w.from} where ${w.sql} group by 1`,
    w.params,
  );
  const got = new Map(r.rows.map((x) => [x.month, x]));
  const out: (FigureValue & { month: string })[] = [];
  for (let y = Number(scope.from.slice(0, 4)), m = Number(scope.from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= scope.to.slice(0, 7); ) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const x = got.get(month);
    out.push({ month, records: x ? Number(x.n) : 0, value: aggregateOf(f, x ? Number(x.n) : 0, x ? Number(x.total) : 0) });
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export interface FigureRecord {
  ref: string;
  title: string;
  href: string | null;
  /** null: a record of the whole platform (the law library) */
  orgId: string | null;
  onDate: string | null;
  value: number;
  dims: Record<string, string | null>;
}

/** The records behind the number (the same rows, paged), newest first. */
export async function figureRecords(
  q: Queryable,
  f: FigureDef,
  scope: FigureScope,
  filter: Readonly<Record<string, string>>,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: FigureRecord[] }> {
  const w = where(f, scope, filter);
  const dims = Object.keys(f.dimensions ?? {});
  const n = w.params.length;
  const r = await q.query<Record<string, unknown>>(
    `with f as (${f.facts}) select f.ref::text as ref, f.title::text as title, f.href::text as href, f.org_id::text as org_id, f.on_date::text as on_date, f.value,
            ${dims.map((d) => `f.${d}::text as ${d}`).join(', ')}${dims.length ? ',' : ''} count(*) over ()::int as total
       from ${w.from} where ${w.sql} order by f.on_date desc nulls last, f.ref limit $${n + 1} offset $${n + 2}`,
    [...w.params, page.limit, page.offset],
  );
  const total = r.rows.length ? Number(r.rows[0].total) : (await computeFigure(q, f, scope, filter)).records;
  return {
    total,
    items: r.rows.map((x) => ({
      ref: String(x.ref),
      title: String(x.title ?? x.ref),
      href: (x.href as string | null) ?? null,
      orgId: (x.org_id as string | null) ?? null,
      onDate: (x.on_date as string | null) ?? null,
      value: Number(x.value),
      dims: Object.fromEntries(dims.map((d) => [d, (x[d] as string | null) ?? null])),
    })),
  };
}
