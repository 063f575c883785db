/**
 * 行政复议和行政应诉 (remedies): what the module offers other modules — they import it from here, never from its other files.
 * - `remediesOfSubject(q, principal, { type, id })` → `{ reconsiderations, lawsuits }` the caller sees, brought against
 *   that subject (a case's decision, a disclosure answer, a complaint decision …);
 * - `subjectKindOf(type)` → the figures' kind of a subject's matter type.
 */
export { remediesOfSubject } from './queries.ts';
export { subjectKindOf, subjectKinds } from '../../domain/remedies/rules.ts';
