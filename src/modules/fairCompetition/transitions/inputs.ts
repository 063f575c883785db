/** The input of each fair-competition review transition (400 VALIDATION_FAILED before any guard runs). */
import { z } from 'zod';
import { checklistItemIds, exceptionGrounds, type ExceptionGround } from '../../../domain/fairCompetition/rules.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZChecklistAnswer = z.strictObject({
  item: z.enum(checklistItemIds as [string, ...string[]]),
  contains: z.boolean(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const ZExceptionClaim = z.strictObject({
  ground: z.enum(Object.keys(exceptionGrounds) as [ExceptionGround]),
  justification: z.string().trim().max(5000),
  noLessRestrictiveAlternative: z.boolean(),
  period: z.string().trim().max(500),
});

/** The conclusion's input (the three conclusion transitions share it). */
export const ZConclusion = z.strictObject({
  prohibitionChecks: z.array(ZChecklistAnswer).max(50),
  article12Exceptions: z.array(ZExceptionClaim).max(4).default([]),
  /** 第十六条: the views heard of businesses, associations and (where the public interest is concerned) the public */
  stakeholderViews: text(5000),
  reason: text(5000),
});

export const fairCompetitionInputs = {
  startJointReview: z.strictObject({ jointUnits: z.array(text(100)).min(1).max(30), note: z.string().trim().max(1000).nullable().optional() }),
  recordJointOpinion: z.strictObject({ jointUnit: text(100), jointOpinion: text(2000) }),
  approve: ZConclusion,
  requireAmendment: ZConclusion,
  refuse: ZConclusion,
  resubmit: z.strictObject({ amendedText: text(100_000), note: text(1000) }),
} as const;
