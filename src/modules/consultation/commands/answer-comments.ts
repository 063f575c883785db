/**
 * 意见采纳情况说明: the drafting unit answers one comment or a group of comments (采纳 / 部分采纳 / 不予采纳, with the
 * reason). A later answer to the same comment replaces the earlier one until the report is published; the record
 * keeps both.
 */
import { randomUUID } from 'node:crypto';
import type { ConsultationOutcome } from '../../../domain/consultation/rules.ts';
import { chinaToday } from '../../../domain/dates.ts';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { consultationAbilities } from '../access.ts';
import { findConsultation } from '../store.ts';

export interface AnswerInput {
  commentIds: string[];
  outcome: ConsultationOutcome;
  reason: string;
}

export async function answerComments(ctx: AppContext, p: Principal, consultationId: string, input: AnswerInput): Promise<{ answerId: string }> {
  return ctx.db.transaction(async (tx) => {
    const c = await findConsultation(tx, consultationId);
    if (!c || !consultationAbilities(p, c.orgId).read) throw notFound('征求意见');
    if (!consultationAbilities(p, c.orgId).answer) throw forbidden('当前用户不能答复该草案的意见');
    if (c.state === 'reported') throw new AppError('TRANSITION_NOT_ALLOWED', '意见采纳情况已经公布，不能再修改答复');
    const ids = [...new Set(input.commentIds)];
    const found = (await tx.query<{ id: string }>('select id from consultation_comments where consultation_id = $1 and id = any($2) for update', [c.id, ids]))
      .rows;
    if (found.length !== ids.length) throw new AppError('COMMENT_NOT_FOUND', '所选意见不存在或者不属于本次征求意见');
    const id = randomUUID();
    const reason = input.reason.trim();
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: c.orgId,
      matterType: 'publicConsultation',
      matterId: c.id,
      eventType: 'consultation.answered',
      payload: { consultationId: c.id, answerId: id, commentIds: ids, outcome: input.outcome, reason },
    });
    await tx.query('insert into consultation_answers (id, consultation_id, outcome, reason, answered_by, answered_on) values ($1,$2,$3,$4,$5,$6)', [
      id,
      c.id,
      input.outcome,
      reason,
      p.userId.startsWith('system:') ? null : p.userId,
      chinaToday(),
    ]);
    await tx.query('update consultation_comments set answer_id = $2 where consultation_id = $3 and id = any($1)', [ids, id, c.id]);
    return { answerId: id };
  });
}
