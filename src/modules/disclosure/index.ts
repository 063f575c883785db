/**
 * 政府信息公开 on request (disclosure): what the module offers other modules — they import it from here. The portal's
 * pages file a request and show its status by query code with these.
 */
export { submitPublicDisclosure, CHALLENGE_SUBJECT, type PublicDisclosureInput } from './commands.ts';
export { publicDisclosureStatus, disclosureBodies } from './queries.ts';
export { disclosureRateLimit, filedMessage } from './routes.ts';
export type { PublicDisclosureStatus } from './responses.ts';
export { annualReportFigureIds } from './figures.ts';
