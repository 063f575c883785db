/**
 * The figure catalogue (统计指标目录): every number the platform reports — the 法治政府建设年度报告, the yearly
 * enforcement data, the dashboards — is a figure declared once by the module that owns its records: an id, its
 * Chinese name and definition, the unit, the dimensions it can be broken down by, the seed passage or rule that asks
 * for it, and ONE SQL query listing the records that make it (its *facts*). The number is an aggregate of those facts,
 * so every number can be opened down to the records behind it, and the list and the number never disagree.
 *
 * The facts query is plain SQL over current state or the record, without parameters, returning one row per record:
 *   ref      text  the record's id (a case id, a publication id …)
 *   title    text  what a person reads in the list (立案编号, 文号, name …)
 *   href     text  the console page of the record, or null
 *   org_id   text  the org the record belongs to (the scope filter keeps the org subtree asked for); null for a
 *                  record of the whole platform (the law library), which every scope counts
 *   on_date  date  the day the record counts on (a `flow` figure: within the period; a `stock` figure: null)
 *   until    date  a `stock` figure only: the last day the record counts (null: still counts); it counts on
 *                  the period's last day when on_date ≤ that day ≤ until (on_date null: since always)
 *   value    numeric  1 for a count; the amount for a sum (分 for money); 0 or 1 for a share
 *   <dim>    text  one column per declared dimension, its value a key of the dimension's labels
 */
import type { Role } from '../../domain/vocabulary.ts';

/** How the facts become the number: how many, their total, or the share of facts whose value is 1 (a rate). */
export type FigureAggregate = 'count' | 'sum' | 'share';
/** 件 / 元 (the facts carry 分) / 人 / 项 / 次 / 学时 / 百分比 (a share). */
export type FigureUnit = 'items' | 'cases' | 'people' | 'times' | 'fen' | 'hours' | 'percent';

export const figureUnitLabels: Record<FigureUnit, string> = {
  items: '项',
  cases: '件',
  people: '人',
  times: '次',
  fen: '元',
  hours: '学时',
  percent: '%',
};

/** A breakdown: its Chinese name and the labels of its values (a value without a label shows as itself). */
export interface FigureDimension {
  label: string;
  values?: Readonly<Record<string, string>>;
}

/** Why the figure exists: a passage of a seed report (seeds/000…004) or a rule that asks for it. */
export interface FigureSource {
  /** `seed:004` (a seed report by its number) or `rule:<citation>` */
  ref: string;
  /** the passage, quoted */
  quote: string;
}

export interface FigureDef {
  /** `<module>.<name>`, stable: reports and figure sets keep it */
  id: string;
  /** the Chinese name a report prints */
  label: string;
  /** what is counted, in Chinese, precise enough to count by hand */
  definition: string;
  unit: FigureUnit;
  aggregate: FigureAggregate;
  /** flow: facts within the period (on_date); stock: facts standing on the period's last day */
  period: 'flow' | 'stock';
  dimensions?: Readonly<Record<string, FigureDimension>>;
  sources: readonly FigureSource[];
  /** the facts query (see the file's comment); its columns are checked when the catalogue is tested */
  facts: string;
  /** who may open the records behind the number, beyond what the scope allows (default: every role in scope) */
  recordsRoles?: readonly Role[];
}

/** A figure with the module that owns it (the registry's catalogue). */
export interface RegisteredFigure {
  figure: FigureDef;
  module: string;
  moduleLabel: string;
}

export const defineFigures = <const F extends readonly FigureDef[]>(f: F): F => f;

const idPattern = /^[a-z][A-Za-z]*\.[a-z][A-Za-z0-9]*$/;
const dimPattern = /^[a-z][a-z_]*$/;
const reserved = new Set(['ref', 'title', 'href', 'org_id', 'on_date', 'until', 'value']);

/** The problems of a declaration (the registry refuses to start with any). */
export function validateFigure(f: FigureDef, module: string): string[] {
  const out: string[] = [];
  if (!idPattern.test(f.id)) out.push(`figure ${f.id}: the id must be <module>.<name> in camelCase`);
  else if (f.id.split('.')[0] !== module) out.push(`figure ${f.id}: declared by module ${module}, its id must start with ${module}.`);
  if (!/\p{Script=Han}/u.test(f.label) || !/\p{Script=Han}/u.test(f.definition)) out.push(`figure ${f.id}: label and definition are Chinese`);
  if (f.sources.length === 0) out.push(`figure ${f.id}: no source (a seed passage or a rule that asks for it)`);
  if ((f.aggregate === 'share') !== (f.unit === 'percent')) out.push(`figure ${f.id}: a share is in percent, and only a share`);
  for (const d of Object.keys(f.dimensions ?? {}))
    if (!dimPattern.test(d) || reserved.has(d)) out.push(`figure ${f.id}: dimension ${d} must be a lower-case column name and not a reserved one`);
  if (/\$\d/.test(f.facts)) out.push(`figure ${f.id}: the facts query takes no parameters`);
  return out;
}
