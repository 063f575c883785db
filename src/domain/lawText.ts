/**
 * The Markdown format of the law library (laws/README.md), parsed into a legal
 * source's version: title, dated history, 编/章/节 headings, 条 articles with their 款 paragraphs
 * and 项 items. Pure: no I/O. Every problem is reported at once, each with its line number.
 */
import { parseChineseNumeral, type ArticleNumber } from './chineseNumerals.ts';
import { inferMetadata, isInForceEvent, type LawLevel } from './lawMetadata.ts';

export { lawLevels, lawLevelLabels, type LawLevel } from './lawMetadata.ts';

export interface HistoryLine {
  date: string;
  event: string;
}

export interface LawItem {
  label: string; // （一）
  text: string;
}

export interface LawParagraph {
  text: string;
  items: LawItem[];
}

export type HeadingKind = 'part' | 'chapter' | 'section';

export interface LawHeading {
  seq: number;
  kind: HeadingKind;
  label: string; // 第五章
  title: string; // 行政处罚的决定
  depth: number; // 0 编, 1 章, 2 节 (or the Markdown level when there is no label)
  firstArticleOrdinal: number | null;
  line: number;
}

export interface LawArticle extends ArticleNumber {
  label: string; // 第十条之一
  /** the headings above the article, outermost first: "第五章 行政处罚的决定 / 第四节 听证程序" */
  heading: string | null;
  paragraphs: LawParagraph[];
  /** paragraphs (with their items) joined by new lines */
  body: string;
  line: number;
}

export interface ParsedLaw {
  title: string;
  subtitle: string | null;
  /** the legal source's id: the title without the leading 中华人民共和国 */
  sourceId: string;
  level: LawLevel;
  issuer: string | null;
  docNumber: string | null;
  promulgatedOn: string;
  effectiveOn: string;
  versionDate: string;
  history: HistoryLine[];
  headings: LawHeading[];
  articles: LawArticle[];
}

export interface LawTextProblem {
  line: number;
  code: string;
  message: string;
}

export type ParseResult = { ok: true; law: ParsedLaw; warnings: LawTextProblem[] } | { ok: false; problems: LawTextProblem[]; warnings: LawTextProblem[] };

const INFO_END = /^<!--\s*INFO END\s*-->$/;
const HISTORY = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/;
const HEADING = /^(#{1,6})\s+(.+)$/;
const HEADING_LABEL = /^第([零〇一二三四五六七八九十百千]+)([编章节])\s*(.*)$/;
// 第X条 / 第X条之Y, then a space (or the end of the line); X is checked to be a numeral afterwards
const ARTICLE = /^第([^\s条，。、；：（）《》]{1,12})条(?:之([^\s，。、；：]{1,6}))?(?:[ \u3000]+(.*))?$/;
const ITEM = /^[（(]([零〇一二三四五六七八九十百]+)[）)]\s*(.*)$/;
const FILE_NAME = /^(.+?)[(（](\d{4}-\d{2}-\d{2})[)）](?:\.md)?$/i;

const kindOf: Record<string, HeadingKind> = { 编: 'part', 章: 'chapter', 节: 'section' };
const depthOf: Record<HeadingKind, number> = { part: 0, chapter: 1, section: 2 };

export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const pad = (n: string) => n.padStart(2, '0');

/** Removes what editors leave behind: BOM, zero-width characters, Windows line ends, padding. */
export function cleanLine(s: string): string {
  return s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function normalizeLawText(text: string): string {
  return text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
}

/** `行政处罚法(2021-01-22).md` → { title: 行政处罚法, date: 2021-01-22 }; null for other names. */
export function parseLawFileName(fileName: string): { title: string; date: string } | null {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = FILE_NAME.exec(base);
  return m ? { title: m[1].trim(), date: m[2] } : null;
}

export const shortTitleOf = (title: string) => title.replace(/^中华人民共和国/, '');

export function parseLawText(fileName: string, text: string, opts: { level?: LawLevel } = {}): ParseResult {
  const problems: LawTextProblem[] = [];
  const warnings: LawTextProblem[] = [];
  const problem = (line: number, code: string, message: string) => problems.push({ line, code, message });
  const lines = normalizeLawText(text).split('\n').map(cleanLine);

  // ── header: title, subtitle, history, up to <!-- INFO END --> ──
  let title: string | null = null;
  let titleLine = 0;
  let subtitle: string | null = null;
  const history: (HistoryLine & { line: number })[] = [];
  let headerEnd = lines.findIndex((l) => INFO_END.test(l));
  let bodyStart = headerEnd + 1;
  if (headerEnd < 0) {
    // report it where the body evidently starts, and read on so every other problem is found too
    const first = lines.findIndex((l, k) => k > 0 && (ARTICLE.test(l) || (HEADING.test(l) && HEADING_LABEL.test(l.replace(/^#+\s+/, '')))));
    headerEnd = bodyStart = first < 0 ? lines.length : first;
    problem(Math.min(bodyStart + 1, lines.length), 'INFO_END_MISSING', '缺少 <!-- INFO END --> 行（标题和制定、修改历史之后、正文之前必须有这一行）');
  }
  for (let i = 0; i < headerEnd; i++) {
    const l = lines[i];
    if (!l) continue;
    const h = /^#\s+(.+)$/.exec(l);
    if (h && title === null && history.length === 0) {
      title = h[1].trim();
      titleLine = i + 1;
      continue;
    }
    if (h && title !== null && subtitle === null && history.length === 0) {
      subtitle = h[1].trim();
      continue;
    }
    const d = HISTORY.exec(l);
    if (d) {
      const date = `${d[1]}-${pad(d[2])}-${pad(d[3])}`;
      if (!isRealDate(date)) problem(i + 1, 'DATE_INVALID', `日期“${d[1]}年${d[2]}月${d[3]}日”不存在`);
      else history.push({ date, event: cleanEvent(d[4]), line: i + 1 });
      continue;
    }
    // a history line broken in two: the rest belongs to the previous date
    if (history.length) history[history.length - 1].event += cleanEvent(l);
    else if (title !== null) warnings.push({ line: i + 1, code: 'HEADER_TEXT_IGNORED', message: `标题后无法识别的文字已忽略：“${l.slice(0, 30)}”` });
  }
  if (title === null) problem(1, 'TITLE_MISSING', '缺少标题：第一行应为“# 法律法规名称”');

  // ── body: headings, articles, paragraphs, items ──
  const headings: LawHeading[] = [];
  const articles: LawArticle[] = [];
  const stack: LawHeading[] = [];
  let current: (LawArticle & { opened: boolean }) | null = null;
  const seen = new Map<string, number>();
  let previous: LawArticle | null = null;

  const finish = () => {
    if (!current) return;
    if (current.paragraphs.length === 0) problem(current.line, 'ARTICLE_EMPTY', `${current.label}没有内容`);
    current.body = current.paragraphs.map((p) => [p.text, ...p.items.map((it) => `${it.label}${it.text}`)].filter(Boolean).join('\n')).join('\n');
    const { opened: _opened, ...article } = current;
    articles.push(article);
    current = null;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const l = lines[i];
    const lineNo = i + 1;
    if (!l) continue;
    const h = HEADING.exec(l);
    if (h) {
      finish();
      const text = h[2].trim();
      const m = HEADING_LABEL.exec(text);
      let heading: LawHeading;
      if (m) {
        if (parseChineseNumeral(m[1]) === null) problem(lineNo, 'HEADING_NUMBER_INVALID', `标题编号“第${m[1]}${m[2]}”不是中文数字`);
        const kind = kindOf[m[2]];
        heading = {
          seq: headings.length + 1,
          kind,
          label: `第${m[1]}${m[2]}`,
          title: tidyHeadingTitle(m[3]),
          depth: depthOf[kind],
          firstArticleOrdinal: null,
          line: lineNo,
        };
      } else {
        const depth = Math.min(h[1].length - 1, 2);
        const kind = (['part', 'chapter', 'section'] as const)[depth];
        heading = { seq: headings.length + 1, kind, label: '', title: tidyHeadingTitle(text), depth, firstArticleOrdinal: null, line: lineNo };
      }
      while (stack.length && stack[stack.length - 1].depth >= heading.depth) stack.pop();
      stack.push(heading);
      headings.push(heading);
      continue;
    }
    const a = ARTICLE.exec(l);
    if (a) {
      finish();
      const label = `第${a[1]}条${a[2] !== undefined ? `之${a[2]}` : ''}`;
      const ordinal = parseChineseNumeral(a[1]);
      const suffix = a[2] === undefined ? 0 : parseChineseNumeral(a[2]);
      if (ordinal === null || suffix === null) {
        problem(lineNo, 'ARTICLE_NUMBER_INVALID', `条号“${label}”不是规范的中文数字`);
        // still collect its text so later lines are not misattributed
        current = { label, ordinal: -1, suffix: 0, heading: null, paragraphs: [], body: '', line: lineNo, opened: true };
      } else {
        const key = `${ordinal}.${suffix}`;
        const dup = seen.get(key);
        if (dup !== undefined) problem(lineNo, 'ARTICLE_DUPLICATE', `${label}重复（第 ${dup} 行已有${label}）`);
        else if (previous && (previous.ordinal > ordinal || (previous.ordinal === ordinal && previous.suffix > suffix))) {
          problem(lineNo, 'ARTICLE_OUT_OF_ORDER', `条文顺序错误：${label}出现在${previous.label}（第 ${previous.line} 行）之后`);
        } else if (previous && suffix === 0 && ordinal > previous.ordinal + 1) {
          warnings.push({ line: lineNo, code: 'ARTICLE_GAP', message: `${previous.label}之后直接是${label}，中间缺少条文` });
        }
        if (dup === undefined) seen.set(key, lineNo);
        for (const hd of stack) if (hd.firstArticleOrdinal === null) hd.firstArticleOrdinal = ordinal;
        current = {
          label,
          ordinal,
          suffix,
          heading: stack.length ? stack.map((s) => (s.label ? `${s.label} ${s.title}` : s.title)).join(' / ') : null,
          paragraphs: [],
          body: '',
          line: lineNo,
          opened: true,
        };
      }
      const first = a[3]?.trim();
      if (first) current.paragraphs.push({ text: first, items: [] });
      if (current.ordinal >= 0) previous = current;
      continue;
    }
    if (!current) {
      problem(lineNo, 'TEXT_OUTSIDE_ARTICLE', `不属于任何条文的文字：“${l.slice(0, 30)}”（条文应以“第X条 ”开头）`);
      continue;
    }
    const it = ITEM.exec(l);
    const last = current.paragraphs[current.paragraphs.length - 1];
    if (it && last) {
      last.items.push({ label: `（${it[1]}）`, text: it[2].trim() });
      continue;
    }
    current.paragraphs.push({ text: l, items: [] });
  }
  finish();

  if (title !== null && articles.length === 0 && !problems.some((p) => p.code.startsWith('ARTICLE'))) {
    problem(Math.min(bodyStart + 1, Math.max(lines.length, 1)), 'NO_ARTICLES', '正文中没有条文（每条应以“第X条 ”开头）');
  }

  // ── version date and metadata ──
  const fromName = parseLawFileName(fileName);
  let versionDate: string | null = null;
  if (fromName) {
    if (!isRealDate(fromName.date)) problem(1, 'DATE_INVALID', `文件名中的日期“${fromName.date}”不存在`);
    else versionDate = fromName.date;
    if (title !== null && fromName.title !== title && fromName.title !== shortTitleOf(title)) {
      problem(titleLine || 1, 'FILE_NAME_MISMATCH', `文件名中的名称“${fromName.title}”与正文标题“${title}”不一致`);
    }
  } else if (history.some((h) => !isInForceEvent(h.event))) {
    // the latest revision's date; a 施行 line is when it takes effect, not a version
    versionDate = history
      .filter((h) => !isInForceEvent(h.event))
      .map((h) => h.date)
      .sort()
      .at(-1)!;
  } else if (title !== null) {
    problem(titleLine || 1, 'VERSION_DATE_MISSING', '无法确定版本日期：文件名应为“名称(YYYY-MM-DD).md”，或在标题下写明制定、修改日期');
  }

  if (problems.length || title === null || versionDate === null) {
    const rank = (p: LawTextProblem) => (p.code === 'TITLE_MISSING' ? 0 : 1);
    return { ok: false, problems: problems.sort((x, y) => x.line - y.line || rank(x) - rank(y)), warnings };
  }
  const meta = inferMetadata({ title, history, versionDate, articles, level: opts.level });
  warnings.push(...meta.warnings.map((message) => ({ line: titleLine, code: 'METADATA_INFERRED', message })));
  return {
    ok: true,
    warnings,
    law: {
      title,
      subtitle,
      sourceId: shortTitleOf(title),
      level: meta.level,
      issuer: meta.issuer,
      docNumber: meta.docNumber,
      promulgatedOn: meta.promulgatedOn,
      effectiveOn: meta.effectiveOn,
      versionDate,
      history: history.map(({ date, event }) => ({ date, event })),
      headings,
      articles,
    },
  };
}

/** "修订）" / "修正　" → "修订" / "修正": padding and unmatched closing brackets left by the source. */
function cleanEvent(s: string): string {
  const t = s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  const opens = (t.match(/[（(]/g) ?? []).length;
  const closes = (t.match(/[）)]/g) ?? []).length;
  return closes > opens ? t.replace(/[）)]$/, '') : t;
}

/** "总 则" → "总则": headings are often letter-spaced. */
function tidyHeadingTitle(s: string): string {
  const t = s.trim();
  return /^[\p{Script=Han}\s\u3000]+$/u.test(t) ? t.replace(/[\s\u3000]+/g, '') : t;
}
