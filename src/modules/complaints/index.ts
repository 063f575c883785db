/**
 * 投诉举报 (complaints, reports): what the module offers other modules — they import it from here.
 * - the portal: `publicBodies`, `publicStatus` (by query code, no personal data), `submitPublic` and the challenge
 *   subject (`INTAKE_CHALLENGE_SUBJECT`, the consultation module's HMAC challenge);
 * - seeds and tests: `insertComplaint` (the one intake of every channel).
 */
export { publicBodies, publicStatus } from './public.ts';
export { INTAKE_CHALLENGE_SUBJECT, submitPublic } from './commands/submit-public.ts';
export { insertComplaint, storeAttachment, type IntakeInput, type Received } from './commands/receive-complaint.ts';
export { recordMediation } from './commands/record-mediation.ts';
export { flagLead, verifyLead } from './commands/lead.ts';
