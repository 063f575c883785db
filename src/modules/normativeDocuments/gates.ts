/**
 * The gates of the other modules a document passes, in one place: public comment (consultation), the
 * fair-competition review (fairCompetition) and the legality review (legality). Each gate returns null when
 * the step may go ahead, else the owning module's problem; the transitions call them from `load`, so the
 * guidance's dry run shows the reason (a disabled button with the gate's message) before anyone clicks.
 */
import type { Problem } from '../../domain/workflow.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { consultationProblem, openConsultation } from '../consultation/index.ts';
import { fairCompetitionProblem, requestFairCompetitionReview } from '../fairCompetition/index.ts';
import { legalityProblem, legalityReviewsOf, requestLegalityReview } from '../legality/index.ts';
import { NORMATIVE_DOCUMENT } from './store.ts';

export interface Subject {
  type: string;
  id: string;
}
export const subjectOf = (id: string): Subject => ({ type: NORMATIVE_DOCUMENT, id });

export async function openComment(
  tx: Queryable,
  ctx: AppContext,
  p: Principal,
  a: { subject: Subject; title: string; text: string; startsOn?: string; days: number; shortenedReason?: string },
): Promise<string> {
  return (await openConsultation(tx, ctx, p, a)).consultationId;
}
export const commentProblem = (q: Queryable, s: Subject, o: { required: boolean }): Promise<Problem | null> => consultationProblem(q, s, o);

export async function openFairCompetitionReview(
  tx: Queryable,
  ctx: AppContext,
  p: Principal,
  a: { subject: Subject; title: string; text: string },
): Promise<string> {
  return (await requestFairCompetitionReview(tx, ctx, p, a)).reviewId;
}
export const fairCompetitionGate = (q: Queryable, s: Subject): Promise<Problem | null> => fairCompetitionProblem(q, s);

export async function openLegalityReview(
  tx: Queryable,
  ctx: AppContext,
  p: Principal,
  a: { subject: Subject; title: string; text: string; materials: string[]; date?: string },
): Promise<string> {
  const materials = [...a.materials, '', '送审稿', a.text].join('\n').slice(0, 20_000);
  return (
    await requestLegalityReview(tx, ctx, p, { subject: a.subject, kind: 'normativeDocument', title: a.title, materials, ...(a.date ? { date: a.date } : {}) })
  ).reviewId;
}
export const legalityGate = (q: Queryable, s: Subject): Promise<Problem | null> => legalityProblem(q, s);
export const legalityReviews = (q: Queryable, s: Subject) => legalityReviewsOf(q, s);
