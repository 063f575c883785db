/**
 * 法定节假日 by rule, for years whose official schedule (国务院办公厅 的放假安排) is not yet entered.
 *
 * 《全国年节及纪念日放假办法》 as the law library holds it:
 * - version 2024-11-10 (`全国年节及纪念日放假办法@2024-11-10`), 第二条 "全体公民放假的节日：（一）元旦，放假1天（1月1日）；
 *   （二）春节，放假4天（农历除夕、正月初一至初三）；（三）清明节，放假1天（农历清明当日）；（四）劳动节，放假2天（5月1日、2日）；
 *   （五）端午节，放假1天（农历端午当日）；（六）中秋节，放假1天（农历中秋当日）；（七）国庆节，放假3天（10月1日至3日）。"
 * - version 2013-12-11 (`全国年节及纪念日放假办法@2013-12-11`), 第二条: 春节 3 days (正月初一至初三), 劳动节 1 day (5月1日).
 * - both, 第六条 "全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。"
 *
 * The library's 2024 text carries neither the State Council decree's number nor the date the revision took
 * effect (its 第八条 is the original "本办法自公布之日起施行"); the 2025 official schedule (the calendar package)
 * is the first to give 春节 4 days and 劳动节 2 days, so the 2024 version is applied from 2025 and the 2013
 * version before (years before 2004 are not in the package and are approximated by the 2013 text).
 *
 * 补假 (第六条): the text says only "在工作日补假"; the derived calendar gives, for each holiday of 第二条 that
 * falls on a Saturday or Sunday, the first following Monday–Friday that is neither a holiday of 第二条 nor
 * already a 补假 — the practice of every published schedule. A day off more never shortens a period counted in
 * working days, so until the schedule is entered no period is shorter than the law allows. Make-up workdays
 * (调休上班) are not derived: they shorten periods and come only with the State Council's yearly notice, which an
 * administrator enters (the deadlines computed on the derived days are shown as provisional until then).
 */
import chineseDays from 'chinese-days';
import { addDays } from '../dates.ts';

/** The law-library version of 全国年节及纪念日放假办法 that governs the holidays of a year. */
export const holidayLawVersion = (year: number): '2024-11-10' | '2013-12-11' => (year >= 2025 ? '2024-11-10' : '2013-12-11');

/** Citations (law-library links) of the holidays and of the 补假 of a year. */
export const statutoryHolidayBasis = (year: number) => {
  const v = `全国年节及纪念日放假办法@${holidayLawVersion(year)}`;
  return { holidays: `${v}#第二条`, makeUp: `${v}#第六条` } as const;
};

/** Human-readable citation of the rule the derived days follow. */
export const STATUTORY_HOLIDAY_BASIS = '《全国年节及纪念日放假办法》（2024年11月10日修订）第二条、第六条';

export interface DerivedDay {
  date: string;
  name: string;
  /** 'holiday': a holiday of 第二条; 'makeUp': a 补假 of 第六条 for a holiday on a Saturday or Sunday */
  source: 'holiday' | 'makeUp';
  /** law-library link of the article */
  basis: string;
}

const lunar = (year: number, md: string) => chineseDays.getSolarDateFromLunar(`${year}-${md}`).date;
const isWeekend = (date: string) => {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
};

/** The holidays of all citizens of 第二条 in the year (dates within the year). */
export function statutoryHolidays(year: number): { date: string; name: string }[] {
  const springFestival = lunar(year, '01-01');
  const v2024 = holidayLawVersion(year) === '2024-11-10';
  const out = [
    { date: `${year}-01-01`, name: '元旦' },
    ...(v2024 ? [{ date: addDays(springFestival, -1), name: '春节（除夕）' }] : []),
    ...[0, 1, 2].map((i) => ({ date: addDays(springFestival, i), name: '春节' })),
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    ...(v2024 ? [{ date: `${year}-05-02`, name: '劳动节' }] : []),
    { date: lunar(year, '05-05'), name: '端午节' },
    { date: lunar(year, '08-15'), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ];
  // 除夕 of year+1 can fall in this year's late January/February only; keep dates within the year. Two
  // holidays on one day (中秋 on 1–3 October) are one day off: 第二条 and 第六条 give no further day for that.
  const byDate = new Map<string, string>();
  for (const d of out) if (d.date.startsWith(`${year}-`)) byDate.set(d.date, byDate.has(d.date) ? `${byDate.get(d.date)}、${d.name}` : d.name);
  return [...byDate].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The year's days off by rule: the holidays of 第二条 and, for each of them on a Saturday or Sunday, its 补假
 * (第六条) on the first following weekday that is neither a holiday nor already a 补假. A 补假 may fall in the
 * first days of the next year only if a holiday were at the very end of the year (none is).
 */
export function derivedDaysOff(year: number): DerivedDay[] {
  const basis = statutoryHolidayBasis(year);
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => h.date));
  const out: DerivedDay[] = holidays.map((h) => ({ ...h, source: 'holiday', basis: basis.holidays }));
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = addDays(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    const dow = new Date(`${h.date}T00:00:00Z`).getUTCDay() === 0 ? '日' : '六';
    out.push({ date: d, name: `${h.name.replace(/（.*?）/g, '').split('、')[0]}补假（${h.date} 适逢周${dow}）`, source: 'makeUp', basis: basis.makeUp });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
