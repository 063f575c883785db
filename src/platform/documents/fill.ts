/**
 * Fills a template with data: resolves every placeholder, lays the blocks out, and collects every
 * missing or malformed value. Nothing is rendered with a blank: a template whose data is incomplete
 * raises 422 INSTRUMENT_DATA_MISSING listing all of the missing fields at once.
 */
import { AppError } from '../errors.ts';
import { isRootPath, parsePlaceholder, PLACEHOLDER, RESERVED_ROOTS, stripRoot } from './placeholders.ts';
import { smallChineseNumber } from './format.ts';
import type { Align, Block, FormCell, InstrumentTemplate, LaidBlock, LaidCell, LaidOutInstrument, LaidParagraph, Run } from './model.ts';

/** What the generator supplies besides the case data. */
export interface FillEnv {
  orgName: string;
  /** 机关代字 for {orgShort} */
  orgCode: string;
  /** the instrument's date (成文日期), YYYY-MM-DD */
  date: string;
  /** the sequence number; null on a preview (the 文号 is printed with a blank) */
  seq: number | null;
  watermark: string | null;
}

export interface FieldProblem {
  path: string;
  label: string;
  message?: string;
}

/** The blank in a preview's 文号 (two ideographic spaces, where the number is written later). */
export const NUMBER_BLANK = '\u3000\u3000';

export function formatNumber(pattern: string, orgCode: string, year: number, seq: number | null): string {
  return pattern
    .replaceAll('{orgShort}', orgCode)
    .replaceAll('{year}', String(year))
    .replaceAll('{n}', seq === null ? NUMBER_BLANK : String(seq));
}

export { filters } from './filters.ts';
import { filters } from './filters.ts';

function present(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return false;
  if (typeof v === 'string') return v.trim().length > 0;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

function lookup(scope: unknown, path: string): unknown {
  if (path === '.') return scope;
  let cur: unknown = scope;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function plain(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('、');
  return null;
}

/** A list row being filled: its data, where it sits in the data, and how to name it to a person. */
interface RowScope {
  value: unknown;
  /** items[3] */
  path: string;
  /** items[] (the label key of its fields) */
  labelPath: string;
  /** 证据第4项 */
  label: string;
}

class Filler {
  readonly missing = new Map<string, FieldProblem>();
  readonly invalid = new Map<string, FieldProblem>();
  constructor(
    private readonly root: Record<string, unknown>,
    private readonly labels: Record<string, string>,
  ) {}

  labelOf(path: string, row?: RowScope): string {
    if (row && !isRootPath(path)) {
      const inner = this.labels[`${row.labelPath}.${path}`] ?? (path === '.' ? '' : path);
      return inner ? `${row.label}的${inner}` : row.label;
    }
    return this.labels[stripRoot(path)] ?? path;
  }

  private fullPath(path: string, row?: RowScope): string {
    if (row && !isRootPath(path)) return path === '.' ? row.path : `${row.path}.${path}`;
    return stripRoot(path);
  }

  private get(path: string, row?: RowScope): unknown {
    if (row && !isRootPath(path)) return lookup(row.value, path);
    return lookup(this.root, stripRoot(path));
  }

  has(path: string, row?: RowScope): boolean {
    return present(this.get(path, row));
  }

  condition(c: { when?: string; unless?: string }, row?: RowScope): boolean {
    if (c.when && !this.has(c.when, row)) return false;
    if (c.unless && this.has(c.unless, row)) return false;
    return true;
  }

  /** Resolves one placeholder; null (and a recorded problem unless `quiet`) when it cannot. */
  private value(expr: string, row: RowScope | undefined, quiet: boolean): string | null {
    const { alternatives, filter } = parsePlaceholder(expr);
    const f = filter ? filters[filter] : null;
    if (filter && !f) throw new Error(`模板使用了未知的过滤器 ${filter}`);
    for (const alt of alternatives) {
      const v = this.get(alt, row);
      if (!present(v)) continue;
      const out = f ? f.fn(v) : plain(v);
      if (out === null) {
        if (!quiet) {
          const path = this.fullPath(alt, row);
          this.invalid.set(path, { path, label: this.labelOf(alt, row), message: f ? `应为${f.label}` : '应为文字或数字' });
        }
        return null;
      }
      return out;
    }
    if (!quiet) {
      const path = alternatives.map((a) => this.fullPath(a, row)).join('||');
      this.missing.set(path, { path, label: alternatives.map((a) => this.labelOf(a, row)).join('或') });
    }
    return null;
  }

  /** Resolves a text; when `optional`, returns null instead of recording a missing value. */
  text(text: string, row?: RowScope, optional = false): string | null {
    let ok = true;
    const out = text.replace(PLACEHOLDER, (_m, expr: string) => {
      const v = this.value(expr, row, optional);
      if (v === null) ok = false;
      return v ?? '';
    });
    return ok ? out : null;
  }

  /** The rows of a list in the data (each with its scope), or null when absent. */
  rows(path: string, optional: boolean): RowScope[] | null {
    const v = lookup(this.root, stripRoot(path));
    if (!present(v)) {
      if (!optional) this.missing.set(path, { path, label: this.labelOf(path) });
      return null;
    }
    if (!Array.isArray(v)) {
      this.invalid.set(path, { path, label: this.labelOf(path), message: '应为列表' });
      return null;
    }
    const listLabel = this.labelOf(path);
    return v.map((value, i) => ({ value, path: `${path}[${i}]`, labelPath: `${path}[]`, label: `${listLabel}第${i + 1}项` }));
  }
}

const para = (text: string, o: Partial<LaidParagraph> = {}): LaidParagraph => ({
  runs: [{ text }],
  align: o.align ?? 'justify',
  indent: o.indent ?? true,
  ...o,
});

/** Splits resolved text on newlines into paragraphs (the lead goes on the first). */
function paragraphs(text: string, o: { lead?: string; align?: Align; indent?: boolean; bold?: boolean; role?: LaidParagraph['role'] }): LaidParagraph[] {
  const parts = text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.length === 0 && o.lead) parts.push('');
  const align = o.align ?? 'justify';
  const indent = o.indent ?? (align === 'justify' || align === 'left');
  return parts.map((p, i) => {
    const runs: Run[] = [];
    if (i === 0 && o.lead) runs.push({ text: o.lead, bold: true });
    if (p) runs.push({ text: p, bold: o.bold });
    return { runs, align, indent, role: o.role };
  });
}

const ITEM_MARKS = {
  arabic: (i: number) => `${i + 1}.`,
  chinese: (i: number) => `${smallChineseNumber(i + 1)}、`,
  paren: (i: number) => `（${smallChineseNumber(i + 1)}）`,
};

function layBlock(f: Filler, b: Block, out: LaidBlock[]): void {
  if (!f.condition(b)) return;
  const push = (p: LaidParagraph) => out.push({ type: 'paragraph', paragraph: p });
  switch (b.type) {
    case 'paragraph': {
      const t = f.text(b.text);
      if (t !== null) paragraphs(t, b).forEach(push);
      return;
    }
    case 'heading': {
      const t = f.text(b.text);
      if (t !== null) push({ ...para(t, { role: 'heading', keepNext: true }) });
      return;
    }
    case 'fields':
      for (const line of b.lines) {
        if (!f.condition(line)) continue;
        const v = f.text(line.value, undefined, !!line.optional);
        if (v === null) continue;
        const [first, ...rest] = v.split(/\n+/);
        push({ runs: [{ text: `${line.label}：` }, { text: first }], align: 'justify', indent: false });
        for (const r of rest) push(para(r, { indent: true }));
      }
      return;
    case 'list': {
      const rows = f.rows(b.items, !!b.optional);
      if (!rows) return;
      const mark = ITEM_MARKS[b.style ?? 'arabic'];
      rows.forEach((row, i) => {
        const t = f.text(b.item ?? '{.}', row);
        if (t !== null) paragraphs(t, { lead: mark(i) }).forEach((p) => push({ ...p, runs: p.runs.map((r) => ({ ...r, bold: false })) }));
      });
      return;
    }
    case 'dialogue': {
      const rows = f.rows(b.items, false);
      if (!rows) return;
      for (const row of rows) {
        if (b.turns) {
          const who = f.text('{speaker}', row);
          const said = f.text('{text}', row);
          if (who !== null && said !== null) paragraphs(said, { lead: `${who}：`, indent: false }).forEach(push);
          continue;
        }
        const q = f.text('{q}', row);
        const a = f.text('{a}', row);
        if (q !== null) paragraphs(q, { lead: b.questionLead ?? '问：', indent: false }).forEach(push);
        if (a !== null) paragraphs(a, { lead: b.answerLead ?? '答：', indent: false }).forEach(push);
      }
      return;
    }
    case 'table': {
      const rows = f.rows(b.rows, !!b.optional) ?? [];
      const cell = (text: string, header: boolean, align: Align = 'center'): LaidCell => ({
        paragraphs: text.split(/\n+/).map((t) => ({ runs: [{ text: t, bold: header }], align, indent: false })),
        colSpan: 1,
        rowSpan: 1,
        minHeightMm: header ? 0 : 9,
        header,
      });
      const laid: LaidCell[][] = [b.columns.map((c) => cell(c.header, true))];
      for (const row of rows) laid.push(b.columns.map((c) => cell(f.text(c.value, row, !!c.optional) ?? '', false, c.align ?? 'center')));
      for (let i = 0; i < (b.blankRows ?? 0); i++) laid.push(b.columns.map(() => cell('', false)));
      out.push({ type: 'table', widths: b.columns.map((c) => c.width), rows: laid, headerRows: 1 });
      return;
    }
    case 'form': {
      const rows: LaidCell[][] = b.rows.map((r) => r.map((c) => layCell(f, c)));
      out.push({ type: 'table', widths: b.widths, rows, headerRows: 0 });
      return;
    }
    case 'signature': {
      const lines = (b.lines ?? []).map((l) => f.text(l)).filter((l): l is string => l !== null);
      if (b.org !== false) lines.push(f.text('{org.name}') ?? '');
      // the date is written 二〇二六年十一月二十三日 unless the template names another filter
      const dateExpr = b.date ?? '{doc.date}';
      const date = f.text(dateExpr.includes('|') ? dateExpr : dateExpr.replace(/\}$/, '|cnDate}'));
      out.push({ type: 'signature', lines, seal: b.seal !== false, date: date ?? '' });
      return;
    }
    case 'signLines':
      for (const l of b.lines) {
        const t = f.text(l);
        if (t !== null) push({ runs: [{ text: t }], align: 'left', indent: false });
      }
      return;
    case 'note': {
      const t = f.text(b.text);
      if (t !== null) paragraphs(t, { role: 'note', indent: false, align: 'left' }).forEach(push);
      return;
    }
    case 'spacer':
      out.push({ type: 'spacer', lines: b.lines ?? 1 });
      return;
  }
}

function layCell(f: Filler, c: FormCell): LaidCell {
  const ps: LaidParagraph[] = [];
  if (c.label !== undefined) {
    const t = f.text(c.label) ?? '';
    ps.push({ runs: [{ text: t, bold: true }], align: c.align ?? 'center', indent: false });
  }
  if (c.text !== undefined) {
    const t = f.text(c.text, undefined, !!c.optional) ?? '';
    for (const line of t.split(/\n+/)) ps.push({ runs: [{ text: line }], align: c.align ?? 'justify', indent: false });
  }
  if (c.sign !== undefined) {
    const t = f.text(c.sign, undefined, !!c.optional) ?? '';
    ps.push({ runs: [{ text: t }], align: 'right', indent: false });
  }
  return { paragraphs: ps, colSpan: c.colSpan ?? 1, rowSpan: c.rowSpan ?? 1, minHeightMm: c.minHeight ?? 0, header: c.label !== undefined };
}

/** Fills a template; throws 422 listing every missing (or malformed) field. */
export function layOut(t: InstrumentTemplate, data: Record<string, unknown>, env: FillEnv, sharedLabels: Record<string, string> = {}): LaidOutInstrument {
  const labels = { ...sharedLabels, ...t.labels };
  const reserved = RESERVED_ROOTS.filter((r) => r in data);
  if (reserved.length) {
    throw new AppError('INSTRUMENT_DATA_INVALID', `文书数据不能包含由系统填写的字段：${reserved.join('、')}`, {
      invalid: reserved.map((path) => ({ path, label: path, message: '由系统填写' })),
    });
  }
  const year = Number(env.date.slice(0, 4));
  const number = formatNumber(t.numberPattern, env.orgCode, year, env.seq);
  const root = { ...data, org: { name: env.orgName, code: env.orgCode }, doc: { number, date: env.date, year: String(year), title: t.title } };
  const f = new Filler(root, labels);
  const blocks: LaidBlock[] = [];
  for (const b of t.blocks) layBlock(f, b, blocks);
  if (f.missing.size > 0) {
    const missing = [...f.missing.values()];
    throw new AppError('INSTRUMENT_DATA_MISSING', `《${t.title}》缺少以下内容，未生成文书：${missing.map((m) => m.label).join('、')}`, {
      missing,
      invalid: [...f.invalid.values()],
    });
  }
  if (f.invalid.size > 0) {
    const invalid = [...f.invalid.values()];
    throw new AppError(
      'INSTRUMENT_DATA_INVALID',
      `《${t.title}》以下内容格式不正确，未生成文书：${invalid.map((m) => `${m.label}（${m.message}）`).join('、')}`,
      { missing: [], invalid },
    );
  }
  return {
    kind: t.kind,
    templateVersion: t.version,
    orgName: env.orgName,
    title: t.title,
    number,
    numberPlacement: t.numberPlacement,
    footer: t.footer ?? { kind: 'pageNumber' },
    blocks,
    watermark: env.watermark,
  };
}

export { templateFields, type TemplateField } from './templateFields.ts';
