/**
 * The input of each normative-document transition, as the engine parses it (400 VALIDATION_FAILED before
 * any guard runs) and as the API documents it: one schema per transition name.
 */
import { z } from 'zod';
import { deliberationResults, filingResults } from '../../../domain/normativeDocuments/rules.ts';
import { ZDate, ZFactDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const normativeInputs = {
  openComment: z.strictObject({
    days: z.number().int().min(1).max(180).optional(),
    startsOn: ZDate.optional(),
    shortenedReason: text(1000).optional(),
  }),
  // the reason is checked by the guard (422 with the rule's message), not by the schema
  skipComment: z.strictObject({ reason: z.string().trim().max(2000).optional() }),
  closeComment: z.strictObject({}),
  requestFairCompetitionReview: z.strictObject({}),
  requestLegalityReview: z.strictObject({ note: z.string().trim().max(2000).optional() }),
  deliberate: z.strictObject({
    meetingOn: ZFactDate,
    meeting: text(200),
    attendees: z.array(text(50)).min(1).max(60),
    minutes: text(20_000),
    result: z.enum(keys(deliberationResults)),
  }),
  returnForRevision: z.strictObject({ reason: text(2000) }),
  register: z.strictObject({ signedOn: ZDate.optional() }),
  publish: z.strictObject({ effectiveOn: ZDate, interpretation: text(20_000) }),
  file: z.strictObject({ filedWith: text(200).optional() }),
  recordFilingResult: z.strictObject({ result: z.enum(keys(filingResults)), resultOn: ZFactDate, note: z.string().trim().max(2000).optional() }),
  supersede: z.strictObject({ newVersionId: z.string().min(1).max(64) }),
  repeal: z.strictObject({ reason: text(2000) }),
  declareInvalid: z.strictObject({ reason: text(2000) }),
  expire: z.strictObject({}),
  abandon: z.strictObject({ reason: text(2000) }),
} as const;

export type NormativeTransition = keyof typeof normativeInputs;
export type NormativeInput<T extends NormativeTransition> = z.output<(typeof normativeInputs)[T]>;
