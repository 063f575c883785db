/** The input of each annual-report transition, as the engine parses it and the API documents it. */
import { z } from 'zod';

export const reportInputs = {
  submit: z.strictObject({ note: z.string().trim().max(2000).optional() }),
  returnForRevision: z.strictObject({ note: z.string().trim().min(1).max(2000) }),
  approve: z.strictObject({ note: z.string().trim().max(2000).optional() }),
  publish: z.strictObject({}),
} as const;

export type ReportTransition = keyof typeof reportInputs;
