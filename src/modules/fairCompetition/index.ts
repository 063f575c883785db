/**
 * 公平竞争审查 (fairCompetitionReview): what the module offers other modules — they import it from here.
 * - `requestFairCompetitionReview(tx, ctx, principal, { subject, title, text })` opens the review of a measure in the
 *   caller's transaction;
 * - `fairCompetitionProblem(q, subject)` is the gate before issuing (第十八条): null when the review concluded that the
 *   measure may be issued, with any 第十二条 exception justified; else a problem.
 */
export { requestFairCompetitionReview, type FairCompetitionRequest } from './commands/request-review.ts';
export { fairCompetitionProblem } from './gate.ts';
export { fairCompetitionReviewsOf } from './queries.ts';
