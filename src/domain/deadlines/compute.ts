/**
 * The deadline calculator: a rule, a start date and the calendar → the due date, with the
 * citation, every rest day passed over, suspensions and an approved extension applied.
 */
import { addDays } from '../dates.ts';
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import { deadlineUnitLabels, type DeadlineRule } from './rules.ts';

export interface Period {
  from: string;
  to: string;
  reason: string;
}

export interface DeadlineInput {
  start: string;
  /** periods that do not count (听证、检测、检验、鉴定、公告 …), only for suspendable rules */
  suspensions?: Period[];
  /** apply the rule's approved extension */
  extended?: boolean;
}

export interface DeadlineResult {
  ruleId: string;
  label: string;
  start: string;
  due: string;
  warnFrom: string;
  description: string;
  basis: string[];
  sourceNote: string | null;
  skipped: { date: string; name: string }[];
  suspendedDays: number;
  extension: { amount: number; unit: string; approval: string } | null;
  officialCalendar: boolean;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last)); // 1-31 Jan + 1 month → 28/29 Feb
  return target.toISOString().slice(0, 10);
}

const inPeriods = (periods: Period[]) => (d: string) => periods.some((p) => d >= p.from && d <= p.to);

export function computeDeadline(rule: DeadlineRule, cal: WorkCalendar, input: DeadlineInput): DeadlineResult {
  const suspensions = rule.suspendable ? (input.suspensions ?? []) : [];
  for (const p of suspensions) if (p.to < p.from) throw new RangeError(`中止期间 ${p.from}–${p.to} 的结束日早于开始日`);
  const excluded = inPeriods(suspensions);
  const ext = input.extended && rule.extension ? rule.extension : null;
  let due: string;
  let skipped: { date: string; name: string }[] = [];
  let suspendedDays = 0;

  const amount = (unit: DeadlineRule['unit']) => rule.amount + (ext && ext.unit === unit ? ext.amount : 0);
  if (rule.unit === 'workingDays') {
    if (rule.direction === 'before') {
      ({ date: due, skipped } = cal.subtractWorkingDays(input.start, rule.amount));
    } else {
      ({ date: due, skipped } = cal.addWorkingDays(input.start, amount('workingDays'), excluded));
      suspendedDays = skipped.filter((s) => excluded(s.date)).length;
    }
  } else {
    let end =
      rule.unit === 'calendarDays'
        ? addDays(input.start, amount('calendarDays'))
        : rule.unit === 'months'
          ? addMonths(input.start, amount('months'))
          : addMonths(input.start, amount('years') * 12);
    // excluded periods push the end back day for day, including periods reached by the pushing
    const counted = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (let d = addDays(input.start, 1); d <= end; d = addDays(d, 1)) {
        if (excluded(d) && !counted.has(d)) {
          counted.add(d);
          end = addDays(end, 1);
          changed = true;
        }
      }
    }
    suspendedDays = counted.size;
    if (rule.direction === 'before') throw new Error(`rule ${rule.id}: 'before' is only defined for working days`);
    // a period that ends on a rest day ends on the next working day
    ({ date: due, skipped } = cal.nextWorkingDayFrom(end));
  }
  const warnFrom = cal.subtractWorkingDays(due, rule.warnWorkingDays).date;
  const total = rule.unit === 'workingDays' ? amount('workingDays') : rule.unit === 'calendarDays' ? amount('calendarDays') : rule.amount;
  return {
    ruleId: rule.id,
    label: rule.label,
    start: input.start,
    due,
    warnFrom,
    description: `${rule.event}${rule.direction === 'after' ? '之日起' : '前'} ${total} ${deadlineUnitLabels[rule.unit]}${rule.direction === 'before' ? '（最迟日期）' : ''}`,
    basis: [...rule.basis],
    sourceNote: rule.sourceNote ?? null,
    skipped,
    suspendedDays,
    extension: ext ? { amount: ext.amount, unit: deadlineUnitLabels[ext.unit], approval: ext.approval } : null,
    officialCalendar: cal.isOfficialYear(Number(input.start.slice(0, 4))) && cal.isOfficialYear(Number(due.slice(0, 4))),
  };
}
