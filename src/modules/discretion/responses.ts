/** Response schemas of the discretion module (行政处罚裁量基准) not kept with its records in schema.ts: the reference and the thresholds' defaults. */
import { z } from 'zod';
import { circumstanceEffectIds, partyTypeIds, penaltyKindIds, thresholdKindIds } from '../../domain/discretion/vocabulary.ts';
import { ZThreshold } from './schema.ts';

const labels = z.record(z.string(), z.string());

/** A circumstance (情节) as the rules know it. */
export const ZCircumstanceRule = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['statutory', 'discretionary']),
  effect: z.enum(circumstanceEffectIds),
  articleId: z.string(),
  keeps: z.array(z.enum(penaltyKindIds)).optional(),
  partyType: z.enum(partyTypeIds).nullish(),
});

/** A 较大数额 standard (听证, 重大执法决定法制审核) as the rules know it; a default one has no org. */
export const ZThresholdRule = z.object({
  id: z.string(),
  orgId: z.string().nullable(),
  kind: z.enum(thresholdKindIds),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  naturalPersonFen: z.number(),
  organisationFen: z.number(),
  articleId: z.string(),
  documentNumber: z.string().nullish(),
  note: z.string(),
});

/** GET /api/discretion/reference. */
export const ZDiscretionReference = z.object({
  penaltyKinds: labels,
  tiers: labels,
  baseKinds: labels,
  partyTypes: labels,
  circumstanceKinds: labels,
  circumstanceEffects: labels,
  exemptionLists: labels,
  applyModes: labels,
  thresholdKinds: labels,
  fields: labels,
  standardCircumstances: z.array(ZCircumstanceRule).describe('常用情节'),
  defaultThresholds: z.array(ZThresholdRule).describe('默认较大数额标准'),
});
export type DiscretionReference = z.infer<typeof ZDiscretionReference>;

/** GET /api/discretion/thresholds. */
export const ZThresholdList = z.object({ items: z.array(ZThreshold), defaults: z.array(ZThresholdRule) });
export type ThresholdList = z.infer<typeof ZThresholdList>;
