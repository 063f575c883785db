/**
 * The deadline calculator: a rule, a start date and the calendar → the due date, with the
 * citation, every rest day passed over, suspensions and an approved extension applied, whether a
 * last day on a rest day moves (the rule's declared `restDay`) and whether the result rests on a
 * year whose official holiday schedule is not entered yet (provisional, 暂按法定节假日计算).
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
  /** how a last day on a rest day is treated (applies: false for periods in working days) */
  restDay: RestDayTreatment;
  /** the result depends on a year without an official schedule (holidays and 补假 by rule, no 调休) */
  provisional: boolean;
  /** the contrary of `provisional` (kept for the callers that read it) */
  officialCalendar: boolean;
}

export interface RestDayTreatment {
  applies: boolean;
  extends: boolean;
  reason: string;
}

/** The general rule of a party's period in days, months or years (used where a rule declares nothing). */
export const PARTY_PERIOD_REST_DAY = {
  extends: true,
  reason: '期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（《民法典》第二百零三条；文本未入库）',
} as const;

/** How the rule treats a last day that is a rest day: declared on the rule, else the general rule of a party's period. */
export function restDayOf(rule: DeadlineRule): RestDayTreatment {
  if (rule.unit === 'workingDays')
    return { applies: false, extends: false, reason: '以工作日计算（行政处罚法第八十五条“不含法定节假日”），法定节假日不计入期间' };
  return { applies: true, ...(rule.restDay ?? PARTY_PERIOD_REST_DAY) };
}

/** The years in [from, to] (or [to, from]). */
const yearsOf = (a: string, b: string) => {
  const [x, y] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((m, n) => m - n);
  return Array.from({ length: y - x + 1 }, (_, i) => x + i);
};

/**
 * Whether a deadline of the rule from `start` due on `due` rests on a year whose official holiday
 * schedule is not entered: a period in working days on every year it spans, a period in days, months
 * or years that moves off a rest day on the years of its last day (`end`, before moving) and its due date;
 * one that does not move on none.
 */
export function isProvisional(rule: DeadlineRule, isOfficialYear: (year: number) => boolean, start: string, due: string, end: string = due): boolean {
  const r = restDayOf(rule);
  if (r.applies && !r.extends) return false;
  const span = rule.unit === 'workingDays' ? yearsOf(start, due) : yearsOf(end, due);
  return span.some((y) => !isOfficialYear(y));
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
  const restDay = restDayOf(rule);
  let end: string | null = null;
  if (rule.unit === 'workingDays') {
    if (rule.direction === 'before') {
      // "在举行听证的七日前通知": seven full working days between the act and the event — neither the
      // event's day nor the act's day counts, so the latest day is the one before the seventh working day
      const nth = cal.subtractWorkingDays(input.start, rule.amount);
      due = addDays(nth.date, -1);
      skipped = nth.skipped;
    } else {
      ({ date: due, skipped } = cal.addWorkingDays(input.start, amount('workingDays'), excluded));
      suspendedDays = skipped.filter((s) => excluded(s.date)).length;
    }
  } else {
    end =
      rule.unit === 'calendarDays'
        ? addDays(input.start, amount('calendarDays'))
        : rule.unit === 'months'
          ? addMonths(input.start, amount('months'))
          : addMonths(input.start, amount('years') * 12);
    // excluded periods push the end back day for day, including periods reached by the pushing
    const counted = new Set<string>();
    for (let changed = suspensions.length > 0; changed; ) {
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
    // a period that ends on a rest day ends on the next working day — only where the rule says so
    if (restDay.extends) ({ date: due, skipped } = cal.nextWorkingDayFrom(end));
    else due = end;
  }
  const warnFrom = cal.subtractWorkingDays(due, rule.warnWorkingDays).date;
  const total = rule.unit === 'workingDays' ? amount('workingDays') : rule.unit === 'calendarDays' ? amount('calendarDays') : rule.amount;
  const provisional = isProvisional(rule, (y) => cal.isOfficialYear(y), input.start, due, end ?? due);
  const restDayText = !restDay.applies
    ? ''
    : restDay.extends
      ? end !== null && end !== due
        ? `；期间最后一日 ${end} 为休息日，顺延至 ${due}（${restDay.reason}）`
        : `；最后一日为休息日的顺延（${restDay.reason}）`
      : `；最后一日为休息日的不顺延（${restDay.reason}）`;
  return {
    ruleId: rule.id,
    label: rule.label,
    start: input.start,
    due,
    warnFrom,
    description: `${rule.event}${rule.direction === 'after' ? '之日起' : '前'} ${total} ${deadlineUnitLabels[rule.unit]}${rule.direction === 'before' ? `（最迟日期：该日与${rule.event}之日均不计入，其间须有 ${total} ${deadlineUnitLabels[rule.unit]}）` : ''}${restDayText}${provisional ? '；所涉年份尚无国务院办公厅放假安排，暂按法定节假日计算' : ''}`,
    basis: [...rule.basis],
    sourceNote: rule.sourceNote ?? null,
    skipped,
    suspendedDays,
    extension: ext ? { amount: ext.amount, unit: deadlineUnitLabels[ext.unit], approval: ext.approval } : null,
    restDay,
    provisional,
    officialCalendar: !provisional,
  };
}
