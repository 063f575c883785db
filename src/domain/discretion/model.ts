/**
 * The data model of violations and discretion benchmarks. Everything here is plain data (stored as
 * JSON, edited in the UI, exchanged as .xlsx); the calculator in calculate.ts reads it.
 *
 * Article ids are law_articles ids (`<source>@<version date>#<label>`): every legal reference is a
 * link to an article version, never free text. The quoted `text` is the statute's own wording.
 */
import type {
  ApplyMode,
  BaseKind,
  CircumstanceEffect,
  CircumstanceKind,
  DiscretionTier,
  ExemptionList,
  PartyType,
  PenaltyKind,
  ThresholdKind,
} from './vocabulary.ts';

/** A bound of a statutory fine: a fixed amount, or a multiple of a base (optionally capped, 最高不超过). */
export type Bound = { fen: number } | { base: BaseKind; permille: number; capFen?: number };

/**
 * When a statutory branch applies. All conditions of a branch must hold; the first branch (in the
 * violation's order) whose conditions hold is the legal range.
 * - baseMissing: the base was not given, is zero, or was declared 无法计算/明显偏低 (`unreliableBases`)
 * - basePresent: the base was given, is above zero and was not declared unreliable
 * - baseBelow / baseAtLeast: the base was given (and not declared unreliable) and is < / ≥ `fen`
 * - condition / notCondition: a statutory condition of the violation (e.g. 情节严重) is / is not present
 */
export type SimpleBranchCondition =
  | { kind: 'baseMissing'; base: BaseKind }
  | { kind: 'basePresent'; base: BaseKind }
  | { kind: 'baseBelow'; base: BaseKind; fen: number }
  | { kind: 'baseAtLeast'; base: BaseKind; fen: number }
  | { kind: 'condition'; id: string }
  | { kind: 'notCondition'; id: string };
/** `anyOf` nests one level ("没有违法经营额或者违法经营额不足五万元"). */
export type BranchCondition = SimpleBranchCondition | { kind: 'anyOf'; of: SimpleBranchCondition[] };

/** One alternative statutory range of a fine, e.g. "货值金额不足一万元的，并处五万元以上十万元以下罚款". */
export interface FineBranch {
  id: string;
  label: string;
  when: BranchCondition[];
  min: Bound;
  max: Bound;
  articleId: string;
  text: string;
}

/** A penalty the punishing article provides. `mode`: 并处/应当 → required, 可以 → optional. */
export interface PenaltyProvision {
  kind: PenaltyKind;
  mode: 'required' | 'optional';
  /** the provision applies only when this statutory condition is present (e.g. 情节严重, 逾期未改正) */
  onlyIf?: string | null;
  articleId: string;
  text: string;
  /** kind 'fine' only: the statutory ranges, tried in order */
  branches?: FineBranch[];
}

/** A statutory condition of the punishing article that selects a branch or enables a penalty (情节严重, 拒不改正 …). */
export interface StatutoryCondition {
  id: string;
  label: string;
  articleId: string;
}

export interface ViolationRule {
  id: string;
  code: string;
  name: string;
  field: string;
  /** the articles it violates / that punish it */
  violates: string[];
  punishes: string[];
  conditions: StatutoryCondition[];
  provisions: PenaltyProvision[];
}

/**
 * How a tier sets a penalty kind:
 * - share: a part of the legal range of the selected branch, in ‰ from its minimum (从轻 = 0–300)
 * - amount: explicit amounts in 分 (must lie inside the legal range)
 * - multiple: explicit multiples of a base, in ‰
 * - belowMinimum: 减轻 — a part of the legal minimum, in ‰ (the upper end is exclusive at 1000)
 * - apply: whether the kind is imposed in this tier (for non-monetary kinds, or to drop a fine)
 */
export type TierSpec =
  | { kind: 'share'; fromPermille: number; toPermille: number }
  | { kind: 'amount'; minFen: number; maxFen: number }
  | { kind: 'multiple'; base: BaseKind; fromPermille: number; toPermille: number }
  | { kind: 'belowMinimum'; fromPermille: number; toPermille: number }
  | { kind: 'apply'; mode: ApplyMode };

/** One clause of a benchmark: violation × tier × penalty kind (× statutory branch, when it differs per branch). */
export interface TierRow {
  tier: DiscretionTier;
  kind: PenaltyKind;
  branch?: string | null;
  spec: TierSpec;
  note?: string | null;
}

/** A 情节 that moves the tier, with the article that makes it one. */
export interface CircumstanceRule {
  id: string;
  label: string;
  kind: CircumstanceKind;
  effect: CircumstanceEffect;
  articleId: string;
  /** for effect noPenalty: penalty kinds that still apply (e.g. 食品安全法 第一百三十六条 — the food is confiscated) */
  keeps?: PenaltyKind[];
  /** only for this party type (e.g. 已满十四周岁不满十八周岁: natural persons) */
  partyType?: PartyType | null;
}

export type ExemptionCondition =
  | { kind: 'circumstance'; id: string }
  | { kind: 'notCircumstance'; id: string }
  | { kind: 'baseAtMost'; base: BaseKind; fen: number }
  | { kind: 'partyType'; partyType: PartyType };

/** An entry of an exemption list (首违不罚 / 轻微不罚): all conditions must hold. */
export interface ExemptionRule {
  list: ExemptionList;
  label: string;
  conditions: ExemptionCondition[];
  articleId: string;
  note?: string | null;
}

export interface BenchmarkRule {
  id: string;
  violationId: string;
  orgId: string;
  validFrom: string;
  validTo: string | null;
  documentTitle: string;
  documentNumber: string;
  tiers: TierRow[];
  circumstances: CircumstanceRule[];
  exemptions: ExemptionRule[];
}

/** 较大数额 per org, dated and cited. */
export interface ThresholdRule {
  id: string;
  orgId: string | null;
  kind: ThresholdKind;
  validFrom: string;
  validTo: string | null;
  naturalPersonFen: number;
  organisationFen: number;
  articleId: string;
  documentNumber?: string | null;
  note: string;
}

export interface CalculationInput {
  violationId: string;
  violationDate: string;
  decisionDate: string;
  partyType: PartyType;
  /** base amounts in 分; absent = unknown */
  bases: Partial<Record<BaseKind, number | null>>;
  /** bases declared 无法计算 or 明显偏低 (the statute's alternative branch applies) */
  unreliableBases?: BaseKind[];
  /** circumstance ids (of the benchmark) and statutory condition ids (of the violation) */
  circumstances: string[];
}

export interface TraceStep {
  step: string;
  text: string;
  articleIds: string[];
}

export interface RangeFen {
  minFen: number;
  maxFen: number;
  /** true when the upper end itself is excluded (减轻: below the legal minimum) */
  upperExclusive?: boolean;
}

export interface PenaltyRecommendation {
  kind: PenaltyKind;
  label: string;
  applies: ApplyMode;
  range: RangeFen | null;
  /** confiscation of illegal gains: the amount, when known */
  amountFen: number | null;
  note: string;
  articleId: string;
}

export interface ThresholdCheck {
  kind: ThresholdKind;
  /** yes: the recommendation crosses it; possible: only its upper end or an optional penalty does */
  crossed: 'yes' | 'possible' | 'no';
  thresholdFen: number;
  ruleId: string;
  source: string;
  articleId: string;
  reasons: string[];
}

export interface Evaluation {
  benchmarkId: string | null;
  tier: DiscretionTier;
  exempt: boolean;
  exemption: { list: ExemptionList | null; label: string; articleId: string } | null;
  branch: { id: string; label: string; articleId: string; text: string } | null;
  legalRange: RangeFen | null;
  penalties: PenaltyRecommendation[];
  trace: TraceStep[];
}
