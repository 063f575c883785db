/**
 * Reading the figure catalogue: the declarations, a figure's number over a scope and period with its breakdowns, its
 * months and last year's number, and the records behind it. Everything here is computed by `platform/figures`.
 */
import { AppError } from '../../platform/errors.ts';
import type { Queryable } from '../../platform/db/index.ts';
import {
  computeFigure,
  computeFigureBy,
  computeFigureByMonth,
  figureRecords,
  groupKeys,
  isOrgKey,
  orgKeys,
  type FigureScope,
} from '../../platform/figures/compute.ts';
import { figureUnitLabels, type FigureDef, type RegisteredFigure } from '../../platform/figures/define.ts';
import type { Registry } from '../../platform/modules.ts';
import { notFound } from '../../platform/errors.ts';

export function presentFigure(r: RegisteredFigure) {
  const f = r.figure;
  return {
    id: f.id,
    label: f.label,
    definition: f.definition,
    unit: f.unit,
    unitLabel: figureUnitLabels[f.unit],
    aggregate: f.aggregate,
    period: f.period,
    module: r.module,
    moduleLabel: r.moduleLabel,
    dimensions: [
      ...Object.entries(f.dimensions ?? {}).map(([key, d]) => ({ key, label: d.label, values: { ...(d.values ?? {}) } })),
      ...Object.entries(orgKeys).map(([key, label]) => ({ key, label, values: {} })),
    ],
    sources: f.sources.map((s) => ({ ref: s.ref, quote: s.quote })),
  };
}

export function figureById(reg: Registry, id: string): RegisteredFigure {
  const r = reg.figureOf(id);
  if (!r) throw notFound('统计指标');
  return r;
}

/** `field=food,outcome=penalty` → a filter on declared dimensions (400 for anything else). */
export function parseFilter(f: FigureDef, text: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (text ?? '').split(',').filter(Boolean)) {
    const [k, v] = part.split('=');
    if (!k || v === undefined || v === '' || !groupKeys(f).includes(k))
      throw new AppError('FIGURE_FILTER_INVALID', `统计指标“${f.label}”没有维度“${k}”，可用的维度：${groupKeys(f).join('、')}`);
    out[k] = v;
  }
  return out;
}

/** The same period one year earlier (29 February → 28 February). */
export function previousYear(scope: FigureScope): FigureScope {
  const back = (d: string) => {
    const y = Number(d.slice(0, 4)) - 1;
    const md = d.slice(5) === '02-29' ? '02-28' : d.slice(5);
    return `${y}-${md}`;
  };
  return { ...scope, from: back(scope.from), to: back(scope.to) };
}

/** The names of the orgs a breakdown by `org` shows. */
async function orgNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await q.query<{ id: string; name: string }>('select id, name from orgs where id = any($1)', [ids]);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

export const labelOf = (f: FigureDef, dim: string, key: string, orgs: Map<string, string>) =>
  isOrgKey(dim) ? (orgs.get(key) ?? (key || '全平台')) : (f.dimensions?.[dim]?.values?.[key] ?? (key || '未填写'));

/** A figure's number over the scope, its breakdowns (all, or the one asked), its months and last year's number. */
export async function figureDetail(q: Queryable, r: RegisteredFigure, scope: FigureScope, filter: Record<string, string>, by?: string) {
  const f = r.figure;
  const keys = by ? [by] : groupKeys(f);
  for (const k of keys) if (!groupKeys(f).includes(k)) throw new AppError('FIGURE_FILTER_INVALID', `统计指标“${f.label}”没有维度“${k}”`);
  const [now, before] = [await computeFigure(q, f, scope, filter), await computeFigure(q, f, previousYear(scope), filter)];
  const groups: { key: string; label: string; items: { key: string; label: string; value: number | null; records: number }[] }[] = [];
  for (const k of keys) {
    const rows = await computeFigureBy(q, f, scope, k, filter);
    const orgs = isOrgKey(k)
      ? await orgNames(
          q,
          rows.map((x) => x.key),
        )
      : new Map<string, string>();
    groups.push({
      key: k,
      label: isOrgKey(k) ? orgKeys[k] : f.dimensions![k].label,
      items: rows.map((x) => ({ ...x, label: labelOf(f, k, x.key, orgs) })),
    });
  }
  return {
    figure: presentFigure(r),
    from: scope.from,
    to: scope.to,
    filter,
    value: now.value,
    records: now.records,
    previous: {
      from: previousYear(scope).from,
      to: previousYear(scope).to,
      value: before.value,
      records: before.records,
      months: f.period === 'flow' ? await computeFigureByMonth(q, f, previousYear(scope), filter) : [],
    },
    groups,
    months: f.period === 'flow' ? await computeFigureByMonth(q, f, scope, filter) : [],
  };
}

/** The records behind the number, with their unit's name and their dimensions' labels. */
export async function figureRecordList(
  q: Queryable,
  r: RegisteredFigure,
  scope: FigureScope,
  filter: Record<string, string>,
  page: { limit: number; offset: number },
) {
  const f = r.figure;
  const { total, items } = await figureRecords(q, f, scope, filter, page);
  const orgs = await orgNames(q, [...new Set(items.flatMap((i) => (i.orgId ? [i.orgId] : [])))]);
  return {
    total,
    items: items.map((i) => ({
      ref: i.ref,
      title: i.title,
      href: i.href,
      orgName: i.orgId ? (orgs.get(i.orgId) ?? i.orgId) : '全平台',
      onDate: i.onDate,
      value: i.value,
      dims: Object.entries(i.dims).map(([k, v]) => ({
        key: k,
        label: f.dimensions![k].label,
        value: v,
        valueLabel: v === null ? null : labelOf(f, k, v, orgs),
      })),
    })),
  };
}

/** Every figure's number over the scope and period, with last year's (the 统计 overview). */
export async function figureOverview(q: Queryable, reg: Registry, scope: FigureScope) {
  const prev = previousYear(scope);
  const items = [];
  for (const r of reg.figures) {
    const [now, before] = [await computeFigure(q, r.figure, scope), await computeFigure(q, r.figure, prev)];
    items.push({ ...presentFigure(r), value: now.value, records: now.records, previousValue: before.value });
  }
  return { from: scope.from, to: scope.to, previousFrom: prev.from, previousTo: prev.to, items };
}

/**
 * Every figure side by side per enforcement body (`body`, a supervisor's comparison of the bodies under them) or per
 * unit (`org`): the same grouping as a figure's breakdown, for the whole catalogue.
 */
export async function figureComparison(q: Queryable, reg: Registry, scope: FigureScope, by: 'body' | 'org') {
  const items = [];
  const seen = new Set<string>();
  for (const r of reg.figures) {
    const total = await computeFigure(q, r.figure, scope);
    const groups = await computeFigureBy(q, r.figure, scope, by);
    for (const g of groups) seen.add(g.key);
    items.push({ ...presentFigure(r), value: total.value, values: Object.fromEntries(groups.map((g) => [g.key, { value: g.value, records: g.records }])) });
  }
  const names = await orgNames(q, [...seen].filter(Boolean));
  // the org tree's order: the scope's ids come root first, a body above the scope before them
  const order = new Map(scope.orgIds.map((id, i) => [id, i]));
  const columns = [...seen]
    .map((key) => ({ key, label: key ? (names.get(key) ?? key) : '全平台' }))
    .sort((a, b) => (order.get(a.key) ?? -1) - (order.get(b.key) ?? -1) || a.label.localeCompare(b.label, 'zh'));
  return { by, from: scope.from, to: scope.to, columns, items };
}
