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
import { computeDeadline, isProvisional } from '../../domain/deadlines/compute.ts';
import { deadlineRule, deadlineRuleById, type DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import { loadCalendar } from '../calendar.ts';
import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { Actor, Ledger } from '../record/ledger.ts';

/** How a deadline stops being open: met (the act was done in time or late), or cancelled (the act is no longer owed). */
export type DeadlineClosing = 'met' | 'cancelled';

export interface OpenedDeadline {
  id: string;
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
  const id = randomUUID();
  await tx.query(
    `insert into matter_deadlines (id, matter_id, matter_type, rule_id, label, start_date, due_date, warn_from, status, opened_by_transition)
     values ($1,$2,$3,$4,$5,$6,$7,$8,'open',$9)`,
    [id, matter.id, matter.type, ruleId, r.label, start, r.due, r.warnFrom, openedBy],
  );
  return { id, ruleId, label: r.label, start, due: r.due, warnFrom: r.warnFrom };
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

/**
 * One deadline among several of the same rule on a matter — each 查封、扣押 of a case has its own — is named by
 * what opened it (`openedBy`, e.g. 'measure:<id>'). These read, recompute and close that one row.
 */
export interface DeadlineOf {
  id: string;
  ruleId: DeadlineRuleId;
  start: string;
  due: string;
  status: 'open' | 'met' | 'cancelled';
  extended: boolean;
  suspensions: { from: string; to: string; reason: string }[];
}

export async function deadlineOpenedBy(tx: Queryable, matterId: string, openedBy: string): Promise<DeadlineOf | null> {
  return (
    (
      await tx.query<DeadlineOf>(
        `select id, rule_id as "ruleId", start_date as "start", due_date as "due", status, extended, suspensions
           from matter_deadlines where matter_id = $1 and opened_by_transition = $2 order by created_at desc limit 1 for update`,
        [matterId, openedBy],
      )
    ).rows[0] ?? null
  );
}

/**
 * Recomputes that deadline with the one calculator: an approved extension, periods that do not count, and — where
 * the decision fixed a shorter period or extension than the rule's maximum (查封、扣押 "不得超过三十日") — its own
 * `amount` and `extensionAmount`, never more than the rule's. Returns the new due date.
 */
export async function recomputeDeadlineOf(
  tx: Queryable,
  d: DeadlineOf,
  patch: { extended?: boolean; suspensions?: DeadlineOf['suspensions']; amount?: number; extensionAmount?: number },
): Promise<string> {
  const base = deadlineRule(d.ruleId);
  const rule = {
    ...base,
    amount: Math.min(patch.amount ?? base.amount, base.amount),
    extension: base.extension ? { ...base.extension, amount: Math.min(patch.extensionAmount ?? base.extension.amount, base.extension.amount) } : undefined,
  };
  const extended = patch.extended ?? d.extended;
  const suspensions = patch.suspensions ?? d.suspensions;
  const r = computeDeadline(rule, await loadCalendar(tx), { start: d.start, extended, suspensions });
  await tx.query('update matter_deadlines set extended = $2, suspensions = $3::jsonb, due_date = $4, warn_from = $5, updated_at = now() where id = $1', [
    d.id,
    extended,
    JSON.stringify(suspensions),
    r.due,
    r.warnFrom,
  ]);
  return r.due;
}

/** Closes that deadline as met or cancelled (`by` names the act). Returns whether it was open. */
export async function closeDeadlineOf(tx: Queryable, deadlineId: string, status: DeadlineClosing, by: string): Promise<boolean> {
  const r = await tx.query(`update matter_deadlines set status = $2, closed_by_transition = $3, updated_at = now() where id = $1 and status = 'open'`, [
    deadlineId,
    status,
    by,
  ]);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Re-dates the open deadlines a change of the working-day calendar on `date` (or the days `date`–`to`) moves (an
 * administrator entering a year's official schedule over the days set by rule, a newer calendar package bringing
 * the year), in the caller's transaction: every open deadline whose period, warning or last day reaches the
 * changed days is computed again on `before` and `after`; where the stored due
 * date is the one the calculator gave on `before` (not a date decided for it, such as an approved payment plan)
 * and the result differs, the row takes the new dates and its matter's record says so (`matter.deadlineRecomputed`).
 * Returns how many deadlines moved.
 */
export async function recomputeOpenDeadlines(
  tx: Queryable,
  ledger: Ledger,
  actor: Actor,
  change: { date: string; to?: string; before: WorkCalendar; after: WorkCalendar; reason: string },
): Promise<number> {
  const rows = (
    await tx.query<{
      id: string;
      matterId: string;
      matterType: string;
      orgId: string;
      ruleId: string;
      start: string;
      due: string;
      warnFrom: string;
      extended: boolean;
      suspensions: { from: string; to: string; reason: string }[];
    }>(
      `select d.id, d.matter_id as "matterId", d.matter_type as "matterType", m.org_id as "orgId", d.rule_id as "ruleId", d.start_date as "start",
              d.due_date as "due", d.warn_from as "warnFrom", d.extended, d.suspensions
         from matter_deadlines d join matters m on m.id = d.matter_id
        where d.status = 'open' and least(d.start_date, d.due_date, d.warn_from) <= $2::date and greatest(d.start_date, d.due_date) >= $1::date
        order by d.created_at
        for update of d`,
      [change.date, change.to ?? change.date],
    )
  ).rows;
  let moved = 0;
  for (const d of rows) {
    const rule = deadlineRuleById.get(d.ruleId);
    if (!rule) continue;
    const input = { start: d.start, extended: d.extended, suspensions: d.suspensions };
    if (computeDeadline(rule, change.before, input).due !== d.due) continue; // a due date decided for it, not computed
    const r = computeDeadline(rule, change.after, input);
    if (r.due === d.due && r.warnFrom === d.warnFrom) continue;
    await tx.query('update matter_deadlines set due_date = $2, warn_from = $3, updated_at = now() where id = $1', [d.id, r.due, r.warnFrom]);
    await ledger.append(tx, {
      actor,
      orgId: d.orgId,
      matterType: d.matterType,
      matterId: d.matterId,
      eventType: 'matter.deadlineRecomputed',
      payload: {
        matterId: d.matterId,
        deadlineId: d.id,
        ruleId: d.ruleId,
        from: d.due,
        to: r.due,
        warnFrom: r.warnFrom,
        calendarDate: change.date,
        reason: change.reason,
      },
    });
    moved++;
  }
  return moved;
}

/**
 * Whether a stored deadline rests on a year without an official holiday schedule (暂按法定节假日计算): the
 * presenters of deadline rows add it, so the console can badge it.
 */
export function deadlineProvisional(isOfficialYear: (year: number) => boolean, row: { ruleId: string; start: string; due: string }): boolean {
  const rule = deadlineRuleById.get(row.ruleId);
  return rule ? isProvisional(rule, isOfficialYear, row.start, row.due) : false;
}
