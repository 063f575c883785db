/**
 * Request and response schemas of violations, benchmarks, thresholds and the calculator (they also
 * form /api/openapi.json). The shapes mirror src/domain/discretion/model.ts; meaning is checked by
 * domain/discretion/validate.ts.
 */
import { z } from 'zod';
import { enforcementFieldIds } from '../../domain/certifiedDuty.ts';
import {
  applyModes,
  baseKindIds,
  circumstanceEffectIds,
  circumstanceForceIds,
  discretionTierIds,
  exemptionListIds,
  partyTypeIds,
  penaltyKindIds,
  thresholdKindIds,
} from '../../domain/discretion/vocabulary.ts';
import { ZDate } from '../../platform/schema.ts';

/** `食品安全法@2021-04-29#第一百二十四条` */
export const ARTICLE_ID_PATTERN = /^[^@#\s《》]+@\d{4}-\d{2}-\d{2}#第[零〇一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?$/;
export const ZArticleId = z.string().regex(ARTICLE_ID_PATTERN, { message: '应为条文编号，如 食品安全法@2021-04-29#第一百二十四条' });

const text = (max: number) => z.string().trim().min(1).max(max);
const ident = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, { message: '编号为字母开头的字母、数字、下划线、点或短横线，最长 40 位' });
const ZFen = z
  .number()
  .int()
  .nonnegative()
  .max(Number.MAX_SAFE_INTEGER / 100_000);
const ZPermille = z.number().int().nonnegative().max(1_000_000);
const ZBase = z.enum(baseKindIds);

export const ZBound = z.union([z.strictObject({ fen: ZFen }), z.strictObject({ base: ZBase, permille: ZPermille, capFen: ZFen.optional() })]);

const simpleConditions = [
  z.strictObject({ kind: z.literal('baseMissing'), base: ZBase }),
  z.strictObject({ kind: z.literal('basePresent'), base: ZBase }),
  z.strictObject({ kind: z.literal('baseBelow'), base: ZBase, fen: ZFen }),
  z.strictObject({ kind: z.literal('baseAtLeast'), base: ZBase, fen: ZFen }),
  z.strictObject({ kind: z.literal('condition'), id: ident }),
  z.strictObject({ kind: z.literal('notCondition'), id: ident }),
] as const;
const ZSimpleCondition = z.discriminatedUnion('kind', [...simpleConditions]);
/** One level of `anyOf` is enough for the statutes ("没有违法经营额或者违法经营额不足五万元"). */
export const ZBranchCondition = z.discriminatedUnion('kind', [
  ...simpleConditions,
  z.strictObject({ kind: z.literal('anyOf'), of: z.array(ZSimpleCondition).min(2).max(10) }),
]);

export const ZFineBranch = z.strictObject({
  id: ident,
  label: text(100),
  when: z.array(ZBranchCondition).max(10),
  min: ZBound,
  max: ZBound,
  articleId: ZArticleId,
  text: text(2000),
  /** 应当/处 (required) or 可以 (optional) for this range, where it differs from the provision (电子商务法 第八十一条 情节严重) */
  mode: z.enum(['required', 'optional']).nullable().optional(),
});

/** A penalty another authority decides (药品管理法 第一百三十九条): the bureau recommends it. */
export const ZReservedAuthority = z.strictObject({ authority: text(100), articleId: ZArticleId, text: text(2000) });

export const ZProvision = z.strictObject({
  kind: z.enum(penaltyKindIds),
  mode: z.enum(['required', 'optional']),
  onlyIf: ident.nullable().optional(),
  articleId: ZArticleId,
  text: text(2000),
  branches: z.array(ZFineBranch).max(10).optional(),
  reservedTo: ZReservedAuthority.nullable().optional(),
});

export const ZStatutoryCondition = z.strictObject({ id: ident, label: text(200), articleId: ZArticleId });

/** An earlier version of the statute (its articles cite an earlier version of the law), for 从旧兼从轻. */
export const ZStatuteVersion = z.strictObject({
  violates: z.array(ZArticleId).min(1).max(20),
  punishes: z.array(ZArticleId).min(1).max(20),
  conditions: z.array(ZStatutoryCondition).max(20),
  provisions: z.array(ZProvision).min(1).max(12),
});

const violationFields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{1,39}$/, { message: '违法行为编码为 2–40 位字母、数字、点或短横线' }),
  name: text(200),
  field: z.enum(enforcementFieldIds),
  violates: z.array(ZArticleId).min(1).max(20),
  punishes: z.array(ZArticleId).min(1).max(20),
  conditions: z.array(ZStatutoryCondition).max(20),
  provisions: z.array(ZProvision).min(1).max(12),
  earlierStatutes: z.array(ZStatuteVersion).max(5).optional(),
};
export const ZCreateViolationRequest = z.strictObject({ ...violationFields, ownerOrgId: z.string().min(1).max(64).optional() });
export type TCreateViolationRequest = z.infer<typeof ZCreateViolationRequest>;
export const ZUpdateViolationRequest = z.strictObject({ ...violationFields, active: z.boolean() }).partial();
export type TUpdateViolationRequest = z.infer<typeof ZUpdateViolationRequest>;

export const ZTierSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('share'), fromPermille: ZPermille, toPermille: ZPermille }),
  z.strictObject({ kind: z.literal('amount'), minFen: ZFen, maxFen: ZFen }),
  z.strictObject({ kind: z.literal('multiple'), base: ZBase, fromPermille: ZPermille, toPermille: ZPermille }),
  z.strictObject({ kind: z.literal('belowMinimum'), fromPermille: ZPermille, toPermille: ZPermille }),
  z.strictObject({ kind: z.literal('apply'), mode: z.enum(Object.keys(applyModes) as ['required', 'optional', 'none']) }),
]);
export const ZTierRow = z.strictObject({
  tier: z.enum(discretionTierIds),
  kind: z.enum(penaltyKindIds),
  branch: ident.nullable().optional(),
  spec: ZTierSpec,
  note: z.string().trim().max(500).nullable().optional(),
});
export const ZCircumstance = z.strictObject({
  id: ident,
  label: text(200),
  kind: z.enum(['statutory', 'discretionary']),
  effect: z.enum(circumstanceEffectIds),
  articleId: ZArticleId,
  keeps: z.array(z.enum(penaltyKindIds)).max(12).optional(),
  partyType: z.enum(partyTypeIds).nullable().optional(),
  /** statutory circumstances: 应当 (must, default) or 可以 (may) */
  force: z.enum(circumstanceForceIds).nullable().optional(),
});
export const ZExemptionCondition = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('circumstance'), id: ident }),
  z.strictObject({ kind: z.literal('notCircumstance'), id: ident }),
  z.strictObject({ kind: z.literal('baseAtMost'), base: ZBase, fen: ZFen }),
  z.strictObject({ kind: z.literal('partyType'), partyType: z.enum(partyTypeIds) }),
]);
export const ZExemption = z.strictObject({
  list: z.enum(exemptionListIds),
  label: text(200),
  conditions: z.array(ZExemptionCondition).min(1).max(10),
  articleId: ZArticleId,
  note: z.string().trim().max(500).nullable().optional(),
});

const benchmarkFields = {
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  documentTitle: text(200),
  documentNumber: text(100),
  tiers: z.array(ZTierRow).max(200),
  circumstances: z.array(ZCircumstance).max(60),
  exemptions: z.array(ZExemption).max(20),
  note: z.string().trim().max(1000).nullable().optional(),
};
export const ZCreateBenchmarkRequest = z.strictObject({ violationId: z.string().min(1).max(64), orgId: z.string().min(1).max(64), ...benchmarkFields });
export type TCreateBenchmarkRequest = z.infer<typeof ZCreateBenchmarkRequest>;
export const ZUpdateBenchmarkRequest = z.strictObject(benchmarkFields).partial();
export type TUpdateBenchmarkRequest = z.infer<typeof ZUpdateBenchmarkRequest>;

export const ZThresholdRequest = z.strictObject({
  orgId: z.string().min(1).max(64),
  kind: z.enum(thresholdKindIds),
  validFrom: ZDate,
  validTo: ZDate.nullable(),
  naturalPersonFen: ZFen,
  organisationFen: ZFen,
  articleId: ZArticleId,
  documentNumber: z.string().trim().max(100).nullable().optional(),
  note: text(500),
});
export type TThresholdRequest = z.infer<typeof ZThresholdRequest>;
export const ZUpdateThresholdRequest = ZThresholdRequest.omit({ orgId: true, kind: true }).partial();

export const ZCalculateRequest = z.strictObject({
  /** violation id or code (e.g. SP-001) */
  violation: z.string().trim().min(1).max(64),
  /** the deciding org (default: the caller's org) */
  orgId: z.string().min(1).max(64).optional(),
  violationDate: ZDate,
  decisionDate: ZDate,
  partyType: z.enum(partyTypeIds),
  bases: z.partialRecord(ZBase, ZFen.nullable()).optional(),
  unreliableBases: z.array(ZBase).max(5).optional(),
  circumstances: z.array(ident).max(40).optional(),
  /** preview an unsaved benchmark (the editor's live preview): it replaces the benchmark `id` (null: a new one) for its org */
  draft: z.strictObject({ id: z.string().max(64).nullable(), orgId: z.string().min(1).max(64), ...benchmarkFields }).optional(),
});
export type TCalculateRequest = z.infer<typeof ZCalculateRequest>;

export const ZImportRequest = z.strictObject({
  /** the .xlsx file, base64-encoded */
  fileBase64: z.string().min(1).max(12_000_000),
  /** the adopting org of the benchmarks in the file (default: the caller's org) */
  orgId: z.string().min(1).max(64).optional(),
  dryRun: z.boolean().optional(),
});

// ─── responses ───────────────────────────────────────────────────────────
export const ZArticleRef = z.object({
  id: z.string(),
  label: z.string(),
  sourceId: z.string(),
  title: z.string(),
  versionDate: z.string(),
  status: z.string(),
});
const ZArticles = z.record(z.string(), ZArticleRef);

export const ZViolation = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  active: z.boolean(),
  violates: z.array(z.string()),
  punishes: z.array(z.string()),
  conditions: z.array(ZStatutoryCondition),
  provisions: z.array(ZProvision),
  earlierStatutes: z.array(ZStatuteVersion),
  openFlags: z.number(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), addBenchmark: z.boolean(), viewRecord: z.boolean() }),
});
export const ZBenchmark = z.object({
  id: z.string(),
  violationId: z.string(),
  violationCode: z.string(),
  violationName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  documentTitle: z.string(),
  documentNumber: z.string(),
  note: z.string().nullable(),
  tiers: z.array(ZTierRow),
  circumstances: z.array(ZCircumstance),
  exemptions: z.array(ZExemption),
  /** in force today */
  current: z.boolean(),
  openFlags: z.number(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), viewRecord: z.boolean() }),
});
export const ZViolationDetail = ZViolation.extend({ benchmarks: z.array(ZBenchmark), articles: ZArticles });
export const ZBenchmarkDetail = ZBenchmark.extend({ articles: ZArticles });
export const ZThreshold = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(thresholdKindIds),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  naturalPersonFen: z.number(),
  organisationFen: z.number(),
  articleId: z.string(),
  documentNumber: z.string().nullable(),
  note: z.string(),
  abilities: z.object({ read: z.boolean(), update: z.boolean(), viewRecord: z.boolean() }),
});

const ZRange = z.object({ minFen: z.number(), maxFen: z.number(), upperExclusive: z.boolean().optional() });
const ZThresholdCheck = z.object({
  kind: z.string(),
  crossed: z.enum(['yes', 'possible', 'no']),
  thresholdFen: z.number(),
  ruleId: z.string(),
  source: z.string(),
  articleId: z.string(),
  reasons: z.array(z.string()),
});
/** The rule that decided the tier (法定/酌定), its articles and its statement in official wording. */
export const ZDecidingRule = z.object({
  id: z.string(),
  nature: z.enum(['statutory', 'discretionary']),
  articleIds: z.array(z.string()),
  text: z.string(),
});
export const ZAppliedCircumstance = z.object({
  id: z.string(),
  label: z.string(),
  nature: z.enum(['statutory', 'discretionary']),
  effect: z.enum(circumstanceEffectIds),
  force: z.enum(circumstanceForceIds),
  articleId: z.string(),
});
export const ZCalculationResult = z.object({
  violation: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  orgId: z.string(),
  input: z.object({
    violationDate: z.string(),
    decisionDate: z.string(),
    partyType: z.string(),
    bases: z.record(z.string(), z.number().nullable()),
    unreliableBases: z.array(z.string()),
    circumstances: z.array(z.string()),
  }),
  tier: z.string(),
  tierLabel: z.string(),
  exempt: z.boolean(),
  exemption: z.object({ list: z.string().nullable(), label: z.string(), articleId: z.string() }).nullable(),
  branch: z.object({ id: z.string(), label: z.string(), articleId: z.string(), text: z.string() }).nullable(),
  legalRange: ZRange.nullable(),
  penalties: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      applies: z.enum(['required', 'optional', 'none']),
      range: ZRange.nullable(),
      amountFen: z.number().nullable(),
      note: z.string(),
      articleId: z.string(),
      /** decided by another authority: the bureau recommends it */
      reservedTo: z.object({ authority: z.string(), articleId: z.string(), text: z.string() }).nullish(),
    }),
  ),
  benchmark: z.object({
    id: z.string().nullable(),
    documentNumber: z.string().nullable(),
    documentTitle: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    reason: z.enum(['inForceAtViolation', 'laterMoreLenient', 'none']),
  }),
  statute: z.object({
    version: z.string().describe('适用的法律版本'),
    violates: z.array(z.string()),
    punishes: z.array(z.string()),
    atViolation: z.string(),
    atDecision: z.string(),
    reason: z.enum(['inForceAtViolation', 'laterMoreLenient']),
  }),
  decidingRule: ZDecidingRule,
  circumstances: z.array(ZAppliedCircumstance),
  mitigation: z.object({ belowRange: z.boolean(), statutory: z.boolean(), articleIds: z.array(z.string()) }),
  superseded: z
    .object({
      benchmarkId: z.string().nullable(),
      statuteVersion: z.string(),
      tier: z.string(),
      exempt: z.boolean(),
      fine: z.object({ minFen: z.number(), maxFen: z.number() }).nullable(),
    })
    .nullable(),
  thresholds: z.object({ hearing: ZThresholdCheck, majorDecision: ZThresholdCheck }),
  summaryProcedure: z.object({ possible: z.boolean(), limitFen: z.number(), articleId: z.string(), reason: z.string() }),
  trace: z.array(z.object({ step: z.string(), text: z.string(), articleIds: z.array(z.string()), rule: z.string().optional() })),
  articles: ZArticles,
  /** SHA-256 of the rules used (violation, benchmarks, thresholds): freeze it onto a case with the inputs */
  rulesDigest: z.string(),
});
export type TCalculationResult = z.infer<typeof ZCalculationResult>;

export const ZImportResult = z.object({
  dryRun: z.boolean(),
  orgId: z.string(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rows: z.number(),
  benchmarks: z.array(z.object({ violationCode: z.string(), validFrom: z.string(), action: z.enum(['created', 'updated', 'unchanged']) })),
});
