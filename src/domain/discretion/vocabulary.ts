/**
 * The closed vocabularies of discretion (行政处罚自由裁量权基准), with Chinese labels.
 * Identifiers follow the shared glossary (GLOSSARY.md) and docs/glossary.md.
 */

/** The version of 行政处罚法 the calculator's own rules cite. */
export const APL = '行政处罚法@2021-01-22';

/** 行政处罚的种类 (行政处罚法 第九条), except 行政拘留 which market supervision does not impose. */
export const penaltyKinds = {
  warning: '警告',
  publicCriticism: '通报批评',
  fine: '罚款',
  confiscateIllegalGains: '没收违法所得',
  confiscateIllegalProperty: '没收非法财物',
  suspendLicence: '暂扣许可证件',
  revokeLicence: '吊销许可证件',
  lowerQualification: '降低资质等级',
  suspendBusiness: '责令停产停业',
  restrictBusiness: '限制开展生产经营活动',
  closure: '责令关闭',
  restrictEmployment: '限制从业',
} as const;
export type PenaltyKind = keyof typeof penaltyKinds;
export const penaltyKindIds = Object.keys(penaltyKinds) as [PenaltyKind, ...PenaltyKind[]];

/**
 * Penalty kinds that give the party hearing rights whatever the amount (行政处罚法 第六十三条第一款第（三）（四）项; and, as
 * 其他较重的行政处罚 of 第（五）项, 限制开展生产经营活动 and 暂扣许可证件, which 第九条 lists beside 责令停产停业 and 吊销许可证件).
 * The case workflow's `hearingRights` (domain/cases/decide.ts) cites each item.
 */
export const hearingPenaltyKinds: readonly PenaltyKind[] = [
  'lowerQualification',
  'revokeLicence',
  'suspendBusiness',
  'closure',
  'restrictEmployment',
  'restrictBusiness',
  'suspendLicence',
];

/** 裁量阶次 (discretionTier), from the most lenient to the most severe. */
export const discretionTiers = {
  noPenalty: '不予处罚',
  mitigatedBelowRange: '减轻处罚',
  lighter: '从轻处罚',
  standard: '一般处罚',
  heavier: '从重处罚',
} as const;
export type DiscretionTier = keyof typeof discretionTiers;
export const discretionTierIds = Object.keys(discretionTiers) as [DiscretionTier, ...DiscretionTier[]];
export const tierRank: Record<DiscretionTier, number> = { noPenalty: 0, mitigatedBelowRange: 1, lighter: 2, standard: 3, heavier: 4 };

/** 计罚基数: the amounts a fine can be a multiple of. */
export const baseKinds = {
  goodsValue: '货值金额',
  illegalGains: '违法所得',
  advertisingCost: '广告费用',
  illegalTurnover: '违法经营额',
  illegalIncome: '违法收入',
} as const;
export type BaseKind = keyof typeof baseKinds;
export const baseKindIds = Object.keys(baseKinds) as [BaseKind, ...BaseKind[]];

/** 当事人类型. An individual business (个体工商户) is a natural person for the thresholds. */
export const partyTypes = {
  naturalPerson: '公民（自然人、个体工商户）',
  organisation: '法人或者其他组织',
} as const;
export type PartyType = keyof typeof partyTypes;
export const partyTypeIds = Object.keys(partyTypes) as [PartyType, ...PartyType[]];

/** 免罚清单 (exemption lists). */
export const exemptionLists = {
  firstOffenceExemption: '首违不罚',
  minorOffenceExemption: '轻微不罚',
} as const;
export type ExemptionList = keyof typeof exemptionLists;
export const exemptionListIds = Object.keys(exemptionLists) as [ExemptionList, ...ExemptionList[]];

/** 情节 kinds: 法定 (set by a law) or 酌定 (weighed by the body). */
export const circumstanceKinds = { statutory: '法定情节', discretionary: '酌定情节' } as const;
export type CircumstanceKind = keyof typeof circumstanceKinds;

/** The force of a statutory effect: 应当 (must) or 可以 (may). Discretionary circumstances are always `may`. */
export const circumstanceForces = { must: '应当', may: '可以' } as const;
export type CircumstanceForce = keyof typeof circumstanceForces;
export const circumstanceForceIds = Object.keys(circumstanceForces) as [CircumstanceForce, ...CircumstanceForce[]];

/** What a circumstance does to the tier. `fact` only feeds exemption conditions. */
export const circumstanceEffects = {
  noPenalty: '不予处罚',
  mitigate: '减轻处罚',
  lighterOrMitigate: '从轻或者减轻',
  lighter: '从轻处罚',
  heavier: '从重处罚',
  fact: '事实（用于免罚条件）',
} as const;
export type CircumstanceEffect = keyof typeof circumstanceEffects;
export const circumstanceEffectIds = Object.keys(circumstanceEffects) as [CircumstanceEffect, ...CircumstanceEffect[]];

/** Whether a penalty kind is imposed: 应当/并处 (required), 可以 (optional) or not at all. */
export const applyModes = { required: '应当适用', optional: '可以适用', none: '不适用' } as const;
export type ApplyMode = keyof typeof applyModes;

/** Threshold kinds kept per org (较大数额). */
export const thresholdKinds = { hearing: '听证（较大数额）', majorDecision: '重大执法决定法制审核' } as const;
export type ThresholdKind = keyof typeof thresholdKinds;
export const thresholdKindIds = Object.keys(thresholdKinds) as [ThresholdKind, ...ThresholdKind[]];

export const labelOf = <T extends Record<string, string>>(table: T, id: string): string => (table as Record<string, string>)[id] ?? id;

/** Reverse lookup: the identifier for a Chinese label (or the identifier itself). */
export function idByLabel<T extends Record<string, string>>(table: T, text: string): keyof T | undefined {
  const t = text.trim();
  if (t in table) return t as keyof T;
  return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === t);
}
