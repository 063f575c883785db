/** Response schemas of the discretion module (行政处罚裁量基准) not kept with its records in schema.ts: the reference and the thresholds' defaults. */
import { z } from 'zod';
import { circumstanceEffectIds, circumstanceForceIds, partyTypeIds, penaltyKindIds, thresholdKindIds } from '../../domain/discretion/vocabulary.ts';
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
  force: z.enum(circumstanceForceIds).nullish(),
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
  lawCircumstances: z.array(ZCircumstanceRule).describe('行政处罚法规定的法定情节（不论基准是否列入均适用）'),
  circumstanceForces: labels,
  rules: z
    .array(
      z.object({ id: z.string(), label: z.string(), nature: z.enum(['statutory', 'discretionary']), articleIds: z.array(z.string()), statement: z.string() }),
    )
    .describe('决定裁量阶次的规则（依次适用）'),
  defaultThresholds: z.array(ZThresholdRule).describe('默认较大数额标准'),
});
export type DiscretionReference = z.infer<typeof ZDiscretionReference>;

/** GET /api/discretion/thresholds. */
export const ZThresholdList = z.object({ items: z.array(ZThreshold), defaults: z.array(ZThresholdRule) });
export type ThresholdList = z.infer<typeof ZThresholdList>;
