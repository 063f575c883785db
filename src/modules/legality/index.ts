/**
 * 合法性审查 (legality): what the module offers other modules — they import it from here, never from its other files.
 * - `requestLegalityReview(tx, ctx, principal, { subject, kind, title, materials, materialFileIds?, consultAdvisers?, date? })`
 *   opens a review in the caller's transaction → `{ reviewId }`;
 * - `legalityProblem(q, subject)` → null when the latest review concluded 合法 / 修改后合法, else `{ code, message }`;
 * - `legalityReviewsOf(q, subject)` → the subject's reviews, newest first.
 */
export { requestLegalityReview, ZSubject, type LegalityRequest, type Subject } from './request.ts';
export { legalityProblem, legalityReviewsOf } from './gate.ts';
export { findAdviser, type AdviserRow } from './store.ts';
export { reviewKindIds, reviewKindLabels, reviewOpinionLabels, type ReviewKindId, type ReviewOpinion } from '../../domain/legality/rules.ts';
