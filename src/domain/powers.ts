/**
 * 权责清单 (power list): the closed vocabularies and the pure rules of a power item — its code,
 * its content, how its versions differ, and how a legal-basis reference written by a person
 * (《法名》第X条) is read. No I/O: the web console imports this file too.
 */
import { toChineseNumeral } from './chineseNumerals.ts';

/** 行政职权类别 (powerCategory), in the order of the provincial templates, with the two letters used in codes. */
export const powerCategories = {
  licensing: { label: '行政许可', abbr: 'XK' },
  penalty: { label: '行政处罚', abbr: 'CF' },
  coercion: { label: '行政强制', abbr: 'QZ' },
  levy: { label: '行政征收', abbr: 'ZS' },
  benefit: { label: '行政给付', abbr: 'JF' },
  inspection: { label: '行政检查', abbr: 'JC' },
  confirmation: { label: '行政确认', abbr: 'QR' },
  reward: { label: '行政奖励', abbr: 'JL' },
  adjudication: { label: '行政裁决', abbr: 'CJ' },
  other: { label: '其他', abbr: 'QT' },
} as const;
export type PowerCategory = keyof typeof powerCategories;
export const powerCategoryIds = Object.keys(powerCategories) as [PowerCategory, ...PowerCategory[]];
export const powerCategoryLabels = Object.fromEntries(powerCategoryIds.map((c) => [c, powerCategories[c].label])) as Record<PowerCategory, string>;

/** 调整原因: why the list changed (立改废 of a law, a change of the org's functions, a superior's requirement). */
export const powerChangeReasons = {
  lawChange: '法律立改废',
  orgChange: '机构职能调整',
  superiorRequirement: '上级要求',
} as const;
export type PowerChangeReason = keyof typeof powerChangeReasons;
export const powerChangeReasonIds = Object.keys(powerChangeReasons) as [PowerChangeReason, ...PowerChangeReason[]];

export const powerChangeKinds = { add: '新增', amend: '变更', remove: '取消' } as const;
export type PowerChangeKind = keyof typeof powerChangeKinds;

/** One step of the procedure flowchart (办理流程). */
export interface PowerStep {
  name: string;
  timeLimit: string | null;
}

/** What a version of a power item says. Legal basis = article ids (law_articles.id), never free text. */
export interface PowerContent {
  name: string;
  category: PowerCategory;
  unitId: string;
  basis: string[];
  responsibilities: string[];
  accountability: string[];
  steps: PowerStep[];
  materials: string[];
  timeLimit: string | null;
  fee: string | null;
  office: string | null;
  phone: string | null;
  remarks: string | null;
}
export const powerContentFields = [
  'name',
  'category',
  'unitId',
  'basis',
  'responsibilities',
  'accountability',
  'steps',
  'materials',
  'timeLimit',
  'fee',
  'office',
  'phone',
  'remarks',
] as const satisfies readonly (keyof PowerContent)[];

export const powerFieldLabels: Record<keyof PowerContent, string> = {
  name: '事项名称',
  category: '职权类别',
  unitId: '承办机构',
  basis: '设定依据',
  responsibilities: '责任事项',
  accountability: '追责情形',
  steps: '办理流程',
  materials: '申请材料',
  timeLimit: '办理时限',
  fee: '收费标准',
  office: '办理地点',
  phone: '咨询电话',
  remarks: '备注',
};

/** The content fields whose values differ between two versions (for the history view and the record). */
export function changedPowerFields(before: PowerContent, after: PowerContent): (keyof PowerContent)[] {
  const norm = (k: keyof PowerContent, v: unknown) => JSON.stringify(k === 'basis' ? [...(v as string[])].sort() : (v ?? null));
  return powerContentFields.filter((k) => norm(k, before[k]) !== norm(k, after[k]));
}

// ─── codes ────────────────────────────────────────────────────────────────
/** Letters, digits and - _ . ; 3–40 characters (provincial codes differ; the local scheme is 330211-XK-001[-01]). */
const CODE_RE = /^[0-9A-Za-z][0-9A-Za-z._-]{2,39}$/;
/** The local scheme: division code, category letters, number, optional sub-item number. */
const LOCAL_CODE_RE = /^\d{6}-([A-Z]{2})-\d{3}(?:-\d{2})?$/;

/** Problems with a power item code, in Chinese; empty when the code is acceptable. */
export function powerCodeProblems(code: string, category: PowerCategory | null): string[] {
  if (!CODE_RE.test(code)) return [`事项编码“${code}”不合法：应为 3–40 位字母、数字、短横线、下划线或点，如 330211-XK-001`];
  const m = LOCAL_CODE_RE.exec(code);
  if (m && category && m[1] !== powerCategories[category].abbr) {
    const actual = powerCategoryIds.find((c) => powerCategories[c].abbr === m[1]);
    return [
      `事项编码“${code}”中的类别代码 ${m[1]}${actual ? `（${powerCategories[actual].label}）` : ''}与职权类别“${powerCategories[category].label}”（${powerCategories[category].abbr}）不一致`,
    ];
  }
  return [];
}

export function categoryByLabel(label: string): PowerCategory | null {
  const t = label.trim();
  return powerCategoryIds.find((c) => powerCategories[c].label === t || c === t) ?? null;
}

export function changeReasonByLabel(label: string): PowerChangeReason | null {
  const t = label.trim();
  return powerChangeReasonIds.find((r) => powerChangeReasons[r] === t || r === t) ?? null;
}

// ─── legal-basis references ───────────────────────────────────────────────
/** Article ids as the law library writes them: 食品安全法@2021-04-29#第一百二十四条. */
export const ARTICLE_ID_RE = /^[^@#\s《》]+@\d{4}-\d{2}-\d{2}#第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?$/;

/** The short title the library uses as a source id: the title without 中华人民共和国 and without quotes. */
export function shortLawTitle(title: string): string {
  return title.replace(/[《》〈〉\s]/g, '').replace(/^中华人民共和国/, '');
}

export type BasisRef =
  | { kind: 'id'; raw: string; articleId: string }
  | { kind: 'text'; raw: string; law: string; labels: string[] }
  | { kind: 'invalid'; raw: string; message: string };

const ARTICLE_NO = '第\\s*([零〇一二三四五六七八九十百千]+|\\d+)\\s*条(之[一二三四五六七八九十]+)?';

function articleLabel(num: string, suffix: string | undefined): string {
  const n = /^\d+$/.test(num) ? toChineseNumeral(Number(num)) : num.replace(/〇/g, '零');
  return `第${n}条${suffix ?? ''}`;
}

/**
 * Reads one cell of 设定依据: references separated by new lines or ；. Each is an article id or
 * 《法名》第X条[第Y款第（Z）项][、第W条…]. 款/项 are kept in the text only: the link is to the article.
 */
export function parseBasisCell(cell: string): BasisRef[] {
  const parts = cell
    .split(/[\n\r；;]+/)
    .map((s) => s.trim().replace(/[。，,]$/, ''))
    .filter(Boolean);
  const out: BasisRef[] = [];
  for (const raw of parts) {
    if (ARTICLE_ID_RE.test(raw)) {
      out.push({ kind: 'id', raw, articleId: raw });
      continue;
    }
    const m = /^《([^》]+)》(.*)$/.exec(raw);
    if (!m) {
      out.push({ kind: 'invalid', raw, message: `无法识别的设定依据“${raw}”：应为条文编号（如 食品安全法@2021-04-29#第一百二十四条）或“《法名》第X条”` });
      continue;
    }
    const labels = [...m[2].matchAll(new RegExp(ARTICLE_NO, 'g'))].map((a) => articleLabel(a[1], a[2]));
    if (labels.length === 0) {
      out.push({ kind: 'invalid', raw, message: `设定依据“${raw}”未写明条文（应写到“第X条”）` });
      continue;
    }
    out.push({ kind: 'text', raw, law: shortLawTitle(m[1]), labels: [...new Set(labels)] });
  }
  return out;
}

/** How an article is written back into a cell: 《中华人民共和国食品安全法》第一百二十四条. */
export const basisText = (lawTitle: string, label: string) => `《${lawTitle}》${label}`;

// ─── multi-line cells ─────────────────────────────────────────────────────
const NUMBERING = /^\s*(?:\d+\s*[.、．)）]|[（(]\s*\d+\s*[)）]|[一二三四五六七八九十]+\s*、|[•·\-*])\s*/;

/** "1. 受理责任：…\n2. 审查责任：…" → ['受理责任：…', '审查责任：…']. */
export function parseListCell(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((l) => l.replace(NUMBERING, '').trim())
    .filter(Boolean);
}

export const formatListCell = (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`).join('\n');

/** A trailing parenthesis is a time limit when it says so (时限：…) or reads like one (日, 小时, 当场 …). */
const TIME_LIMIT = /^时限[:：]\s*(.+)$|^(.*(?:日|天|小时|月|年|当场|即时|即办|立即|\d).*)$/;

/** "1. 受理（1个工作日）" → {name: '受理', timeLimit: '1个工作日'}; "审查（必要时现场核查）" keeps its parenthesis. */
export function parseStepsCell(cell: string): PowerStep[] {
  return parseListCell(cell).map((l) => {
    const m = /^(.+?)\s*[（(]([^（）()]+)[)）]$/.exec(l);
    const t = m && TIME_LIMIT.exec(m[2].trim());
    return m && t ? { name: m[1].trim(), timeLimit: (t[1] ?? t[2]).trim() } : { name: l, timeLimit: null };
  });
}

export const formatStepsCell = (steps: PowerStep[]) => formatListCell(steps.map((s) => (s.timeLimit ? `${s.name}（时限：${s.timeLimit}）` : s.name)));

// ─── content rules ────────────────────────────────────────────────────────
export interface FieldProblem {
  field: keyof PowerContent;
  message: string;
}

const LIMITS: Partial<Record<keyof PowerContent, number>> = { name: 200, timeLimit: 500, fee: 500, office: 500, phone: 100, remarks: 2000 };
const ITEM_LIMIT = 2000;

/** What is wrong with a version's content, in Chinese (a power needs a basis, duties and accountability). */
export function powerContentProblems(c: PowerContent): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!c.name.trim()) out.push({ field: 'name', message: '事项名称不能为空' });
  if (c.basis.length === 0) out.push({ field: 'basis', message: '设定依据不能为空：每项职权都应有法律依据（职权法定）' });
  for (const id of c.basis) if (!ARTICLE_ID_RE.test(id)) out.push({ field: 'basis', message: `设定依据“${id}”不是条文编号` });
  if (c.responsibilities.length === 0) out.push({ field: 'responsibilities', message: '责任事项不能为空' });
  if (c.accountability.length === 0) out.push({ field: 'accountability', message: '追责情形不能为空' });
  for (const [k, max] of Object.entries(LIMITS) as [keyof PowerContent, number][]) {
    const v = c[k];
    if (typeof v === 'string' && v.length > max) out.push({ field: k, message: `${powerFieldLabels[k]}不能超过 ${max} 个字符` });
  }
  for (const k of ['responsibilities', 'accountability', 'materials'] as const) {
    if (c[k].some((s) => s.length > ITEM_LIMIT)) out.push({ field: k, message: `${powerFieldLabels[k]}的每一条不能超过 ${ITEM_LIMIT} 个字符` });
  }
  if (c.steps.some((s) => !s.name.trim())) out.push({ field: 'steps', message: '办理流程的每一步都应有名称' });
  if (c.phone && !/^[0-9０-９+\-—－()（）、，,;；\s转]{5,100}$/.test(c.phone)) out.push({ field: 'phone', message: `咨询电话“${c.phone}”格式不正确` });
  return out;
}
