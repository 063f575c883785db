/** The input of each recommendation transition (the engine parses with these; the API documents them). */
import { z } from 'zod';
import { ZDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const recommendationInputs = {
  assign: z.strictObject({ unitId: z.string().min(1).max(64), note: z.string().trim().max(1000).optional() }),
  answer: z.strictObject({ reply: text(20000), answeredOn: ZDate, replyFileId: z.string().min(1).max(64).optional() }),
  file: z.strictObject({ measures: text(5000), filedOn: ZDate }),
} as const;
export type RecommendationTransition = keyof typeof recommendationInputs;
