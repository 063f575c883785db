/**
 * Fills a template with data: resolves every placeholder, lays the blocks out, and collects every
 * missing or malformed value. Nothing is rendered with a blank: a template whose data is incomplete
 * raises 422 INSTRUMENT_DATA_MISSING listing all of the missing fields at once.
 */
import { AppError } from '../errors.ts';
import { arabicDate, chineseDate, clockTime, dateTime, smallChineseNumber, yuan, yuanUpper } from './format.ts';
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

const PLACEHOLDER = /\{([^{}]+)\}/g;
const RESERVED_ROOTS = ['org', 'doc'];

/** The blank in a preview's 文号 (two ideographic spaces, where the number is written later). */
export const NUMBER_BLANK = '\u3000\u3000';

export function formatNumber(pattern: string, orgCode: string, year: number, seq: number | null): string {
  return pattern
    .replaceAll('{orgShort}', orgCode)
    .replaceAll('{year}', String(year))
    .replaceAll('{n}', seq === null ? NUMBER_BLANK : String(seq));
}

type Filter = (v: unknown) => string | null;

const nameOf = (x: unknown): string | null =>
  typeof x === 'string' ? x : x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string' ? (x as { name: string }).name : null;
const asString = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Filters a placeholder may name after `|`. */
export const filters: Record<string, { label: string; fn: Filter }> = {
  cnDate: { label: '日期（二〇二六年十一月二十三日）', fn: (v) => (typeof v === 'string' ? chineseDate(v) : null) },
  date: { label: '日期（2026年11月23日）', fn: (v) => (typeof v === 'string' ? arabicDate(v) : null) },
  datetime: { label: '日期时间（2026年11月23日9时30分）', fn: (v) => (typeof v === 'string' ? dateTime(v) : null) },
  time: { label: '时刻（9时30分）', fn: (v) => (typeof v === 'string' ? clockTime(v.length > 5 ? v.slice(11) : v) : null) },
  yuan: { label: '金额（分 → 50000元）', fn: yuan },
  yuanUpper: { label: '大写金额（分 → 伍万元整）', fn: yuanUpper },
  cnNumber: { label: '中文数字（十五）', fn: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 100 ? smallChineseNumber(v) : null) },
  names: {
    label: '姓名列表（张三、李四）',
    fn: (v) => {
      if (!Array.isArray(v)) return nameOf(v);
      const names = v.map(nameOf);
      return names.every((n) => n) ? names.join('、') : null;
    },
  },
  officers: {
    label: '执法人员及执法证号',
    fn: (v) => {
      const list = Array.isArray(v) ? v : [v];
      const parts = list.map((o) => {
        const name = nameOf(o);
        const cert = o && typeof o === 'object' ? asString((o as { certNo?: unknown }).certNo) : null;
        return name ? (cert ? `${name}（执法证号：${cert}）` : name) : null;
      });
      return parts.every((p) => p) ? parts.join('、') : null;
    },
  },
  lines: { label: '多段文字', fn: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join('\n') : typeof v === 'string' ? v : null) },
};

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

interface ParsedPlaceholder {
  alternatives: string[];
  filter: string | null;
}

export function parsePlaceholder(expr: string): ParsedPlaceholder {
  const m = /^(.+?)(?<!\|)\|([A-Za-z]+)$/.exec(expr.trim());
  const pathPart = m ? m[1] : expr.trim();
  return { alternatives: pathPart.split('||').map((s) => s.trim()), filter: m ? m[2] : null };
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

const isRootPath = (p: string) => p.startsWith('$.') || RESERVED_ROOTS.some((r) => p === r || p.startsWith(`${r}.`));
const stripRoot = (p: string) => (p.startsWith('$.') ? p.slice(2) : p);

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

// ─── what a template needs (for the template list and the preview form) ─────

export interface TemplateField {
  /** data path; list fields as items[].name; alternatives joined with || */
  path: string;
  label: string;
  required: boolean;
  /** present only when the field is needed only if this path is present (or, with !, absent) */
  condition?: string;
}

/** Every data path a template reads, whether it is required, and its Chinese label. */
export function templateFields(t: InstrumentTemplate, sharedLabels: Record<string, string> = {}): TemplateField[] {
  const labels = { ...sharedLabels, ...t.labels };
  const found = new Map<string, TemplateField>();
  const labelOf = (p: string) => labels[p] ?? p;
  const add = (path: string, required: boolean, condition?: string) => {
    if (path.startsWith('org.') || path.startsWith('doc.')) return;
    const prev = found.get(path);
    if (prev) {
      if (required && !prev.required) found.set(path, { ...prev, required: true, condition: undefined });
      return;
    }
    const label = path.split('||').map(labelOf).join('或');
    found.set(path, { path, label, required, ...(condition && !required && condition !== path ? { condition } : {}) });
  };
  const scan = (text: string | undefined, required: boolean, cond?: string, listPath?: string) => {
    if (!text) return;
    for (const m of text.matchAll(PLACEHOLDER)) {
      const { alternatives } = parsePlaceholder(m[1]);
      if (listPath && alternatives.every((a) => a === '.')) continue; // the item itself: the list is the field
      const paths = alternatives.map((a) => (listPath && !isRootPath(a) ? (a === '.' ? `${listPath}[]` : `${listPath}[].${a}`) : stripRoot(a)));
      add(paths.join('||'), required, cond);
    }
  };
  const condOf = (c: { when?: string; unless?: string }, outer?: string) => outer ?? (c.when ? c.when : c.unless ? `!${c.unless}` : undefined);
  // a path a block depends on is a field too (e.g. hearingEligible: print the hearing right)
  const switches = (c: { when?: string; unless?: string }) => [c.when, c.unless].forEach((p) => p && add(stripRoot(p), false));
  for (const b of t.blocks) {
    const cond = condOf(b);
    const req = !cond;
    switch (b.type) {
      case 'paragraph':
        scan(b.text, req, cond);
        break;
      case 'heading':
      case 'note':
        scan(b.text, req, cond);
        break;
      case 'fields':
        for (const l of b.lines) {
          const c = condOf(l, cond);
          scan(l.value, !c && !l.optional, c);
        }
        break;
      case 'list':
        add(b.items, req && !b.optional, cond);
        scan(b.item ?? '{.}', req && !b.optional, cond ?? (b.optional ? b.items : undefined), b.items);
        break;
      case 'dialogue':
        add(b.items, req, cond);
        break;
      case 'table':
        add(b.rows, req && !b.optional, cond);
        for (const c of b.columns) scan(c.value, req && !b.optional && !c.optional, cond ?? (b.optional || c.optional ? b.rows : undefined), b.rows);
        break;
      case 'form':
        for (const row of b.rows)
          for (const c of row) {
            scan(c.label, req, cond);
            scan(c.text, req && !c.optional, cond);
            scan(c.sign, req && !c.optional, cond);
          }
        break;
      case 'signature':
        for (const l of b.lines ?? []) scan(l, req, cond);
        scan(b.date, req, cond);
        break;
      case 'signLines':
        for (const l of b.lines) scan(l, req, cond);
        break;
      case 'spacer':
        break;
    }
    if (b.type === 'dialogue') {
      for (const p of b.turns ? ['speaker', 'text'] : ['q', 'a']) add(`${b.items}[].${p}`, req, cond);
    }
    switches(b);
    if (b.type === 'fields') b.lines.forEach(switches);
  }
  return [...found.values()];
}
