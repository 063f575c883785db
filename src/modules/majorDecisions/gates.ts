/**
 * The gates this procedure takes from the other modules, in one place: the public comment (consultation), the
 * fair-competition review (fairCompetition) and the legality review (legality). Each owning module's `index.ts`
 * is the only thing imported; the subject of every request is the decision itself.
 */
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { consultationProblem, openConsultation } from '../consultation/index.ts';
import { fairCompetitionProblem, requestFairCompetitionReview } from '../fairCompetition/index.ts';
import { legalityProblem, requestLegalityReview } from '../legality/index.ts';
import { MAJOR_DECISION } from './types.ts';

export const subjectOf = (id: string) => ({ type: MAJOR_DECISION, id });

export const gates = {
  openComment: (
    tx: Queryable,
    ctx: AppContext,
    p: Principal,
    id: string,
    a: { title: string; text: string; startsOn?: string; days: number; shortenedReason?: string },
  ) => openConsultation(tx, ctx, p, { subject: subjectOf(id), ...a }),
  commentProblem: (q: Queryable, id: string) => consultationProblem(q, subjectOf(id), { required: true }),
  requestFairCompetition: (tx: Queryable, ctx: AppContext, p: Principal, id: string, a: { title: string; text: string }) =>
    requestFairCompetitionReview(tx, ctx, p, { subject: subjectOf(id), ...a }),
  fairCompetitionProblem: (q: Queryable, id: string) => fairCompetitionProblem(q, subjectOf(id)),
  requestLegality: (
    tx: Queryable,
    ctx: AppContext,
    p: Principal,
    id: string,
    a: { title: string; materials: string; materialFileIds?: string[]; date: string },
  ) =>
    // 第二十八条 "在合法性审查过程中，应当组织法律顾问、公职律师提出法律意见"
    requestLegalityReview(tx, ctx, p, { subject: subjectOf(id), kind: 'majorPolicyDecision', consultAdvisers: true, ...a }),
  legalityProblem: (q: Queryable, id: string) => legalityProblem(q, subjectOf(id)),
};
