/**
 * Money is integer 分 (fen). Multiples of a base are integer ‰ (permille: 10 倍 = 10000, 0.5 倍 = 500,
 * 30 % = 300). Products are computed with BigInt, so no amount is ever a float.
 *
 * Rounding (documented in docs/architecture.md): a statutory lower bound computed from a multiple is
 * rounded UP to the next 分 and an upper bound DOWN, so a computed range never leaves the statute;
 * tier split points (share of a range) are rounded DOWN to the 分.
 */

export type Rounding = 'floor' | 'ceil';

/** round(a × num / den) for non-negative integers, exactly. */
export function mulDiv(a: number, num: number, den: number, rounding: Rounding): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(num) || !Number.isSafeInteger(den) || a < 0 || num < 0 || den <= 0) {
    throw new RangeError(`mulDiv needs non-negative safe integers: ${a} × ${num} / ${den}`);
  }
  const p = BigInt(a) * BigInt(num);
  const d = BigInt(den);
  let q = p / d;
  if (rounding === 'ceil' && q * d !== p) q += 1n;
  const out = Number(q);
  if (!Number.isSafeInteger(out)) throw new RangeError('amount too large');
  return out;
}

/** 1408000 → "14,080.00 元" */
export function formatYuan(fen: number, unit = true): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}${unit ? ' 元' : ''}`;
}

/** "14080", "14,080.5", "1.2万" → fen; null when the text is not an amount. Never goes through a float. */
export function parseYuan(text: string | number): number | null {
  let s = String(text)
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  // 元 with up to 2 decimals, or 万元 with up to 6: in both cases the decimals are whole 分
  let unitFen = 100n;
  let decimals = 2;
  if (s.endsWith('万')) {
    s = s.slice(0, -1);
    unitFen = 1_000_000n;
    decimals = 6;
  }
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2] ?? '').length > decimals) return null;
  const fen = BigInt(m[1]) * unitFen + BigInt(((m[2] ?? '') + '0'.repeat(decimals)).slice(0, decimals));
  const n = Number(fen);
  return Number.isSafeInteger(n) ? n : null;
}

/** 10000 → "10", 500 → "0.5", 1500 → "1.5" */
export function formatPermille(permille: number): string {
  const whole = Math.trunc(permille / 1000);
  const frac = String(permille % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** "10" → 10000, "0.5" → 500 (倍); null when not a number with at most 3 decimals. */
export function parsePermille(text: string | number): number | null {
  const s = String(text).trim().replace(/倍$/, '');
  const m = /^(\d+)(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]) * 1000 + Number(((m[2] ?? '') + '000').slice(0, 3));
  return Number.isSafeInteger(n) ? n : null;
}

/** "30" or "30%" → 300 (‰); at most one decimal. */
export function parsePercent(text: string | number): number | null {
  const s = String(text)
    .trim()
    .replace(/[%％]$/, '');
  const m = /^(\d+)(?:\.(\d))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 10 + Number(m[2] ?? '0');
}

/** 300 → "30%" */
export const formatPercent = (permille: number): string => `${formatPermille(permille * 100)}%`;
