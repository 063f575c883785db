/**
 * 调解记录 (第十八条、第十九条、第二十二条第二款 "未制作调解书的，市场监督管理部门应当做好调解记录备查"): one session of the
 * mediation of an accepted complaint — date, mode, mediators, what happened — appended to the record.
 */
import { chinaToday } from '../../../domain/dates.ts';
import type { MediationMode } from '../../../domain/complaints/rules.ts';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { actOnComplaint } from './act.ts';

export interface MediationInput {
  heldOn: string;
  mode: MediationMode;
  mediators: string[];
  summary: string;
}

export async function recordMediation(ctx: AppContext, p: Principal, id: string, input: MediationInput) {
  return actOnComplaint(ctx, p, id, async (tx, c) => {
    if (c.kind !== 'complaint' || c.state !== 'accepted') throw new AppError('TRANSITION_NOT_ALLOWED', '只有已受理、调解中的投诉可以记录调解情况');
    if (input.heldOn > chinaToday() || (c.decidedOn && input.heldOn < c.decidedOn)) throw new AppError('PERIOD_INVALID', '调解日期应在受理之后，且不晚于今天');
    const entry = { heldOn: input.heldOn, mode: input.mode, mediators: input.mediators, summary: input.summary, by: p.userId };
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: c.orgId,
      matterType: 'complaint',
      matterId: c.id,
      eventType: 'complaint.mediationRecorded',
      payload: { complaintId: c.id, heldOn: input.heldOn, mode: input.mode, mediators: input.mediators, summary: input.summary },
    });
    await tx.query('update complaints set mediations = mediations || $2::jsonb where id = $1', [c.id, JSON.stringify([entry])]);
  });
}
