/**
 * The working-day calendar deadlines are computed with, as the database holds it: the official
 * years (loaded from the package) and the years an administrator entered. The calendar module
 * fills the tables; the workflow engine and every module read the calendar here.
 */
import { WorkCalendar, type CalendarDay } from '../domain/calendar/workCalendar.ts';
import type { Queryable } from './db/index.ts';

/** The calendar as of now: every stored day, with which years are official (package) and which an administrator entered. */
export async function loadCalendar(q: Queryable): Promise<WorkCalendar> {
  const days = (await q.query<CalendarDay>(`select day as date, kind, name from calendar_days`)).rows;
  const years = (await q.query<{ year: number; source: string }>('select year, source from calendar_years')).rows;
  return new WorkCalendar(
    days,
    years.filter((y) => y.source === 'package').map((y) => Number(y.year)),
    years.filter((y) => y.source === 'admin').map((y) => Number(y.year)),
  );
}

/**
 * Whether a year's holiday schedule is official (loaded from the package or entered by an administrator), read
 * without loading the days: what the presenters of stored deadlines need to flag the provisional ones.
 */
export async function loadOfficialYears(q: Queryable): Promise<(year: number) => boolean> {
  const years = new Set((await q.query<{ year: number }>('select year from calendar_years')).rows.map((r) => Number(r.year)));
  return (year) => years.has(year);
}
