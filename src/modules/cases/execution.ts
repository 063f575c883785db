/**
 * 执行 of a case as the commands, the transitions and the case file read it: the payments, what is owed on a
 * date (the late fee without the days of a 复议 or 诉讼), each line of the decision with its execution state, the
 * remedy periods counted from the service of the decision, the 催告 and the window for applying to the court.
 * The rules are pure (domain/cases/execution.ts); this file only gathers their facts.
 */
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule, type DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import {
  challengeOutcomes,
  type ChallengeOutcome,
  enforcementWindowStart,
  excludedPeriodsOf,
  lineExecutions,
  owedOn,
  type LineExecution,
  type Owed,
  type ScheduledPart,
} from '../../domain/cases/execution.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import { yuan as docYuan } from '../../platform/documents/format.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { closeDeadlines } from '../../platform/workflow/deadlines.ts';
import { paymentsOf, type CaseRow, type PaymentRow } from './store.ts';

export const scheduleOf = (c: CaseRow): ScheduledPart[] => c.paymentPlan?.instalments ?? (c.paymentDue ? [{ dueOn: c.paymentDue, amountFen: c.fineFen }] : []);

/** The end of the performance period: the payment due date, or the last deferred or instalment date (行政处罚法 第七十二条第二款). */
export const performanceEndsOf = (c: CaseRow): string | null => (c.paymentPlan ? c.paymentPlan.instalments.at(-1)!.dueOn : c.paymentDue);

export interface ExecutionPeriods {
  /** 行政复议法 第二十条: 六十日 from the service of the decision */
  reconsiderationEnds: string;
  /** 行政诉讼法 第四十六条: 六个月 */
  litigationEnds: string;
  performanceEnds: string | null;
  /** 行政强制法 第五十三条: 三个月 from the latest of those */
  windowStart: string;
  windowEnds: string;
}

export interface ExecutionView {
  payments: PaymentRow[];
  owed: Owed | null;
  lines: LineExecution[];
  periods: ExecutionPeriods | null;
}

export async function executionPeriods(q: Queryable, c: CaseRow): Promise<ExecutionPeriods | null> {
  if (!c.service) return null;
  const cal = await loadCalendar(q);
  const start = c.service.servedOn;
  const reconsiderationEnds = computeDeadline(deadlineRule('reconsideration.application'), cal, { start }).due;
  const litigationEnds = computeDeadline(deadlineRule('litigation.filing'), cal, { start }).due;
  const performanceEnds = performanceEndsOf(c);
  const windowStart = enforcementWindowStart({ reconsiderationEnds, litigationEnds, performanceEnds });
  const windowEnds = computeDeadline(deadlineRule('enforcement.application'), cal, { start: windowStart }).due;
  return { reconsiderationEnds, litigationEnds, performanceEnds, windowStart, windowEnds };
}

/** Everything about the execution of the case on `date`. */
export async function executionView(q: Queryable, c: CaseRow, date: string): Promise<ExecutionView> {
  const payments = await paymentsOf(q, c.id);
  const excluded = excludedPeriodsOf(c.execution?.challenges ?? []);
  const owed = c.fineFen > 0 && c.service ? owedOn(c.fineFen, scheduleOf(c), payments, date, excluded) : null;
  const lines =
    c.decision?.outcome === 'penalty'
      ? lineExecutions(c.decision.penalties, { served: !!c.service, owed, records: c.execution?.records ?? [], terminated: !!c.execution?.termination })
      : [];
  return { payments, owed, lines, periods: await executionPeriods(q, c) };
}

/** The case file's 执行 section. */
export async function executionSummary(q: Queryable, c: CaseRow, date: string) {
  if (c.decision?.outcome !== 'penalty') return null;
  const v = await executionView(q, c, date);
  const excluded = excludedPeriodsOf(c.execution?.challenges ?? []);
  return {
    asOf: date,
    lines: v.lines,
    owed: v.owed,
    excludedPeriods: excluded,
    challenges: c.execution?.challenges ?? [],
    periods: v.periods,
    demand: c.execution?.demand ?? null,
    enforcement: c.enforcement,
    termination: c.execution?.termination ?? null,
  };
}

/** The obligations not yet performed, as the 催告书 and the 强制执行申请书 list them. */
export function obligationLines(c: CaseRow, v: ExecutionView, asOf: string): { lines: string[]; totalFen: number } {
  const out: string[] = [];
  let total = 0;
  // the official wording: 150元, 1408元 (the instruments' own filter)
  const yuan = (fen: number) => docYuan(fen) ?? '';
  for (const l of v.lines.filter((x) => x.state === 'pending')) {
    const p = c.decision!.penalties[l.line];
    const note = p.note ? `（${p.note}）` : '';
    if (l.kind === 'fine') {
      const unpaid = l.owedFen ?? 0;
      if (unpaid > 0) {
        out.push(`罚款${yuan(l.amountFen ?? 0)}，尚未缴纳${yuan(unpaid)}`);
        total += unpaid;
      }
    } else if (l.kind === 'confiscateIllegalGains') {
      out.push(`没收违法所得${yuan(l.amountFen ?? 0)}，尚未缴纳${yuan(l.owedFen ?? 0)}`);
      total += l.owedFen ?? 0;
    } else if (l.kind === 'confiscateIllegalProperty') out.push(`没收非法财物${note}，尚未移交或者依法处理`);
    else out.push(`${l.label}${note}，尚未履行`);
  }
  if (v.owed && v.owed.lateFeeFen > 0) {
    out.push(`加处罚款（截至${Number(asOf.slice(0, 4))}年${Number(asOf.slice(5, 7))}月${Number(asOf.slice(8, 10))}日）${yuan(v.owed.lateFeeFen)}`);
    total += v.owed.lateFeeFen;
  }
  return { lines: out.map((x, i) => `${x}${i === out.length - 1 ? '。' : '；'}`), totalFen: total };
}

/**
 * A decision set aside on reconsideration or in court (撤销、确认违法、变更: `challengeOutcomes[…].stands` false) owes
 * nothing more under it: the case's open deadlines — the payment, the application to the court — end, cancelled, so no
 * reminder asks the party or the officers to act on it. Returns the rules cancelled, for the conclusion's record entry.
 */
export async function cancelDeadlinesOfSetAside(tx: Queryable, caseId: string, outcome: ChallengeOutcome): Promise<string[]> {
  if (challengeOutcomes[outcome].stands) return [];
  const open = await tx.query<{ rule_id: DeadlineRuleId }>(`select rule_id from matter_deadlines where matter_id = $1 and status = 'open'`, [caseId]);
  return closeDeadlines(
    tx,
    caseId,
    open.rows.map((r) => r.rule_id),
    'cancelled',
  );
}
