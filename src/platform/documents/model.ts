/**
 * An instrument template (文书模板) is data: its kind, title, number pattern and an ordered list of
 * blocks whose text holds `{placeholders}`. `fill.ts` resolves a template with the case data into a
 * `LaidOutInstrument`; `docx.ts` and `pdf.ts` render that one model, so both files say the same.
 *
 * Placeholder syntax, inside any text of a block:
 *   {party.name}                 a value of the data (dot path); inside a list or table row, the
 *                                row is searched first, then the whole data; {.} is the row itself
 *   {fine|yuanUpper}             a value through a filter (see `filters` in fill.ts)
 *   {party.uscc||party.idNumber} the first present of several paths
 *   {org.name} {doc.number} {doc.date} {doc.year} {doc.title}   supplied by the generator
 * A value that is missing (absent, null, blank, empty list) where the template needs it is an
 * error listing every missing field: nothing is rendered with a blank.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A4 page margins in millimetres (GB/T 9704-2012 5.2.1: 天头 37 mm, 订口 28 mm; 版心 156 mm × 225 mm). */
export const PAGE_MM = { marginTop: 37, marginBottom: 35, marginLeft: 28, marginRight: 26 } as const;

/** Makes a block (or a line) conditional on a data path being present (`when`) or absent (`unless`). */
export interface Conditional {
  when?: string;
  unless?: string;
}

/** Ordinary body text: first line indented two characters (GB/T 9704 正文). Newlines in the data start new paragraphs. */
export interface ParagraphBlock extends Conditional {
  type: 'paragraph';
  text: string;
  /** a bold lead-in before the text, e.g. 问： */
  lead?: string;
  align?: Align;
  /** first-line indent of two characters; default true for left/justified text */
  indent?: boolean;
  bold?: boolean;
}

/** A heading inside the body (一、违法事实): 黑体 in Word, bold in the PDF. */
export interface HeadingBlock extends Conditional {
  type: 'heading';
  text: string;
}

/** 标签：值 lines without indent, e.g. the party block (当事人：…). A line whose values are all missing is left out when `optional`. */
export interface FieldsBlock extends Conditional {
  type: 'fields';
  lines: FieldLine[];
}
export interface FieldLine extends Conditional {
  label: string;
  value: string;
  optional?: boolean;
}

/** Numbered items from a list in the data: 1. 2. 3. (arabic), 一、二、 (chinese) or （一）（二） (paren). */
export interface ListBlock extends Conditional {
  type: 'list';
  /** data path of the list */
  items: string;
  /** text of one item; placeholders resolve against the item first; default {.} */
  item?: string;
  style?: 'arabic' | 'chinese' | 'paren';
  /** a list that may be empty (then nothing is printed) */
  optional?: boolean;
}

/** Question and answer pairs of a 笔录 ({q, a}: 问：… 答：…), or the turns of a hearing or meeting ({speaker, text}: 主持人：…). */
export interface DialogueBlock extends Conditional {
  type: 'dialogue';
  items: string;
  /** items are {speaker, text} turns instead of {q, a} pairs */
  turns?: boolean;
  questionLead?: string;
  answerLead?: string;
}

/** A table with a header row and one row per item of a data list (送达回证, 审核事项). */
export interface TableBlock extends Conditional {
  type: 'table';
  columns: { header: string; value: string; width: number; align?: Align; optional?: boolean }[];
  rows: string;
  /** blank rows added after the data rows (for hand entries) */
  blankRows?: number;
  /** a table whose list may be empty (then the table shows blank rows only) */
  optional?: boolean;
}

/** A form grid (审批表): label cells and value cells; widths are relative. */
export interface FormBlock extends Conditional {
  type: 'form';
  widths: number[];
  rows: FormCell[][];
}
export interface FormCell {
  /** a label cell: bold, centred */
  label?: string;
  /** a value cell's text (placeholders allowed; newlines make paragraphs) */
  text?: string;
  /** a signature line at the bottom right of the cell, e.g. 承办人：{handlers|names}　{handlerDate|date} */
  sign?: string;
  colSpan?: number;
  rowSpan?: number;
  /** minimum height in millimetres */
  minHeight?: number;
  align?: Align;
  /** a value cell that may stay blank */
  optional?: boolean;
}

/** 署名 and 成文日期 at the right (GB/T 9704 7.3.5): the issuing org, the seal mark, the date in Chinese. */
export interface SignatureBlock extends Conditional {
  type: 'signature';
  /** first lines, e.g. a unit or officers; default none */
  lines?: string[];
  /** print the issuing org's name; default true */
  org?: boolean;
  /** print （印章）; default true */
  seal?: boolean;
  /** the date placeholder, written 二〇二六年十一月二十三日; default {doc.date} */
  date?: string;
}

/** Lines for hand signatures at the end of a 笔录 (left-aligned, blanks to sign on). */
export interface SignLinesBlock extends Conditional {
  type: 'signLines';
  lines: string[];
}

/** A note in smaller type (注：…). */
export interface NoteBlock extends Conditional {
  type: 'note';
  text: string;
}

export interface SpacerBlock extends Conditional {
  type: 'spacer';
  /** lines of space; default 1 */
  lines?: number;
}

export type Block =
  | ParagraphBlock
  | HeadingBlock
  | FieldsBlock
  | ListBlock
  | DialogueBlock
  | TableBlock
  | FormBlock
  | SignatureBlock
  | SignLinesBlock
  | NoteBlock
  | SpacerBlock;

export interface InstrumentTemplate {
  /** identifier in code and the API, e.g. penaltyDecision */
  kind: string;
  /** 行政处罚决定书 */
  title: string;
  /** group in the template list: 立案, 调查, 审核, 告知与听证, 决定, 送达与执行, 移送, 结案 */
  family: string;
  /** bumped whenever the wording changes; stored with every issued instrument */
  version: number;
  /** 文号 pattern: {orgShort} 机关代字, {year}, {n} the sequence number, e.g. {orgShort}市监处罚〔{year}〕{n}号 */
  numberPattern: string;
  /** centred under the title (文书的文号) or at the right as 编号 (forms and records) */
  numberPlacement: 'center' | 'right';
  /** footer: page number (— 1 —) or a record's page line with a signature blank (被询问人签名：… 第1页 共2页) */
  footer?: { kind: 'pageNumber' } | { kind: 'recordPage'; signLabel: string };
  /** where the wording comes from (shown in the template list) */
  source: string;
  /** Chinese labels of the data paths this template uses (merged over the shared labels) */
  labels?: Record<string, string>;
  blocks: Block[];
  /** sample data: what a filled instrument looks like; used by the tests and the preview form */
  sample: Record<string, unknown>;
}

// ─── the laid-out instrument both renderers draw ────────────────────────────

export interface Run {
  text: string;
  bold?: boolean;
  underline?: boolean;
}

export interface LaidParagraph {
  runs: Run[];
  align: Align;
  indent: boolean;
  /** font role: body text, a heading, a small note */
  role?: 'body' | 'heading' | 'note';
  /** keep this paragraph on the page of the next one */
  keepNext?: boolean;
}

export interface LaidCell {
  paragraphs: LaidParagraph[];
  colSpan: number;
  rowSpan: number;
  minHeightMm: number;
  header: boolean;
}

export type LaidBlock =
  | { type: 'paragraph'; paragraph: LaidParagraph }
  | { type: 'table'; widths: number[]; rows: LaidCell[][]; headerRows: number }
  | { type: 'signature'; lines: string[]; seal: boolean; date: string }
  | { type: 'spacer'; lines: number };

export interface LaidOutInstrument {
  kind: string;
  templateVersion: number;
  orgName: string;
  title: string;
  /** the 文号, or the pattern with a blank sequence number on a preview */
  number: string;
  numberPlacement: 'center' | 'right';
  footer: { kind: 'pageNumber' } | { kind: 'recordPage'; signLabel: string };
  blocks: LaidBlock[];
  /** 样稿 on a preview */
  watermark: string | null;
}
