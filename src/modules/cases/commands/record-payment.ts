/**
 * 执行: a payment of the fine (with the late fee it owes first, 行政处罚法 第七十二条第一款第（一）项, the days of a
 * pending 复议 or 诉讼 not counted, 第七十三条第三款), and an approved deferral or instalments (第六十六条第二款).
 * Payments are recorded in the order they were made. When the fine is paid in full the payment deadline is met.
 * The answer says what is still owed on every line of the decision.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { meetDeadlines } from '../../../platform/workflow/engine.ts';
import { setDeadlineDue } from '../../../platform/workflow/deadlines.ts';
import { allocatePayment, lineExecutions, paymentOrderProblems, type ScheduledPart } from '../../../domain/cases/execution.ts';
import { formatYuan } from '../../../domain/discretion/money.ts';
import { executionView, scheduleOf } from '../execution.ts';
import { patchCase, paymentsOf, type CaseRow } from '../store.ts';
import { actOnCase } from './act-on-case.ts';

export { scheduleOf };

/** What the party owes on the date (the fine and its late fee). */
export async function owedNow(q: import('../../../platform/db/index.ts').Queryable, c: CaseRow, date: string) {
  return (await executionView(q, c, date)).owed!;
}

export async function recordPayment(ctx: AppContext, p: Principal, caseId: string, input: { paidOn: string; amountFen: number; receiptNo?: string | null }) {
  return actOnCase(ctx, p, caseId, { act: 'recordPayment', event: 'case.paymentRecorded' }, async (tx, c, m) => {
    if (c.fineFen <= 0) throw new AppError('NO_FINE', '本案没有罚款，无需缴款');
    if (c.service && input.paidOn < c.service.servedOn) throw new AppError('PAYMENT_BEFORE_SERVICE', '缴款日期不能早于决定书送达日期');
    const view = await executionView(tx, c, input.paidOn);
    const order = paymentOrderProblems(input.paidOn, view.payments);
    if (order.length) throw new AppError(order[0].code, order[0].message);
    const owed = view.owed!;
    const a = allocatePayment(input.amountFen, owed);
    if (a.excessFen > 0)
      throw new AppError(
        'OVERPAYMENT',
        `缴款 ${formatYuan(input.amountFen)} 超过应缴金额 ${formatYuan(owed.outstandingFen + owed.lateFeeFen)}（其中加处罚款 ${formatYuan(owed.lateFeeFen)}）`,
        { owed },
      );
    await tx.query(
      `insert into case_payments (id, case_id, paid_on, amount_fen, fine_part_fen, late_fee_fen, receipt_no, recorded_by) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [randomUUID(), caseId, input.paidOn, input.amountFen, a.finePartFen, a.lateFeeFen, input.receiptNo ?? null, p.userId],
    );
    const outstanding = owed.outstandingFen - a.finePartFen;
    if (outstanding === 0) await meetDeadlines(tx, ctx, actorOf(p), m, ['penalty.payment'], '罚款已缴清');
    // what is still owed on each line after this payment (shown with the payment, 行政处罚法 第七十二条)
    const after = { ...owed, outstandingFen: outstanding, lateFeeFen: owed.lateFeeFen - a.lateFeeFen, lateFeePaidFen: owed.lateFeePaidFen + a.lateFeeFen };
    const lines = c.decision?.penalties
      ? lineExecutions(c.decision.penalties, { served: true, owed: after, records: c.execution?.records ?? [], terminated: false })
      : [];
    return {
      paidOn: input.paidOn,
      amountFen: input.amountFen,
      finePartFen: a.finePartFen,
      lateFeeFen: a.lateFeeFen,
      outstandingFen: outstanding,
      receiptNo: input.receiptNo ?? null,
      lateFeeOwedFen: after.lateFeeFen,
      excludedDays: owed.excludedDays,
      stillOwed: [
        ...lines.filter((l) => l.owedFen).map((l) => ({ line: l.line, label: l.label, owedFen: l.owedFen! })),
        ...(after.lateFeeFen > 0 ? [{ line: -1, label: '加处罚款', owedFen: after.lateFeeFen }] : []),
      ],
    };
  });
}

export async function approvePaymentPlan(
  ctx: AppContext,
  p: Principal,
  caseId: string,
  input: { kind: 'deferral' | 'instalments'; instalments: ScheduledPart[]; reason: string },
  date: string,
) {
  return actOnCase(ctx, p, caseId, { act: 'approvePaymentPlan', event: 'case.paymentPlanApproved' }, async (tx, c) => {
    if (c.fineFen <= 0) throw new AppError('NO_FINE', '本案没有罚款');
    const pays = await paymentsOf(tx, c.id);
    const outstanding = c.fineFen - pays.reduce((s, x) => s + x.finePartFen, 0);
    const total = input.instalments.reduce((s, x) => s + x.amountFen, 0);
    if (input.kind === 'deferral' && input.instalments.length !== 1) throw new AppError('INSTALMENT_PLAN_INVALID', '延期缴纳只有一个缴款期限');
    if (total !== outstanding) throw new AppError('PLAN_AMOUNT_MISMATCH', `各期金额合计 ${formatYuan(total)} 应等于未缴罚款 ${formatYuan(outstanding)}`);
    const sorted = [...input.instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    if (c.paymentDue && sorted[0].dueOn < c.paymentDue) throw new AppError('PLAN_EARLIER_THAN_DUE', `延期或分期的缴款期限不能早于原缴款期限 ${c.paymentDue}`);
    // a plan replaces the statutory 15-day limit; the paid part keeps its place at the front
    const instalments = pays.length ? [{ dueOn: c.paymentDue!, amountFen: c.fineFen - outstanding }, ...sorted] : sorted;
    await patchCase(tx, caseId, { paymentPlan: { kind: input.kind, instalments, reason: input.reason, approvedBy: p.displayName, approvedOn: date } });
    await setDeadlineDue(tx, caseId, 'penalty.payment', sorted.at(-1)!.dueOn);
    return { kind: input.kind, instalments: sorted, reason: input.reason };
  });
}
