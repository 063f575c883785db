/** The input of each legality-review transition (the engine parses with these; the API documents them). */
import { z } from 'zod';
import { checklistVerdictIds, reviewOpinionIds } from '../../../domain/legality/rules.ts';
import { ZDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const reviewInputs = {
  consultAdviser: z.strictObject({ adviserId: z.string().min(1).max(64), opinion: text(4000), givenOn: ZDate }),
  returnMaterials: z.strictObject({ reason: text(2000) }),
  resubmit: z.strictObject({ materials: text(20000), note: text(1000).optional() }),
  conclude: z.strictObject({
    checklist: z
      .array(z.strictObject({ item: z.string().min(1).max(64), verdict: z.enum(checklistVerdictIds), note: z.string().trim().max(2000).optional() }))
      .max(50),
    opinion: z.enum(reviewOpinionIds),
    reasons: z.string().trim().max(5000).optional(),
    earlyReason: z.string().trim().max(1000).optional(),
  }),
  withdraw: z.strictObject({ reason: text(1000) }),
} as const;

export type ReviewTransition = keyof typeof reviewInputs;
export type ReviewInput<T extends ReviewTransition> = z.output<(typeof reviewInputs)[T]>;
