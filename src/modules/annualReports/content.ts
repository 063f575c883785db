/**
 * A report's content from its layout and its figure sets: the sentences filled with the set's numbers (and last
 * year's, for 同比), the paragraphs drafted from the records behind a figure, the table rows, and the text blocks
 * left for the body to write. Every number printed is read from the kept set — nothing is computed here beside it.
 */
import {
  deltaText,
  formatFigure,
  parseFigureRef,
  templateRefs,
  UNMAPPED,
  type FigureCatalogueView,
  type FigureRef,
  type FigureUnitKind,
  type ReportLayout,
} from '../../domain/annualReports/layouts.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { figureRecords, type FigureScope } from '../../platform/figures/compute.ts';
import type { Registry } from '../../platform/modules.ts';
import { AppError } from '../../platform/errors.ts';
import type { SetValues } from '../figures/index.ts';
import type { ReportContent, ReportParagraph, ReportRow, ReportTable } from './store.ts';

/** The registry's figures as the layouts' check sees them. */
export const catalogueView = (reg: Registry): FigureCatalogueView => ({
  has: (id) => !!reg.figureOf(id),
  dimensions: (id) => Object.keys(reg.figureOf(id)?.figure.dimensions ?? {}),
  values: (id, dim) => {
    const v = reg.figureOf(id)?.figure.dimensions?.[dim]?.values;
    return v ? Object.keys(v) : null;
  },
});

const unitOf = (reg: Registry, id: string): FigureUnitKind => {
  const u = reg.figureOf(id)?.figure.unit;
  return u === 'fen' ? 'fen' : u === 'percent' ? 'percent' : 'count';
};

/** The value of a reference in a set: the total, or the group of the filter (a group without records: 0, or null for a share). */
export function valueIn(reg: Registry, values: SetValues, ref: FigureRef): number | null {
  const v = values[ref.id];
  const share = reg.figureOf(ref.id)?.figure.aggregate === 'share';
  if (!v) return null;
  if (!ref.filter) return v.value;
  const g = v.groups[ref.filter.dim]?.find((x) => x.key === ref.filter!.value);
  return g ? g.value : share ? null : 0;
}

/** A sentence template filled from the sets; 422 on a reference the catalogue does not know. */
export function fillSentence(reg: Registry, template: string, cur: SetValues, prev: SetValues): { text: string; values: { ref: string; value: string }[] } {
  const problems: string[] = [];
  const values: { ref: string; value: string }[] = [];
  let text = template;
  for (const { raw, ref } of templateRefs(template)) {
    if (!ref || !reg.figureOf(ref.id)) {
      problems.push(raw);
      continue;
    }
    const unit = unitOf(reg, ref.id);
    const now = valueIn(reg, cur, ref);
    const before = valueIn(reg, prev, ref);
    const printed = ref.mode === 'delta' ? deltaText(now, before) : formatFigure(ref.mode === 'prev' ? before : now, unit);
    values.push({ ref: raw.slice(1, -1), value: printed });
    text = text.replace(raw, printed);
  }
  if (problems.length)
    throw new AppError('ANNUAL_REPORT_FIGURE_UNKNOWN', `统计指标目录中没有这些指标：${problems.join('、')}（数字只能引用指标，写作 {指标编号}）`);
  return { text, values };
}

/** A paragraph drafted from the records behind a figure in the report's period (largest first). */
export async function recordsParagraph(
  q: Queryable,
  reg: Registry,
  scope: FigureScope,
  p: { figure: string; intro: string; empty: string; limit: number; nameBy?: { dimension: string; suffix: string } },
): Promise<string> {
  const ref = parseFigureRef(p.figure);
  const f = ref && reg.figureOf(ref.id);
  if (!ref || !f) throw new Error(`layout names an unknown figure ${p.figure}`);
  const filter = ref.filter ? { [ref.filter.dim]: ref.filter.value } : {};
  const recs = await figureRecords(q, f.figure, scope, filter, { limit: 500, offset: 0 });
  if (recs.items.length === 0) return p.empty;
  const money = f.figure.unit === 'fen';
  const items = [...recs.items].sort((a, b) => (money ? b.value - a.value : 0) || (a.onDate ?? '').localeCompare(b.onDate ?? '')).slice(0, p.limit);
  const name = (r: (typeof items)[number]) => {
    if (!p.nameBy) return r.title;
    const v = r.dims[p.nameBy.dimension] ?? '';
    return `${f.figure.dimensions?.[p.nameBy.dimension]?.values?.[v] ?? v}${p.nameBy.suffix}`;
  };
  const list = items.map((r, i) => `${i + 1}. ${name(r)}${money ? `（${formatFigure(r.value, 'fen')}元）` : ''}`).join('；');
  return `${p.intro}${list}。`;
}

/** The whole content of a new report. */
export async function buildContent(
  q: Queryable,
  reg: Registry,
  layout: ReportLayout,
  scope: FigureScope,
  cur: SetValues,
  prev: SetValues,
): Promise<ReportContent> {
  const sections = [];
  for (const s of layout.sections) {
    const paragraphs: ReportParagraph[] = [];
    for (const p of s.paragraphs) {
      if (p.kind === 'figures') {
        const f = fillSentence(reg, p.template, cur, prev);
        paragraphs.push({ id: p.id, kind: 'figures', template: p.template, figure: null, text: f.text, hint: null, values: f.values, edited: false });
      } else if (p.kind === 'records') {
        const text = await recordsParagraph(q, reg, scope, p);
        paragraphs.push({ id: p.id, kind: 'records', template: null, figure: p.figure, text, hint: null, values: [], edited: false });
      } else paragraphs.push({ id: p.id, kind: 'text', template: null, figure: null, text: '', hint: p.hint, values: [], edited: false });
    }
    sections.push({ id: s.id, heading: s.heading, paragraphs });
  }
  const tables: ReportTable[] = layout.tables.map((t) => ({
    id: t.id,
    title: t.title,
    basis: t.basis,
    rows: t.rows.map((r): ReportRow => {
      const ref = r.figure ? parseFigureRef(r.figure) : null;
      if (!ref)
        return { id: r.id, label: r.label, figure: null, awaiting: r.awaiting ?? null, value: UNMAPPED, previous: UNMAPPED, raw: null, rawPrevious: null };
      const unit = unitOf(reg, ref.id);
      // `:prev` reads last year's set (上年结转: what stood at last year's end); its own previous year is not kept
      const raw = valueIn(reg, ref.mode === 'prev' ? prev : cur, { ...ref, mode: 'value' });
      const rawPrevious = ref.mode === 'prev' ? null : valueIn(reg, prev, ref);
      return {
        id: r.id,
        label: r.label,
        figure: r.figure,
        awaiting: null,
        value: formatFigure(raw, unit),
        previous: formatFigure(rawPrevious, unit),
        raw,
        rawPrevious,
      };
    }),
  }));
  return { sections, tables };
}

/** Sections whose every paragraph is empty, among those the layout requires. */
export function missingSections(layout: ReportLayout, c: ReportContent): string[] {
  return layout.sections
    .filter((s) => s.required)
    .filter((s) => c.sections.find((x) => x.id === s.id)?.paragraphs.every((p) => !p.text.trim()) ?? true)
    .map((s) => s.heading);
}

/** The report's text as the official document prints it: headings 一、二、… and the paragraphs that have text. */
export function bodyText(c: ReportContent): string {
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const lines: string[] = [];
  c.sections.forEach((s, i) => {
    lines.push(`${numerals[i] ?? String(i + 1)}、${s.heading}`);
    for (const p of s.paragraphs) if (p.text.trim()) lines.push(p.text.trim());
  });
  return lines.join('\n');
}
