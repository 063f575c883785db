/**
 * How instruments write dates, times and money (pure functions).
 * 成文日期 per GB/T 9704-2012 7.3.5.3: the year in full Chinese digits with 〇, month and day as
 * numbers (二〇二六年十一月二十三日). Money is integer 分 everywhere; instruments write 元.
 */

const DIGITS = '〇一二三四五六七八九';

/** 1 … 99 as written in dates and counts: 十, 十一, 二十三. */
export function smallChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`无法表示的数字 ${n}`);
  if (n < 10) return n === 0 ? '零' : DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units ? DIGITS[units] : ''}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const TIME = /(?:^|[T ])(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function parseDate(v: string): { y: number; m: number; d: number } | null {
  const m = DATE.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return { y, m: mo, d };
}

function parseTime(v: string): { h: number; min: number } | null {
  const m = TIME.exec(v);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return { h, min };
}

/** 2026-11-23 → 二〇二六年十一月二十三日 (成文日期). */
export function chineseDate(v: string): string | null {
  const p = parseDate(v);
  if (!p) return null;
  const year = String(p.y)
    .split('')
    .map((c) => DIGITS[Number(c)])
    .join('');
  return `${year}年${smallChineseNumber(p.m)}月${smallChineseNumber(p.d)}日`;
}

/** 2026-11-23 → 2026年11月23日 (dates inside the text). */
export function arabicDate(v: string): string | null {
  const p = parseDate(v);
  return p && `${p.y}年${p.m}月${p.d}日`;
}

/** 09:30 → 9时30分. */
export function clockTime(v: string): string | null {
  const t = parseTime(v);
  return t && `${t.h}时${String(t.min).padStart(2, '0')}分`;
}

/** 2026-11-23T09:30 → 2026年11月23日9时30分 (a date-time without offset is China Standard Time). */
export function dateTime(v: string): string | null {
  const d = arabicDate(v);
  const t = /[T ]/.test(v) ? clockTime(v.slice(11)) : null;
  return d && t ? d + t : null;
}

const isFen = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** 5000000 分 → 50000元; 123450 分 → 1234.50元. */
export function yuan(fen: unknown): string | null {
  if (!isFen(fen)) return null;
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents ? `${whole}.${String(cents).padStart(2, '0')}元` : `${whole}元`;
}

const UPPER = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** 5000000 分 → 伍万元整; 1234050 分 → 壹万贰仟叁佰肆拾元伍角 (大写金额, as on payment documents). */
export function yuanUpper(fen: unknown): string | null {
  if (!isFen(fen)) return null;
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenPart = fen % 10;
  let out = '';
  if (whole === 0) out = '零';
  else {
    const groups: number[] = [];
    for (let n = whole; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000);
    let zeroPending = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      if (group === 0) {
        zeroPending = out.length > 0;
        continue;
      }
      if (zeroPending || (out.length > 0 && group < 1000)) out += '零';
      zeroPending = false;
      let inner = '';
      let innerZero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          innerZero = inner.length > 0;
          continue;
        }
        if (innerZero) inner += '零';
        innerZero = false;
        inner += UPPER[d] + SMALL_UNITS[i];
      }
      out += inner + BIG_UNITS[g];
    }
  }
  out += '元';
  if (jiao === 0 && fenPart === 0) return `${out}整`;
  if (jiao) out += `${UPPER[jiao]}角`;
  else if (whole > 0) out += '零';
  if (fenPart) out += `${UPPER[fenPart]}分`;
  return out;
}

/** The year of a YYYY-MM-DD date. */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
