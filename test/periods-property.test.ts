/**
 * Property-based tests (fast-check) of the calendar, the periods and the limitation arithmetic (issue 10, items
 * 2, 8 and 9). Fixed seed, so a failure is reproducible; fast-check prints the smallest counter-example.
 *
 * - 行政处罚法 第八十五条 "“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日": the n-th working day after a date is a
 *   working day with exactly n working days up to it.
 * - 第六十四条第（二）项 "在举行听证的七日前，通知": the latest notice day leaves seven working days before the hearing, the day
 *   after it does not.
 * - 全国年节及纪念日放假办法 第二条, 第六条 "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假": in a year without an
 *   official schedule no period counted in working days is shorter than over a calendar without the derived days.
 * - 第三十六条: the limitation ends on the anniversary of the act, never moved; 信息公示规定 第十三条 the same for 公示期.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derivedDaysOff, statutoryHolidays } from '../src/domain/calendar/statutoryHolidays.ts';
import { WorkCalendar } from '../src/domain/calendar/workCalendar.ts';
import { addDays } from '../src/domain/dates.ts';
import { computeDeadline } from '../src/domain/deadlines/compute.ts';
import { limitationOf } from '../src/domain/deadlines/limitation.ts';
import { deadlineRule } from '../src/domain/deadlines/rules.ts';
import { officialSchedules } from '../src/modules/calendar/official.ts';

const SEED = 20261207;
const runs = { seed: SEED, numRuns: 300 };
const official = officialSchedules();
/** the shipped calendar: the package's official years; later years by rule (第二条 holidays and 第六条 补假) */
const shipped = new WorkCalendar([...official.values()].flat(), official.keys());

/** a date between two dates, as YYYY-MM-DD */
const dateIn = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / 86_400_000, max: Date.parse(`${to}T00:00:00Z`) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

describe('working days (行政处罚法 第八十五条)', () => {
  it('addWorkingDays(d, n) lands on a working day and workingDaysBetween(d, result) === n', () => {
    fc.assert(
      fc.property(dateIn('2004-01-01', '2034-12-31'), fc.integer({ min: 1, max: 120 }), (d, n) => {
        const r = shipped.addWorkingDays(d, n).date;
        expect(shipped.isWorkingDay(r)).toBe(true);
        expect(shipped.workingDaysBetween(d, r)).toBe(n);
      }),
      runs,
    );
  });

  it('subtractWorkingDays(d, n) is the earliest of the n working days before d', () => {
    fc.assert(
      fc.property(dateIn('2004-03-01', '2034-12-31'), fc.integer({ min: 1, max: 60 }), (d, n) => {
        const r = shipped.subtractWorkingDays(d, n).date;
        expect(shipped.isWorkingDay(r)).toBe(true);
        expect(shipped.workingDaysBetween(addDays(r, -1), addDays(d, -1))).toBe(n);
      }),
      runs,
    );
  });

  it('the hearing notice (第六十四条第（二）项) leaves seven full working days; a day later would leave six', () => {
    const rule = deadlineRule('penalty.hearingNotice');
    fc.assert(
      fc.property(dateIn('2004-03-01', '2034-12-31'), (hearing) => {
        const { due } = computeDeadline(rule, shipped, { start: hearing });
        // working days strictly between the notice day and the hearing day
        expect(shipped.workingDaysBetween(due, addDays(hearing, -1))).toBe(7);
        expect(shipped.workingDaysBetween(addDays(due, 1), addDays(hearing, -1))).toBeLessThan(7);
      }),
      runs,
    );
  });
});

describe('years without an official schedule (全国年节及纪念日放假办法 第二条、第六条)', () => {
  // the same calendar with 2027–2030 "complete" and empty: weekends only …
  const bare = new WorkCalendar([...official.values()].flat(), [...official.keys(), 2027, 2028, 2029, 2030]);
  // … and with the holidays of 第二条 but no 补假
  const holidaysOnly = new WorkCalendar(
    [...[...official.values()].flat(), ...[2027, 2028, 2029, 2030].flatMap((y) => statutoryHolidays(y).map((h) => ({ ...h, kind: 'holiday' as const })))],
    [...official.keys(), 2027, 2028, 2029, 2030],
  );

  it('no period in working days that touches 2027–2030 is shorter with the derived days than without them', () => {
    fc.assert(
      fc.property(dateIn('2026-11-01', '2030-10-31'), fc.integer({ min: 1, max: 60 }), (d, n) => {
        const derived = shipped.addWorkingDays(d, n).date;
        const withHolidays = holidaysOnly.addWorkingDays(d, n).date;
        expect(derived >= withHolidays).toBe(true);
        expect(withHolidays >= bare.addWorkingDays(d, n).date).toBe(true);
        // counted over the derived calendar, the law's n working days are all there
        expect(shipped.workingDaysBetween(d, derived)).toBe(n);
      }),
      runs,
    );
  });

  it('补假 days are weekdays that replace holidays of 第二条 falling on a Saturday or Sunday, one for one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2100 }), (year) => {
        const days = derivedDaysOff(year);
        const holidays = days.filter((d) => d.source === 'holiday');
        const makeUps = days.filter((d) => d.source === 'makeUp');
        expect(makeUps.length).toBe(holidays.filter((h) => isWeekend(h.date)).length);
        const holidayDates = new Set(holidays.map((h) => h.date));
        for (const m of makeUps) {
          expect(isWeekend(m.date), m.date).toBe(false);
          expect(holidayDates.has(m.date), m.date).toBe(false);
          expect(m.basis).toBe('全国年节及纪念日放假办法@2024-11-10#第六条');
        }
        expect(new Set(makeUps.map((m) => m.date)).size).toBe(makeUps.length);
        // each 补假 follows its holiday within the same run of days off (no working day of the calendar between)
        const cal = new WorkCalendar([], []);
        for (const m of makeUps) {
          const holiday = m.name.match(/（(\d{4}-\d{2}-\d{2}) 适逢/)![1];
          expect(holiday < m.date).toBe(true);
          expect(cal.workingDaysBetween(holiday, addDays(m.date, -1))).toBe(0);
        }
      }),
      { seed: SEED, numRuns: 76 },
    );
  });

  it('a deadline is provisional exactly when its working-day period reaches past 2026 (the last official year)', () => {
    const rule = deadlineRule('penalty.statement');
    fc.assert(
      fc.property(dateIn('2025-06-01', '2028-12-31'), (start) => {
        const r = computeDeadline(rule, shipped, { start });
        expect(r.provisional).toBe(r.due >= '2027-01-01');
      }),
      runs,
    );
  });
});

describe('periods that end when they end (第三十六条 追责时效; 信息公示规定 第十三条 公示期)', () => {
  const anniversary = (d: string, years: number) => {
    const y = Number(d.slice(0, 4)) + years;
    const md = d.slice(5);
    return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-02-28` : `${y}${d.slice(4)}`;
  };

  it('the limitation is exactly the anniversary of the act — two years, five for life/health harm from 2021-07-15 — never moved to a working day', () => {
    fc.assert(
      fc.property(dateIn('1997-01-01', '2030-12-31'), dateIn('1997-01-01', '2036-12-31'), fc.boolean(), (act, discovered, lifeHealth) => {
        const l = limitationOf(shipped, { violationDate: act, discoveredOn: discovered, lifeHealth });
        const years = lifeHealth && act >= '2021-07-15' ? 5 : 2;
        expect(l.years).toBe(years);
        expect(l.due).toBe(anniversary(act, years));
      }),
      runs,
    );
  });

  it('the publicity periods (three years; three months) end on their day, rest day or not', () => {
    fc.assert(
      fc.property(dateIn('2021-09-01', '2030-12-31'), (published) => {
        const r = computeDeadline(deadlineRule('publicity.period'), shipped, { start: published });
        expect(r.due).toBe(anniversary(published, 3));
        expect(r.skipped).toEqual([]);
        expect(r.provisional).toBe(false);
      }),
      runs,
    );
  });
});
