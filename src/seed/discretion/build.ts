/**
 * Small helpers to write the sample violations as data: amounts in 分, multiples in ‰, article ids of
 * the versions in laws/. Pure.
 */
import { circumstances, firstOffenceExemption, minorOffenceExemption } from '../../domain/discretion/circumstances.ts';
import type {
  Bound,
  BranchCondition,
  CircumstanceRule,
  SimpleBranchCondition,
  ExemptionRule,
  FineBranch,
  PenaltyProvision,
  ReservedAuthority,
  StatutoryCondition,
  TierRow,
  TierSpec,
  ViolationRule,
} from '../../domain/discretion/model.ts';
import type { ApplyMode, BaseKind, DiscretionTier, PenaltyKind } from '../../domain/discretion/vocabulary.ts';

export const V = {
  food: '食品安全法@2021-04-29',
  product: '产品质量法@2018-12-29',
  ad: '广告法@2021-04-29',
  price: '价格法@1997-12-29',
  priceTag: '明码标价和禁止价格欺诈规定@2022-04-14',
  competition: '反不正当竞争法@2019-04-23',
  equipment: '特种设备安全法@2013-06-29',
  metrology: '计量法@2018-10-26',
  metrologyRules: '计量法实施细则@2022-03-29',
  consumer: '消费者权益保护法@2013-10-25',
  consumerRules: '侵害消费者权益行为处罚办法@2015-01-05',
  drug: '药品管理法@2019-08-26',
  ecommerce: '电子商务法@2018-08-31',
  trademark: '商标法@2019-04-23',
  penalty: '行政处罚法@2021-01-22',
} as const;

export const art = (version: string, label: string) => `${version}#${label}`;

/** 元 → 分 */
export const yuan = (n: number) => n * 100;
/** 万元 → 分 */
export const wan = (n: number) => n * 1_000_000;

export const fen = (f: number): Bound => ({ fen: f });
/** n 倍 of a base (n may be 0.5 …) */
export const times = (base: BaseKind, n: number, capFen?: number): Bound => ({
  base,
  permille: Math.round(n * 1000),
  ...(capFen === undefined ? {} : { capFen }),
});

export const below = (base: BaseKind, f: number): SimpleBranchCondition => ({ kind: 'baseBelow', base, fen: f });
export const atLeast = (base: BaseKind, f: number): SimpleBranchCondition => ({ kind: 'baseAtLeast', base, fen: f });
export const missing = (base: BaseKind): SimpleBranchCondition => ({ kind: 'baseMissing', base });
export const present = (base: BaseKind): SimpleBranchCondition => ({ kind: 'basePresent', base });
export const cond = (id: string): SimpleBranchCondition => ({ kind: 'condition', id });
export const notCond = (id: string): SimpleBranchCondition => ({ kind: 'notCondition', id });
export const anyOf = (...of: SimpleBranchCondition[]): BranchCondition => ({ kind: 'anyOf', of });

export const branch = (id: string, label: string, when: BranchCondition[], min: Bound, max: Bound, articleId: string, text: string): FineBranch => ({
  id,
  label,
  when,
  min,
  max,
  articleId,
  text,
});

export const provide = (
  kind: PenaltyKind,
  mode: 'required' | 'optional',
  articleId: string,
  text: string,
  extra: { onlyIf?: string; branches?: FineBranch[]; reservedTo?: ReservedAuthority } = {},
): PenaltyProvision => ({
  kind,
  mode,
  articleId,
  text,
  onlyIf: extra.onlyIf ?? null,
  ...(extra.branches ? { branches: extra.branches } : {}),
  ...(extra.reservedTo ? { reservedTo: extra.reservedTo } : {}),
});

export const condition = (id: string, label: string, articleId: string): StatutoryCondition => ({ id, label, articleId });

export interface SampleViolation extends Omit<ViolationRule, 'id'> {
  /** the district bureau's benchmark for it */
  benchmark: { tiers: TierRow[]; circumstances: CircumstanceRule[]; exemptions: ExemptionRule[] };
}

/** The circumstances most benchmarks use: the statutory ones of 行政处罚法 and the common discretionary ones. */
export const commonCircumstances = (): CircumstanceRule[] =>
  circumstances(
    'noFault',
    'under14',
    'minor14to18',
    'limitedCapacity',
    'eliminatedHarm',
    'coerced',
    'confessedUnknown',
    'meritorious',
    'mitigationDecided',
    'emergencyViolation',
    'firstOffence',
    'cooperative',
    'smallScale',
    'repeatOffence',
    'seriousHarm',
    'vulnerableTargets',
    'obstruction',
    'minorViolation',
    'correctedPromptly',
    'noHarm',
    'harmSlight',
  );

export const bothExemptions = (articleId?: string): ExemptionRule[] => [minorOffenceExemption(articleId), firstOffenceExemption(articleId)];

/** Penalty kinds that, where the statute only allows them (可以), benchmarks do not impose in the lighter tiers. */
const severeKinds: PenaltyKind[] = [
  'revokeLicence',
  'suspendBusiness',
  'closure',
  'restrictEmployment',
  'lowerQualification',
  'suspendLicence',
  'restrictBusiness',
];

/**
 * Tier rows following RULES.md's convention (从轻 0–30 %, 一般 30–70 %, 从重 70–100 % of the legal range,
 * 减轻 below the minimum), one row per tier × penalty kind; `overrides` replace single rows.
 */
export function conventionTiers(provisions: PenaltyProvision[], overrides: TierRow[] = []): TierRow[] {
  const rows: TierRow[] = [];
  const tiers: DiscretionTier[] = ['mitigatedBelowRange', 'lighter', 'standard', 'heavier'];
  for (const tier of tiers) {
    for (const p of provisions) {
      let spec: TierSpec;
      if (p.kind === 'fine') {
        spec =
          tier === 'mitigatedBelowRange'
            ? { kind: 'belowMinimum', fromPermille: 0, toPermille: 1000 }
            : tier === 'lighter'
              ? { kind: 'share', fromPermille: 0, toPermille: 300 }
              : tier === 'standard'
                ? { kind: 'share', fromPermille: 300, toPermille: 700 }
                : { kind: 'share', fromPermille: 700, toPermille: 1000 };
        const hasZeroMin = (p.branches ?? []).every((b) => 'fen' in b.min && b.min.fen === 0);
        if (tier === 'mitigatedBelowRange' && hasZeroMin) continue;
      } else {
        let mode: ApplyMode = p.mode;
        // a benchmark cannot drop what the statute requires; an optional severe penalty is kept for the heavier tiers
        if (severeKinds.includes(p.kind) && p.mode === 'optional' && (tier === 'lighter' || tier === 'mitigatedBelowRange')) mode = 'none';
        spec = { kind: 'apply', mode };
      }
      rows.push({ tier, kind: p.kind, branch: null, spec, note: null });
    }
  }
  for (const o of overrides) {
    const i = rows.findIndex((r) => r.tier === o.tier && r.kind === o.kind && (r.branch ?? null) === (o.branch ?? null));
    if (i >= 0) rows[i] = o;
    else rows.push(o);
  }
  return rows;
}

export const row = (tier: DiscretionTier, kind: PenaltyKind, spec: TierSpec, branchId: string | null = null, note: string | null = null): TierRow => ({
  tier,
  kind,
  branch: branchId,
  spec,
  note,
});
