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
  CircumstanceForce,
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
  /**
   * Whether this range is mandatory when it applies, where it differs from the provision's mode: e.g.
   * 电子商务法 第八十一条 "可以处二万元以上十万元以下的罚款；情节严重的，处十万元以上五十万元以下的罚款" —
   * the provision is 可以, the 情节严重 branch is 处 (required).
   */
  mode?: 'required' | 'optional' | null;
}

/**
 * A penalty the statute reserves to another authority (e.g. 药品管理法 第一百三十九条 "撤销许可、吊销许可证件的，
 * 由原批准、发证的部门决定"): the bureau does not impose it, it recommends it to that authority.
 */
export interface ReservedAuthority {
  /** the authority as the statute names it, e.g. 原批准、发证的部门 */
  authority: string;
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
  /** decided by another authority: shown as a recommendation to it (建议…), never as the bureau's act */
  reservedTo?: ReservedAuthority | null;
}

/** A statutory condition of the punishing article that selects a branch or enables a penalty (情节严重, 拒不改正 …). */
export interface StatutoryCondition {
  id: string;
  label: string;
  articleId: string;
}

/**
 * The statute as one version of the law reads it: the articles violated and punishing, its conditions
 * and penalties. A violation holds the current version and, for 从旧兼从轻 (行政处罚法 第三十七条), the earlier
 * versions of its punishing articles; which one was in force on a date comes from the law library.
 */
export interface StatuteVersion {
  violates: string[];
  punishes: string[];
  conditions: StatutoryCondition[];
  provisions: PenaltyProvision[];
}

export interface ViolationRule extends StatuteVersion {
  id: string;
  code: string;
  name: string;
  field: string;
  /** earlier versions of the statute (the law version of their punishing articles differs from the current one) */
  earlierStatutes?: StatuteVersion[];
}

/** When a law version was in force (from the law library: effective date to the day before the next version's, or repeal). */
export interface LawVersionPeriod {
  /** law version id, e.g. 农产品质量安全法@2022-09-02 */
  versionId: string;
  from: string;
  /** inclusive; null = still in force */
  to: string | null;
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

/**
 * A 情节 that moves the tier, with the article that makes it one. `kind` is its nature: 法定 (statutory,
 * set by a law) or 酌定 (discretionary, weighed by the body under 行政处罚法 第五条).
 */
export interface CircumstanceRule {
  id: string;
  label: string;
  kind: CircumstanceKind;
  effect: CircumstanceEffect;
  /**
   * For a statutory circumstance: 应当 (must, the default) or 可以 (may, e.g. 行政处罚法 第三十一条 "可以从轻或者减轻").
   * A must-effect cannot be offset by discretionary circumstances; a may-effect is weighed like a discretionary one.
   */
  force?: CircumstanceForce | null;
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
  /** plain official Chinese (it may reach an instrument): no arrows, no machine notation */
  text: string;
  articleIds: string[];
  /** the id of the rule applied at this step (see `discretionRules`), when the step applies one */
  rule?: string;
}

/** The rule that decided the tier: which one, of what nature, with its articles and its statement in official wording. */
export interface DecidingRule {
  /** an id of `discretionRules` (tiers.ts) */
  id: string;
  /** statutory: a law decided it (法定); benchmark: the benchmark's list or circumstances (酌定 weighed by the body) */
  nature: 'statutory' | 'discretionary';
  articleIds: string[];
  text: string;
}

/** A circumstance found present and applicable, as the result shows it. */
export interface AppliedCircumstance {
  id: string;
  label: string;
  nature: CircumstanceKind;
  effect: CircumstanceEffect;
  force: CircumstanceForce;
  articleId: string;
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
  /** set when another authority decides this penalty: the bureau recommends it (建议…) */
  reservedTo?: ReservedAuthority | null;
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
  /** the law version of the punishing articles evaluated (e.g. 农产品质量安全法@2018-10-26) */
  statuteVersion: string;
  tier: DiscretionTier;
  decidingRule: DecidingRule;
  circumstances: AppliedCircumstance[];
  exempt: boolean;
  exemption: { list: ExemptionList | null; label: string; articleId: string } | null;
  branch: { id: string; label: string; articleId: string; text: string } | null;
  legalRange: RangeFen | null;
  penalties: PenaltyRecommendation[];
  trace: TraceStep[];
}
