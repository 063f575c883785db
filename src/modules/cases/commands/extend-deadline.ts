/**
 * 延长期限 (the case act `extendDeadline`): a rule's approved extension, once, by a leader (the engine's
 * `extendDeadline`: 办案期限 九十日 + 三十日, 行政处罚法 第六十条). A further extension of the 办案期限 is no leader's
 * approval but a collective discussion's decision, which also fixes how long (《市场监督管理行政处罚程序规定》第六十四条 —
 * not in the law library, see the sourceNote of `penalty.decision`): without a recorded discussion of the leaders
 * (quorum as for 集体讨论) the second extension is refused; with it, the due date becomes the date it decided.
 */
import { DISCUSSION_MIN_ATTENDEES } from '../../../domain/cases/rules.ts';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { setDeadlineDue } from '../../../platform/workflow/deadlines.ts';
import { extendDeadline, type MatterRow } from '../../../platform/workflow/engine.ts';
import type { TExtendRequest } from '../schema.ts';

/** Deadlines kept per item of the case (one per measure or preserved item): extended or suspended on the item, not here. */
export const perItemRules: ReadonlySet<string> = new Set(['coercive.seizure', 'evidence.preservationDecision']);

/** Runs inside the route's transaction, after the case's visibility, the leader role and its state were checked. */
export async function extendCaseDeadline(tx: Queryable, ctx: AppContext, p: Principal, m: MatterRow, input: TExtendRequest): Promise<string> {
  const d = (
    await tx.query<{ id: string; due: string; extended: boolean }>(
      `select id, due_date as due, extended from matter_deadlines where matter_id = $1 and rule_id = $2 and status = 'open' order by created_at desc limit 1 for update`,
      [m.id, input.ruleId],
    )
  ).rows[0];
  if (!d) throw notFound('未届满的期限');
  if (perItemRules.has(input.ruleId))
    throw new AppError('DEADLINE_NOT_EXTENDABLE', '查封、扣押的期限在该措施中延长，并出具延长查封、扣押期限通知书（《行政强制法》第二十五条）');
  if (!d.extended || input.ruleId !== 'penalty.decision') return extendDeadline(tx, ctx, p, m, input);
  const x = input.discussion;
  if (!x)
    throw new AppError(
      'EXTENSION_DISCUSSION_REQUIRED',
      '办案期限已经负责人批准延长三十日；经延期仍不能作出处理决定的，应当由负责人集体讨论决定是否继续延期，并确定延长的期限（《市场监督管理行政处罚程序规定》第六十四条）',
    );
  if (x.attendees.length < DISCUSSION_MIN_ATTENDEES)
    throw new AppError('DISCUSSION_QUORUM', `集体讨论须有至少${DISCUSSION_MIN_ATTENDEES}名负责人参加，本次为${x.attendees.length}名`);
  if (x.extendTo <= d.due) throw new AppError('PERIOD_INVALID', `继续延期后的期限（${x.extendTo}）应晚于现在的期限（${d.due}）`);
  if (x.heldOn > x.extendTo) throw new AppError('PERIOD_INVALID', '集体讨论的日期不能晚于延长后的期限');
  await setDeadlineDue(tx, m.id, 'penalty.decision', x.extendTo);
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId: m.orgId,
    matterType: 'case',
    matterId: m.id,
    eventType: 'case.deadlineExtendedByDiscussion',
    payload: {
      caseId: m.id,
      ruleId: input.ruleId,
      deadlineId: d.id,
      from: d.due,
      to: x.extendTo,
      reason: input.reason,
      discussion: { heldOn: x.heldOn, chair: x.chair, attendees: x.attendees.map((a) => ({ name: a.name, position: a.position ?? null })), minutes: x.minutes },
    },
  });
  return x.extendTo;
}
