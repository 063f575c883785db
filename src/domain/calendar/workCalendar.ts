/**
 * The working-day calendar (工作日 / 法定节假日 / 调休). Pure: built from the day entries the
 * database holds (official schedules from the calendar package, overridden by administrators).
 * Weekends are rest days unless marked a make-up workday; years without a published schedule
 * still get the statutory holidays (statutoryHolidays.ts), so 1 January is never a working day.
 */
import { addDays, assertComputable } from '../dates.ts';
import { statutoryHolidays } from './statutoryHolidays.ts';

export type DayKind = 'holiday' | 'workday';
export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
}

export class WorkCalendar {
  private readonly days = new Map<string, CalendarDay>();
  private readonly completeYears: Set<number>;
  private readonly announcedYears: Set<number>;
  private readonly derivedYears = new Set<number>();

  /**
   * `days`: holidays and make-up workdays. `completeYears`: years whose whole official schedule
   * is loaded (the package's). `announcedYears`: years an administrator entered days for; the
   * statutory holidays still apply there unless a day is entered explicitly.
   */
  constructor(days: Iterable<CalendarDay>, completeYears: Iterable<number>, announcedYears: Iterable<number> = []) {
    for (const d of days) this.days.set(d.date, d);
    this.completeYears = new Set(completeYears);
    this.announcedYears = new Set(announcedYears);
  }

  private ensureYear(year: number) {
    if (this.completeYears.has(year) || this.derivedYears.has(year)) return;
    this.derivedYears.add(year);
    for (const h of statutoryHolidays(year)) if (!this.days.has(h.date)) this.days.set(h.date, { ...h, kind: 'holiday' });
  }

  /** Whether the year's schedule is the official one (false: statutory holidays only, no 调休). */
  isOfficialYear(year: number): boolean {
    return this.completeYears.has(year) || this.announcedYears.has(year);
  }

  dayInfo(date: string): { working: boolean; kind: DayKind | 'weekend' | 'weekday'; name: string } {
    this.ensureYear(Number(assertComputable(date).slice(0, 4)));
    const d = this.days.get(date);
    if (d) return { working: d.kind === 'workday', kind: d.kind, name: d.name };
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow === 0 || dow === 6 ? { working: false, kind: 'weekend', name: dow === 0 ? '星期日' : '星期六' } : { working: true, kind: 'weekday', name: '' };
  }

  isWorkingDay(date: string): boolean {
    return this.dayInfo(date).working;
  }

  /**
   * The n-th working day after `date` (the day itself does not count), skipping any date in
   * `excluded` (suspensions). Also returns the non-working days passed over.
   */
  addWorkingDays(date: string, n: number, excluded: (d: string) => boolean = () => false): { date: string; skipped: { date: string; name: string }[] } {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
    const skipped: { date: string; name: string }[] = [];
    let d = date;
    let count = 0;
    while (count < n) {
      d = addDays(d, 1);
      const info = this.dayInfo(d);
      if (excluded(d)) skipped.push({ date: d, name: '期间中止（不计入）' });
      else if (!info.working) skipped.push({ date: d, name: info.name });
      else count++;
    }
    return { date: d, skipped };
  }

  /** The n-th working day before `date` (for "notify N days before" rules). */
  subtractWorkingDays(date: string, n: number): { date: string; skipped: { date: string; name: string }[] } {
    const skipped: { date: string; name: string }[] = [];
    let d = date;
    let count = 0;
    while (count < n) {
      d = addDays(d, -1);
      const info = this.dayInfo(d);
      if (!info.working) skipped.push({ date: d, name: info.name });
      else count++;
    }
    return { date: d, skipped };
  }

  /** The first working day on or after `date` (a period ending on a rest day ends on the next working day). */
  nextWorkingDayFrom(date: string): { date: string; skipped: { date: string; name: string }[] } {
    const skipped: { date: string; name: string }[] = [];
    let d = date;
    while (!this.isWorkingDay(d)) {
      skipped.push({ date: d, name: this.dayInfo(d).name });
      d = addDays(d, 1);
    }
    return { date: d, skipped };
  }

  /** Working days in (from, to]. */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}
