/** Official holiday schedules as published in the maintained `chinese-days` package (2004 onwards). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CalendarDay } from '../../domain/calendar/workCalendar.ts';

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cached: Map<number, CalendarDay[]> | null = null;

/** name field in the package: "Spring Festival,春节,4" → 春节 */
const chineseName = (v: string) => v.split(',')[1] ?? v;

export function officialSchedules(): Map<number, CalendarDay[]> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const data = JSON.parse(readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as PackageData;
  const byYear = new Map<number, CalendarDay[]>();
  const add = (date: string, kind: CalendarDay['kind'], name: string) => {
    const y = Number(date.slice(0, 4));
    byYear.set(y, [...(byYear.get(y) ?? []), { date, kind, name }]);
  };
  for (const [date, v] of Object.entries(data.holidays)) add(date, 'holiday', chineseName(v));
  for (const [date, v] of Object.entries(data.workdays)) add(date, 'workday', `${chineseName(v)}调休上班`);
  cached = byYear;
  return byYear;
}
