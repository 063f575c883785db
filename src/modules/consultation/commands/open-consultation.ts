/**
 * 公开征求意见: opens a `publicConsultation` matter for a draft (the subject: a normative document's or a major
 * decision's matter) in the caller's transaction — the draft split into anchors, the period with its minimum
 * (deadline rule by the subject's type) and, when shorter, the recorded reason (the period guard).
 */
import { randomUUID } from 'node:crypto';
import { DRAFT_LIMITS, periodProblem, periodRuleFor, splitDraft } from '../../../domain/consultation/rules.ts';
import { chinaToday, isRealDate } from '../../../domain/dates.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { createMatter, findMatter } from '../../../platform/workflow/engine.ts';
import { mayOpenConsultation } from '../access.ts';

export interface Subject {
  type: string;
  id: string;
}

export interface OpenConsultationInput {
  /** the draft's matter; absent: a draft put out for comment on its own (the subject is the consultation itself) */
  subject?: Subject;
  title: string;
  text: string;
  /** the day the draft is published (default today, China time) */
  startsOn?: string;
  /** the period in calendar days from the day after publication */
  days: number;
  /** 因情况紧急等原因缩短期限的说明: required when `days` is below the minimum */
  shortenedReason?: string | null;
  /** the drafting unit when there is no subject matter (default the caller's unit) */
  orgId?: string;
  /**
   * A province's own minimum period, with its citation (e.g. a normative document's province settings): replaces the
   * national default of the deadline rule for the period guard. Absent: the rule's amount (30 days).
   */
  minimum?: { days: number; basis: string };
}

export async function openConsultation(tx: Queryable, ctx: AppContext, p: Principal, input: OpenConsultationInput): Promise<{ consultationId: string }> {
  const title = input.title.trim();
  if (!title || title.length > 200) throw new AppError('VALIDATION_FAILED', '草案名称不能为空，且不超过200字');
  if (input.text.length > DRAFT_LIMITS.text) throw new AppError('VALIDATION_FAILED', `草案正文不能超过 ${DRAFT_LIMITS.text} 字`);
  const anchors = splitDraft(input.text);
  if (anchors.length === 0) throw new AppError('VALIDATION_FAILED', '草案正文不能为空');
  if (anchors.length > DRAFT_LIMITS.anchors) throw new AppError('VALIDATION_FAILED', `草案的条款段落不能超过 ${DRAFT_LIMITS.anchors} 个`);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 365) throw new AppError('VALIDATION_FAILED', '征求意见期限应为1至365日');
  const startsOn = input.startsOn ?? chinaToday();
  if (!isRealDate(startsOn)) throw new AppError('VALIDATION_FAILED', '征求意见开始日期无效');

  const id = randomUUID();
  let orgId = input.orgId ?? p.orgId;
  let subject: Subject = { type: 'publicConsultation', id };
  if (input.subject) {
    const m = await findMatter(tx, input.subject.id);
    if (!m || m.type !== input.subject.type) throw new AppError('NOT_FOUND', '征求意见的草案事项不存在或无权查看');
    orgId = m.orgId;
    subject = input.subject;
    const running = await tx.query(`select 1 from consultations where subject_type = $1 and subject_id = $2 and state <> 'reported'`, [
      subject.type,
      subject.id,
    ]);
    if (running.rows.length) throw new AppError('CONSULTATION_ALREADY_OPEN', '该草案已有正在进行的征求意见，请在其公布意见采纳情况后再重新征求意见');
  }
  if (!mayOpenConsultation(p, orgId)) throw forbidden('当前用户不能为该单位的草案公开征求意见');

  const periodRule = periodRuleFor(subject.type);
  const rule = deadlineRule(periodRule);
  if (input.minimum && (!Number.isInteger(input.minimum.days) || input.minimum.days < 1 || !input.minimum.basis.trim()))
    throw new AppError('VALIDATION_FAILED', '省级规定的最短征求意见期限应为正整数日，并注明依据');
  const minimumDays = input.minimum?.days ?? rule.amount;
  const shortenedReason = input.shortenedReason?.trim() || null;
  const problem = periodProblem({ days: input.days, minimumDays, shortenedReason });
  if (problem) throw new AppError('CONSULTATION_PERIOD_TOO_SHORT', problem, { minimumDays, rule: periodRule });
  const endsOn = computeDeadline({ ...rule, amount: input.days }, await loadCalendar(tx), { start: startsOn }).due;

  await createMatter(tx, ctx, actorOf(p), { type: 'publicConsultation', orgId, title: `征求意见：${title}`, id });
  await tx.query(
    `insert into consultations (id, subject_type, subject_id, org_id, title, draft_text, anchors, starts_on, ends_on, days, minimum_days, period_rule, shortened_reason, state)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,'open')`,
    [id, subject.type, subject.id, orgId, title, input.text, JSON.stringify(anchors), startsOn, endsOn, input.days, minimumDays, periodRule, shortenedReason],
  );
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId,
    matterType: 'publicConsultation',
    matterId: id,
    eventType: 'consultation.opened',
    payload: {
      consultationId: id,
      subjectType: subject.type,
      subjectId: subject.id,
      title,
      startsOn,
      endsOn,
      days: input.days,
      minimumDays,
      periodRule,
      minimumBasis: input.minimum?.basis.trim() ?? null,
      shortenedReason,
      anchors,
    },
  });
  return { consultationId: id };
}
