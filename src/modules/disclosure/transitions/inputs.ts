/** The input of each 政府信息公开申请 transition (the engine parses with these; the API documents them). */
import { z } from 'zod';
import { answerTypeIds, withholdingGroundIds } from '../../../domain/disclosure/rules.ts';
import { ZDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const opt = (max: number) => z.string().trim().max(max).optional();

export const disclosureInputs = {
  requestCorrection: z.strictObject({ items: text(2000), dueOn: ZDate }),
  receiveCorrection: z.strictObject({ receivedOn: ZDate, correctedDescription: text(2000) }),
  consultThirdParty: z.strictObject({ thirdParty: text(200), sentOn: ZDate, reason: text(1000) }),
  recordThirdPartyOpinion: z.strictObject({ repliedOn: ZDate, opinion: z.enum(['agree', 'disagree', 'none']), note: opt(2000) }),
  extendAnswer: z.strictObject({ reason: text(1000) }),
  answer: z.strictObject({
    answerType: z.enum(answerTypeIds),
    access: opt(1000),
    ground: z.enum(withholdingGroundIds).optional(),
    reason: opt(2000),
    otherBody: z.strictObject({ name: text(200), contact: text(200) }).optional(),
  }),
} as const;
export type DisclosureTransition = keyof typeof disclosureInputs;
