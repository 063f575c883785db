/**
 * Chinese numerals as legal texts write article, chapter and item numbers (第一百二十四条,
 * 第十条之一, 第一千零一条). Parsing is exact: only the canonical spelling of a number is accepted
 * (第一百一十条, never 第一百十条 or 第一一〇条), so a typo is reported instead of misnumbering an article.
 */

const DIGITS = '零一二三四五六七八九';
const UNITS: [string, number][] = [
  ['千', 1000],
  ['百', 100],
  ['十', 10],
];

/** The canonical numeral for 1 ≤ n ≤ 99 999 (十 for 10–19 when it leads, 一十 inside: 一百一十). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99_999) throw new RangeError(`无法表示的数字 ${n}`);
  if (n >= 10_000) {
    const high = Math.floor(n / 10_000);
    const rest = n % 10_000;
    if (rest === 0) return `${DIGITS[high]}万`;
    return `${DIGITS[high]}万${rest < 1000 ? '零' : ''}${below10k(rest, true)}`;
  }
  return below10k(n, false);
}

function below10k(n: number, inner: boolean): string {
  let out = '';
  let pendingZero = false;
  let started = false;
  for (const [unit, value] of UNITS) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // a leading 一十 is written 十 (第十条, 第十九条), inside a number it is 一十 (第一百一十条)
    out += unit === '十' && d === 1 && !started && !inner ? '十' : DIGITS[d] + unit;
    started = true;
  }
  const units = n % 10;
  if (units) out += (pendingZero ? '零' : '') + DIGITS[units];
  return out;
}

/** The value of a canonical Chinese numeral (〇 is read as 零), or null when it is not one. */
export function parseChineseNumeral(s: string): number | null {
  const text = s.replace(/〇/g, '零');
  if (!/^[零一二三四五六七八九十百千万]{1,12}$/.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      if (digit !== null && digit !== 0 && d !== 0) return null; // two digits in a row
      digit = d;
      continue;
    }
    if (ch === '万') {
      section += digit ?? 0;
      if (section === 0) return null;
      total += section * 10_000;
      section = 0;
      digit = null;
      continue;
    }
    const value = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    section += (digit ?? (ch === '十' ? 1 : NaN)) * value;
    if (Number.isNaN(section)) return null;
    digit = null;
  }
  total += section + (digit ?? 0);
  if (total < 1 || total > 99_999) return null;
  // exactness: the input must be the canonical spelling of the value it denotes
  return toChineseNumeral(total) === text ? total : null;
}

export interface ArticleNumber {
  ordinal: number;
  /** 之一 → 1, 之二 → 2; 0 for a plain article */
  suffix: number;
}

/** 第六十三条 → {63, 0}; 第十条之一 → {10, 1}; null when the label is not an article number. */
export function parseArticleLabel(label: string): ArticleNumber | null {
  const m = /^第([^条]+)条(?:之(.+))?$/.exec(label);
  if (!m) return null;
  const ordinal = parseChineseNumeral(m[1]);
  const suffix = m[2] === undefined ? 0 : parseChineseNumeral(m[2]);
  if (ordinal === null || suffix === null) return null;
  return { ordinal, suffix };
}

export function articleLabel(n: ArticleNumber): string {
  return `第${toChineseNumeral(n.ordinal)}条${n.suffix ? `之${toChineseNumeral(n.suffix)}` : ''}`;
}

/** Order of articles in a law: by number, then 之一, 之二 after the plain article. */
export function compareArticleNumbers(a: ArticleNumber, b: ArticleNumber): number {
  return a.ordinal - b.ordinal || a.suffix - b.suffix;
}
