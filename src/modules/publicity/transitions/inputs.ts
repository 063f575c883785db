/**
 * The input of each publication transition, as the engine parses it (400 VALIDATION_FAILED before any
 * guard runs) and as the API documents it: one schema per transition name.
 */
import { z } from 'zod';
import { exemptionGrounds, withdrawalGrounds } from '../../../domain/publicity/rules.ts';
import { ZDate } from '../../../platform/schema.ts';
import { ZContentCorrection } from '../content.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const withdrawalGround = z.enum(Object.keys(withdrawalGrounds) as [keyof typeof withdrawalGrounds]);
const exemptionGround = z.enum(Object.keys(exemptionGrounds) as [keyof typeof exemptionGrounds]);

export const publicationInputs = {
  publish: z.strictObject({}),
  correct: z.strictObject({ reason: text(500), content: ZContentCorrection }),
  noticeRevocation: z.strictObject({ noticedOn: ZDate, ground: withdrawalGround, note: text(500) }),
  withdraw: z.strictObject({ reason: text(500), ground: withdrawalGround }),
  expire: z.strictObject({}),
  repair: z.strictObject({ reason: text(500), applicant: text(200), appliedOn: ZDate }),
  proposeExemption: z.strictObject({ ground: exemptionGround, reason: text(1000) }),
  approveExemption: z.strictObject({ opinion: text(500) }),
  rejectExemption: z.strictObject({ opinion: text(500) }),
} as const;

export type PublicationTransition = keyof typeof publicationInputs;
export type PublicationInput<T extends PublicationTransition> = z.output<(typeof publicationInputs)[T]>;
