/**
 * Writing a matter's deadlines (matter_deadlines) from outside a transition's `opens`/`meets`: a
 * module that schedules a deadline itself (a publication's 公示期限), cancels one (a notice
 * withdrawn) or sets a decided due date (an approved payment plan) asks here, so every row is
 * computed from its rule and the working-day calendar the way the engine computes its own.
 * The caller's transaction records the change (the table's trigger requires a record entry).
 */
import { randomUUID } from 'node:crypto';
import type { WorkCalendar } from '../../domain/calendar/workCalendar.ts';
import { isRealDate } from '../../domain/dates.ts';
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule, type DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import { loadCalendar } from '../calendar.ts';
import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';

/** How a deadline stops being open: met (the act was done in time or late), or cancelled (the act is no longer owed). */
export type DeadlineClosing = 'met' | 'cancelled';

export interface OpenedDeadline {
  ruleId: DeadlineRuleId;
  label: string;
  start: string;
  due: string;
  warnFrom: string;
}

/**
 * Opens a deadline of the matter: the rule's due date counted from `start` on the calendar.
 * `openedBy` names what opened it (a transition id, or a command such as 'schedule').
 * Pass `cal` when opening several deadlines in one go, so the calendar is read once.
 */
export async function openDeadline(
  tx: Queryable,
  matter: { id: string; type: string },
  ruleId: DeadlineRuleId,
  start: string,
  openedBy: string,
  cal?: WorkCalendar,
): Promise<OpenedDeadline> {
  const rule = deadlineRule(ruleId);
  if (!isRealDate(start)) throw new AppError('DEADLINE_START_MISSING', `缺少期限起算日期（${rule.label}）`);
  const r = computeDeadline(rule, cal ?? (await loadCalendar(tx)), { start });
  await tx.query(
    `insert into matter_deadlines (id, matter_id, matter_type, rule_id, label, start_date, due_date, warn_from, status, opened_by_transition)
     values ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9)`,
    [randomUUID(), matter.id, matter.type, ruleId, r.label, start, r.due, r.warnFrom, openedBy],
  );
  return { ruleId, label: r.label, start, due: r.due, warnFrom: r.warnFrom };
}

/**
 * Closes the matter's open deadlines of these rules as met or cancelled; `by` (a transition id) is
 * kept as closed_by_transition. Returns the rule ids it closed (none when none was open).
 */
export async function closeDeadlines(
  tx: Queryable,
  matterId: string,
  ruleIds: readonly DeadlineRuleId[],
  status: DeadlineClosing,
  by: string | null = null,
): Promise<DeadlineRuleId[]> {
  if (!ruleIds.length) return [];
  const r = await tx.query<{ rule_id: DeadlineRuleId }>(
    `update matter_deadlines set status = $3, closed_by_transition = coalesce($4, closed_by_transition), updated_at = now()
      where matter_id = $1 and status = 'open' and rule_id = any($2) returning rule_id`,
    [matterId, [...ruleIds], status, by],
  );
  return r.rows.map((x) => x.rule_id);
}

/**
 * Sets the due date of the matter's open deadline of this rule to a date decided for it (an approved
 * 延期/分期 plan replaces the statutory limit); the warning starts no later than the new due date.
 * Returns whether an open deadline of the rule was there to change.
 */
export async function setDeadlineDue(tx: Queryable, matterId: string, ruleId: DeadlineRuleId, due: string): Promise<boolean> {
  const r = await tx.query(
    `update matter_deadlines set due_date = $3, warn_from = least(warn_from, $3), updated_at = now()
      where matter_id = $1 and rule_id = $2 and status = 'open'`,
    [matterId, ruleId, due],
  );
  return (r.rowCount ?? 0) > 0;
}
