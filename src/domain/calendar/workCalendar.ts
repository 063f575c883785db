/**
 * The working-day calendar (工作日 / 法定节假日 / 调休). Pure: built from the day entries the
 * database holds (official schedules from the calendar package, overridden by administrators).
 * Weekends are rest days unless marked a make-up workday. A year that is not complete (not the package's)
 * still gets the days off of 《全国年节及纪念日放假办法》 (statutoryHolidays.ts): the holidays of 第二条 and
 * the 补假 of 第六条 for those on a Saturday or Sunday, each unless an administrator entered that day.
 */
import { addDays, assertComputable } from '../dates.ts';
import { derivedDaysOff, type DerivedDay } from './statutoryHolidays.ts';

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
  /** the days set by rule (not entered), with their article */
  private readonly derived = new Map<string, DerivedDay>();

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
    for (const h of derivedDaysOff(year)) {
      if (this.days.has(h.date)) continue;
      this.days.set(h.date, { date: h.date, name: h.name, kind: 'holiday' });
      this.derived.set(h.date, h);
    }
  }

  /**
   * The year's holidays and make-up workdays as they apply: each entered day (source 'entered') and each day
   * set by rule that no entry overrides (source 'holiday' of 第二条 or 'makeUp' of 第六条, with its article).
   */
  daysOfYear(year: number): { date: string; kind: DayKind; name: string; source: 'entered' | DerivedDay['source']; basis: string | null }[] {
    this.ensureYear(year);
    return [...this.days.values()]
      .filter((d) => d.date.startsWith(`${year}-`))
      .map((d) => {
        const r = this.derived.get(d.date);
        return { ...d, source: r ? r.source : ('entered' as const), basis: r ? r.basis : null };
      })
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /**
   * Whether the year's schedule is the official one (false: the days off by rule only, no 调休 — a deadline
   * that depends on such a year is provisional, 暂按法定节假日计算).
   */
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

  /**
   * The n-th working day before `date` (the day itself does not count): the earliest day of the n working
   * days that precede `date`. For "N days before the event" rules see computeDeadline, which also leaves the
   * day of the act out (the latest date is the day before this one).
   */
  subtractWorkingDays(date: string, n: number): { date: string; skipped: { date: string; name: string }[] } {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer');
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
