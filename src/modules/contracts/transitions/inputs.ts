/** The input of each contract and 立法征询 transition (the engine parses with these; the API documents them). */
import { z } from 'zod';
import { ZDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const fileId = z.string().min(1).max(64);

export const contractInputs = {
  requestReview: z.strictObject({ materials: text(20000), materialFileIds: z.array(fileId).max(50).optional(), consultAdvisers: z.boolean().optional() }),
  sign: z.strictObject({ signedOn: ZDate, signedFileId: fileId }),
  notePerformance: z.strictObject({ note: text(4000), notedOn: ZDate }),
  noteDispute: z.strictObject({ note: text(4000), notedOn: ZDate }),
  close: z.strictObject({ closedOn: ZDate, note: text(2000) }),
  abandon: z.strictObject({ reason: text(2000) }),
} as const;
export type ContractTransition = keyof typeof contractInputs;
export type ContractInput<T extends ContractTransition> = z.output<(typeof contractInputs)[T]>;

export const legislativeInputs = {
  reply: z.strictObject({ reply: text(20000), repliedOn: ZDate, replyFileId: fileId.optional() }),
} as const;
export type LegislativeTransition = keyof typeof legislativeInputs;
