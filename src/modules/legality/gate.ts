/**
 * The gate downstream modules call before the next step (提交决策机关讨论, 集体审议, 签订合同): `legalityProblem` is null only
 * when the latest review of the subject (withdrawn ones aside) concluded 合法 or 修改后合法 (重大行政决策程序暂行条例
 * 第二十五条第二款 "未经合法性审查或者经审查不合法的，不得提交决策机关讨论").
 */
import { legalityGate, type ReviewKindId } from '../../domain/legality/rules.ts';
import type { Problem } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { reviewsOfSubject } from './store.ts';

const kindBySubjectType: Record<string, ReviewKindId> = {
  normativeDocument: 'normativeDocument',
  majorPolicyDecision: 'majorPolicyDecision',
  contractReview: 'contract',
};

export async function legalityProblem(q: Queryable, subject: { type: string; id: string }): Promise<Problem | null> {
  const reviews = (await reviewsOfSubject(q, subject)).filter((r) => r.state !== 'withdrawn');
  const latest = reviews[0] ?? null;
  const kind = latest?.kind ?? kindBySubjectType[subject.type] ?? 'normativeDocument';
  return legalityGate(kind, latest && { state: latest.state, opinion: latest.opinion });
}

/** The reviews of a subject for its page: newest first, with the opinion and the instrument. */
export async function legalityReviewsOf(q: Queryable, subject: { type: string; id: string }) {
  return (await reviewsOfSubject(q, subject)).map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    state: r.state,
    requestedOn: r.requestedOn,
    earliestOpinionOn: r.earliestOpinionOn,
    opinion: r.opinion,
    reasons: r.reasons,
    concludedOn: r.concludedOn,
    instrumentId: r.instrumentId,
  }));
}
