/** Dates as the bureau reads them: China Standard Time (UTC+8, no daylight saving). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A moment as a person reads it: 北京时间, `YYYY-MM-DD HH:mm:ss` (machine formats — JSON, feeds,
 * downloads — keep the ISO instant). Anything that is not a time is returned as it is.
 */
export function chinaDateTime(at: string | Date): string {
  const t = new Date(at).getTime();
  if (Number.isNaN(t)) return String(at);
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * The dates a person may enter at the boundary (`ZDate`): from the founding of the People's Republic
 * (1949-10-01) to the end of 2100, the last year whose 春节, 清明, 端午 and 中秋 the calendar can derive.
 */
export const DATE_RANGE = { min: '1949-10-01', max: '2100-12-31' } as const;

/**
 * The dates the platform computes with (the working-day calendar's years, 1901–2100). Day arithmetic
 * that leaves this range throws DateOutOfRangeError, so no loop over days — a deadline, a calendar
 * walk — can run away, whatever date reached it (typed in, stored earlier, or computed).
 */
export const COMPUTABLE_RANGE = { min: '1901-01-01', max: '2100-12-31' } as const;

export class DateOutOfRangeError extends RangeError {
  constructor(readonly date: string) {
    super(`date ${date} is outside ${COMPUTABLE_RANGE.min}..${COMPUTABLE_RANGE.max}`);
  }
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function assertComputable(date: string): string {
  if (!(date >= COMPUTABLE_RANGE.min && date <= COMPUTABLE_RANGE.max && isRealDate(date))) throw new DateOutOfRangeError(date);
  return date;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${assertComputable(date)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  if (Number.isNaN(d.getTime())) throw new DateOutOfRangeError(`${date} + ${days}`);
  return assertComputable(d.toISOString().slice(0, 10));
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
