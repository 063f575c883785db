/** Response schemas of the fair-competition review API. */
import { z } from 'zod';

export const ZReviewItem = z.object({
  id: z.string(),
  title: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  conclusion: z.enum(['mayIssue', 'mustAmend', 'mayNotIssue']).nullable(),
  conclusionLabel: z.string().nullable(),
  concludedOn: z.string().nullable(),
  joint: z.boolean(),
  exceptionUsed: z.boolean(),
  createdOn: z.string(),
});

export const ZRegister = z.object({
  items: z.array(ZReviewItem),
  byYear: z.array(
    z.object({
      year: z.number(),
      reviewed: z.number(),
      mayIssue: z.number(),
      mustAmend: z.number(),
      mayNotIssue: z.number(),
      pending: z.number(),
      joint: z.number(),
      exceptions: z.number(),
    }),
  ),
});

export const ZReviewDetail = ZReviewItem.extend({
  version: z.number(),
  measureText: z.string(),
  checklist: z.array(z.object({ item: z.string(), contains: z.boolean(), note: z.string().nullable().optional() })).nullable(),
  exceptions: z.array(
    z.object({ ground: z.string(), groundLabel: z.string(), justification: z.string(), noLessRestrictiveAlternative: z.boolean(), period: z.string() }),
  ),
  conclusionReason: z.string().nullable(),
  stakeholderViews: z.string().nullable(),
  jointUnits: z.array(z.object({ name: z.string(), opinion: z.string().nullable() })),
  transitions: z.array(z.object({ id: z.string(), label: z.string() })),
});

export const ZChecklist = z.object({
  items: z.array(z.object({ id: z.string(), basis: z.string(), category: z.string(), text: z.string() })),
  exceptionGrounds: z.array(z.object({ id: z.string(), label: z.string() })),
});
