/**
 * 公众参与 / 公开征求意见 (publicConsultation): what the module offers other modules — they import it from here.
 * - `openConsultation(tx, ctx, principal, { subject, title, text, startsOn?, days, shortenedReason? })` opens the
 *   consultation of a draft in the caller's transaction;
 * - `consultationProblem(q, subject, { required })` is the gate: null when not required, or when a consultation of
 *   the subject has closed and its feedback report (意见采纳情况) is published; else a problem.
 */
export { openConsultation, type OpenConsultationInput, type Subject } from './commands/open-consultation.ts';
export { consultationProblem } from './gate.ts';
export { consultationsOf } from './queries.ts';
export { publicConsultationList, publicConsultationDetail, type PublicConsultation, type PublicConsultationItem } from './public.ts';
export { newChallenge, checkChallenge } from './challenge.ts';
export { commentRateLimit } from './routes.ts';
export { submitComment, type CommentInput } from './commands/submit-comment.ts';
