/**
 * The deadline rules in the 规则目录: every rule of `domain/deadlines/rules.ts`, its examples checked by
 * the deadline calculator over the calendar shipped with the platform (the official schedules of the
 * calendar package, statutory holidays for later years) — no database, so the catalogue and its test
 * compute the same dates everywhere.
 */
import { WorkCalendar } from '../../domain/calendar/workCalendar.ts';
import { deadlineRules } from '../../domain/deadlines/rules.ts';
import { deadlineLegalRule, type LegalRule } from '../../domain/legalRules.ts';
import { officialSchedules } from './official.ts';

let shipped: WorkCalendar | null = null;

/** The calendar the package ships (built once, on first use). */
export function shippedCalendar(): WorkCalendar {
  if (!shipped) {
    const official = officialSchedules();
    shipped = new WorkCalendar([...official.values()].flat(), official.keys());
  }
  return shipped;
}

export const deadlineLegalRules: readonly LegalRule[] = deadlineRules.map((r) => deadlineLegalRule(r, shippedCalendar));
