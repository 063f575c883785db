/**
 * 执行 (execution) as pure rules: the late fee (加处罚款), what the party owes on a date under a
 * payment schedule, and how a payment is allocated. The case module's payment command reads them.
 */
import { daysBetween } from '../dates.ts';
import { LATE_FEE_BASIS, LATE_FEE_PERMILLE_PER_DAY } from './rules.ts';

/**
 * 加处罚款 for a payment on `paidOn` of a fine due on `dueDate`: 3 % of the fine for every day
 * after the due date, never more than the fine. Integer 分, rounded down.
 */
export function lateFee(fineFen: number, dueDate: string, paidOn: string): { days: number; feeFen: number; capped: boolean; basis: string } {
  const days = Math.max(0, daysBetween(dueDate, paidOn));
  const raw = Number((BigInt(fineFen) * BigInt(LATE_FEE_PERMILLE_PER_DAY) * BigInt(days)) / 1000n);
  return { days, feeFen: Math.min(raw, fineFen), capped: raw >= fineFen && days > 0, basis: LATE_FEE_BASIS };
}

export interface ScheduledPart {
  dueOn: string;
  amountFen: number;
}

/**
 * What the party owes on `date`: the fine not yet paid, and the late fee accrued on each part of
 * the payment schedule (one part due 15 days after service, or an approved deferral/instalments,
 * 行政处罚法 第六十六条) still unpaid after its due date. Payments cover the parts in order. All
 * late fees together never exceed the fine.
 */
export function owedOn(fineFen: number, schedule: ScheduledPart[], finePaidFen: number, lateFeesPaidFen: number, date: string) {
  let paid = finePaidFen;
  let fee = 0;
  let overdue = 0;
  for (const part of schedule) {
    const covered = Math.min(paid, part.amountFen);
    paid -= covered;
    const unpaid = part.amountFen - covered;
    if (unpaid > 0 && date > part.dueOn) {
      overdue += unpaid;
      fee += lateFee(unpaid, part.dueOn, date).feeFen;
    }
  }
  const lateFeeFen = Math.max(0, Math.min(fee, fineFen - lateFeesPaidFen));
  return { outstandingFen: fineFen - finePaidFen, overdueFen: overdue, lateFeeFen };
}

/** A payment covers the late fee owed first, then the fine; paying more than is owed is refused. */
export function allocatePayment(amountFen: number, owed: { outstandingFen: number; lateFeeFen: number }) {
  const lateFeeFen = Math.min(amountFen, owed.lateFeeFen);
  const finePartFen = Math.min(amountFen - lateFeeFen, owed.outstandingFen);
  return { lateFeeFen, finePartFen, excessFen: amountFen - lateFeeFen - finePartFen };
}
