/**
 * The discretion calculator (自由裁量计算器): violation + facts → tier, recommended range per penalty
 * kind in 分, exemption, thresholds and an explanation trace that cites every rule applied. Pure.
 *
 * Time (行政处罚法 第三十七条 "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，
 * 法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定"): the rules in force on the
 * violation date — the version of the punishing statute (from the law library's periods) and the benchmark —
 * apply; when the statute version or the benchmark in force on the decision date differs and punishes less,
 * those apply (从旧兼从轻). The trace says which version was applied and why.
 * Thresholds and 当场处罚 are procedure: evaluated on the decision date.
 */
import type {
  AppliedCircumstance,
  BenchmarkRule,
  CalculationInput,
  DecidingRule,
  Evaluation,
  LawVersionPeriod,
  StatuteVersion,
  FineBranch,
  RangeFen,
  PenaltyRecommendation,
  ThresholdCheck,
  ThresholdRule,
  TraceStep,
  ViolationRule,
} from './model.ts';
import { formatYuan } from './money.ts';
import { DiscretionInputError, articleText, describeBound, describeCondition, factsOf, selectBranch, usableBase, type Facts } from './statute.ts';
import type { BranchCondition } from './model.ts';
import { checkThreshold, summaryProcedure, thresholdAt, thresholdTrace } from './thresholds.ts';
import { APL, ART_BENCHMARK, circumstancesInPlay, recommendPenalties, selectTier } from './tiers.ts';
import { baseKinds, discretionTiers, type BaseKind, hearingPenaltyKinds, partyTypeIds, tierRank, type DiscretionTier, type PartyType } from './vocabulary.ts';

export const ART_TEMPORAL = `${APL}#第三十七条`;

export interface CalculationData {
  violation: ViolationRule;
  /** benchmarks of this violation adopted by the orgs of the chain */
  benchmarks: BenchmarkRule[];
  /** the deciding org first, then its ancestors up to the root */
  orgChain: string[];
  thresholds: ThresholdRule[];
  orgName?: (id: string) => string;
  /** when the law versions of the violation's statutes were in force (the law library's `lawVersionPeriods`) */
  lawPeriods?: LawVersionPeriod[];
}

export interface CalculationResult {
  violation: { id: string; code: string; name: string };
  tier: DiscretionTier;
  tierLabel: string;
  exempt: boolean;
  exemption: Evaluation['exemption'];
  branch: Evaluation['branch'];
  legalRange: Evaluation['legalRange'];
  penalties: PenaltyRecommendation[];
  benchmark: {
    id: string | null;
    documentNumber: string | null;
    documentTitle: string | null;
    validFrom: string | null;
    validTo: string | null;
    reason: 'inForceAtViolation' | 'laterMoreLenient' | 'none';
  };
  /** the version of the statute applied (从旧兼从轻 compares the versions in force at the two dates) */
  statute: {
    version: string;
    violates: string[];
    punishes: string[];
    atViolation: string;
    atDecision: string;
    reason: 'inForceAtViolation' | 'laterMoreLenient';
  };
  /** the rule that decided the tier, its nature (法定/酌定) and its statement in official wording */
  decidingRule: DecidingRule;
  /** the circumstances found present and applicable, each 法定 or 酌定 */
  circumstances: AppliedCircumstance[];
  /** 减轻处罚 (tier mitigatedBelowRange) and whether on a statutory ground: never 简易程序, always 集体讨论 */
  mitigation: { belowRange: boolean; statutory: boolean; articleIds: string[] };
  /** what the rules in force at the violation date give, when later ones were applied instead */
  superseded: {
    benchmarkId: string | null;
    statuteVersion: string;
    tier: DiscretionTier;
    exempt: boolean;
    fine: { minFen: number; maxFen: number } | null;
  } | null;
  thresholds: { hearing: ThresholdCheck; majorDecision: ThresholdCheck };
  summaryProcedure: ReturnType<typeof summaryProcedure>;
  trace: TraceStep[];
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const inForce = (b: { validFrom: string; validTo: string | null }, date: string) => b.validFrom <= date && (b.validTo === null || date <= b.validTo);

/** The benchmark in force on `date` at the nearest org of the chain that has one. */
export function benchmarkAt(benchmarks: BenchmarkRule[], orgChain: string[], date: string): BenchmarkRule | null {
  for (const org of orgChain) {
    const b = benchmarks.find((x) => x.orgId === org && inForce(x, date));
    if (b) return b;
  }
  return null;
}

function validateInput(input: CalculationInput, data: CalculationData): void {
  const problems: string[] = [];
  if (!isDate(input.violationDate)) problems.push('违法行为发生日期不是有效日期');
  if (!isDate(input.decisionDate)) problems.push('作出处罚决定日期不是有效日期');
  if (!problems.length && input.decisionDate < input.violationDate) problems.push('作出处罚决定日期不能早于违法行为发生日期');
  if (!partyTypeIds.includes(input.partyType as PartyType)) problems.push('当事人类型不正确');
  for (const [k, v] of Object.entries(input.bases)) {
    if (!(k in baseKinds)) problems.push(`未知的计罚基数“${k}”`);
    else if (v !== null && v !== undefined && (!Number.isSafeInteger(v) || v < 0))
      problems.push(`${baseKinds[k as keyof typeof baseKinds]}须为以分计的非负整数`);
  }
  if (problems.length) throw new DiscretionInputError('INPUT_INVALID', problems.join('；'), { problems });
  const known = new Set([
    ...statutesOf(data.violation).flatMap((s) => s.conditions.map((c) => c.id)),
    ...data.benchmarks.flatMap((b) => b.circumstances.map((c) => c.id)),
    ...circumstancesInPlay(null).keys(),
  ]);
  const unknown = input.circumstances.filter((c) => !known.has(c));
  if (unknown.length) throw new DiscretionInputError('UNKNOWN_CIRCUMSTANCE', `该违法行为的裁量基准中没有这些情节：${unknown.join('、')}`, { unknown });
}

/** The statutes of a violation: the current version first, then the earlier ones. */
export const statutesOf = (v: ViolationRule): StatuteVersion[] => [
  { violates: v.violates, punishes: v.punishes, conditions: v.conditions, provisions: v.provisions },
  ...(v.earlierStatutes ?? []),
];
/** `农产品质量安全法@2018-10-26#第五十条` → `农产品质量安全法@2018-10-26` */
export const lawVersionOf = (s: Pick<StatuteVersion, 'punishes'>): string => (s.punishes[0] ?? '').split('#')[0];

/** The version of the statute in force on `date` (the current one when the library gives no period for it). */
export function statuteAt(v: ViolationRule, periods: LawVersionPeriod[], date: string): { statute: StatuteVersion; period: LawVersionPeriod | null } {
  for (const statute of statutesOf(v)) {
    const period = periods.find((p) => p.versionId === lawVersionOf(statute));
    if (period && period.from <= date && (period.to === null || date <= period.to)) return { statute, period };
  }
  return { statute: statutesOf(v)[0], period: null };
}

const cnDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const describeStatute = (s: StatuteVersion, period: LawVersionPeriod | null) => {
  const [source, date] = lawVersionOf(s).split('@');
  return `《${source}》（${cnDay(date)}版本${period ? `，${cnDay(period.from)}起施行${period.to ? `，${cnDay(period.to)}止` : ''}` : ''}）${s.punishes.map((a) => a.split('#')[1]).join('、')}`;
};

/** The whole evaluation under one statute version and one benchmark (or the convention when there is none). */
export function evaluate(
  violationRule: ViolationRule,
  benchmark: BenchmarkRule | null,
  input: CalculationInput,
  f: Facts,
  statute?: StatuteVersion,
): Evaluation {
  const violation: ViolationRule = statute ? { ...violationRule, ...statute } : violationRule;
  const conditionLabel = (id: string) => violation.conditions.find((c) => c.id === id)?.label ?? id;
  const trace: TraceStep[] = [];
  for (const c of violation.conditions) {
    if (f.present.has(c.id)) trace.push({ step: 'condition', text: `认定法定情形“${c.label}”`, articleIds: [c.articleId] });
  }
  const decision = selectTier(benchmark ?? { circumstances: [], exemptions: [] }, f, input.partyType, conditionLabel);
  trace.push(...decision.trace);

  let fine: { branch: FineBranch; legal: RangeFen } | null = null;
  const fineProvision = violation.provisions.find((p) => p.kind === 'fine');
  if (fineProvision && decision.tier !== 'noPenalty' && (!fineProvision.onlyIf || f.present.has(fineProvision.onlyIf))) {
    const branches = fineProvision.branches ?? [];
    const sel = selectBranch(branches, f);
    if (sel) {
      fine = { branch: sel.branch, legal: sel.range };
      const why = sel.branch.when.length ? sel.branch.when.map((c) => describeCondition(c, conditionLabel)).join('且') : '无附加条件';
      const given = Object.entries(input.bases)
        .filter(([, x]) => x !== null && x !== undefined)
        .map(([k, x]) => `${baseKinds[k as BaseKind]} ${formatYuan(x as number)}`);
      const unreliable = (input.unreliableBases ?? []).map((k) => `${baseKinds[k]}无法计算或者明显偏低`);
      trace.push({
        step: 'statute.branch',
        text: `${[...given, ...unreliable].join('，') || '未提供计罚基数'}：适用“${sel.branch.label}”（${why}），法定罚款幅度 ${describeBound(sel.branch.min)}以上${describeBound(sel.branch.max)}以下，即 ${formatYuan(sel.range.minFen)}至${formatYuan(sel.range.maxFen)}。原文：“${sel.branch.text}”`,
        articleIds: [sel.branch.articleId],
      });
    } else {
      // no branch applies: because a base is unknown (ask for it), or because no statutory condition of a fine is present
      const unknown = [...new Set(branches.flatMap((br) => br.when.flatMap(baseRefs)).filter((k) => usableBase(f, k) === null))];
      if (unknown.length)
        throw new DiscretionInputError('BASE_REQUIRED', `须以${unknown.map((k) => baseKinds[k]).join('、')}确定法定罚款幅度，请填写该金额`, {
          bases: unknown.map((k) => baseKinds[k]),
        });
      trace.push({
        step: 'statute.branch',
        text: `不具有法定罚款幅度的适用情形（${branches.map((br) => br.label).join('；')}），不予罚款`,
        articleIds: [fineProvision.articleId],
      });
    }
  }
  const rec = recommendPenalties({ violation, benchmark, decision, facts: f, fine });
  trace.push(...rec.trace);
  return {
    benchmarkId: benchmark?.id ?? null,
    statuteVersion: lawVersionOf(violation),
    tier: decision.tier,
    decidingRule: decision.decidingRule,
    circumstances: decision.circumstances,
    exempt: decision.exempt,
    exemption: decision.exemption,
    branch: fine ? { id: fine.branch.id, label: fine.branch.label, articleId: fine.branch.articleId, text: fine.branch.text } : null,
    legalRange: fine?.legal ?? null,
    penalties: rec.penalties,
    trace,
  };
}

const baseRefs = (c: BranchCondition): BaseKind[] => (c.kind === 'anyOf' ? c.of.flatMap(baseRefs) : 'base' in c ? [c.base] : []);

/** Severity as a comparable key: exemption, fine upper and lower ends, heavy kinds, tier. */
function severity(e: Evaluation): number[] {
  const fine = e.penalties.find((p) => p.kind === 'fine' && p.applies !== 'none');
  const heavy = e.penalties.filter((p) => p.applies !== 'none' && hearingPenaltyKinds.includes(p.kind)).length;
  return [e.exempt ? 0 : 1, fine?.range?.maxFen ?? 0, fine?.range?.minFen ?? 0, heavy, tierRank[e.tier]];
}
export const lessSevere = (a: Evaluation, b: Evaluation): boolean => {
  const x = severity(a);
  const y = severity(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
};

const describeBenchmark = (b: BenchmarkRule | null) =>
  b
    ? `《${b.documentTitle}》（${b.documentNumber}，${b.validFrom} 起${b.validTo ? `至 ${b.validTo}` : ''}）`
    : '无适用的裁量基准（按通行划分：从轻为法定幅度下 30%，一般为 30%–70%，从重为上 30%）';

export function calculateDiscretion(input: CalculationInput, data: CalculationData): CalculationResult {
  validateInput(input, data);
  const v = data.violation;
  const f = factsOf(input);
  const orgName = data.orgName ?? ((id: string) => id);
  const periods = data.lawPeriods ?? [];
  const statuteOld = statuteAt(v, periods, input.violationDate);
  const statuteNew = statuteAt(v, periods, input.decisionDate);
  const head: TraceStep[] = [
    {
      step: 'violation',
      text: `违法行为“${v.name}”（${v.code}）：违反${statuteOld.statute.violates.map(articleText).join('、')}，依据${statuteOld.statute.punishes.map(articleText).join('、')}处罚`,
      articleIds: [...statuteOld.statute.violates, ...statuteOld.statute.punishes],
    },
  ];
  const statuteChanged = lawVersionOf(statuteOld.statute) !== lawVersionOf(statuteNew.statute);
  if (statuteChanged || (v.earlierStatutes ?? []).length) {
    head.push({
      step: 'statute.atViolation',
      text: `违法行为发生日 ${input.violationDate} 施行的处罚依据：${describeStatute(statuteOld.statute, statuteOld.period)}`,
      articleIds: [...statuteOld.statute.punishes, ART_TEMPORAL],
    });
  }

  const old = benchmarkAt(data.benchmarks, data.orgChain, input.violationDate);
  const later = benchmarkAt(data.benchmarks, data.orgChain, input.decisionDate);
  head.push({
    step: 'benchmark.atViolation',
    text: `违法行为发生日 ${input.violationDate} 施行的裁量基准：${describeBenchmark(old)}`,
    articleIds: [ART_BENCHMARK, ART_TEMPORAL],
  });
  const evalOld = evaluate(v, old, input, f, statuteOld.statute);
  let applied = evalOld;
  let reason: CalculationResult['benchmark']['reason'] = old ? 'inForceAtViolation' : 'none';
  let statuteReason: CalculationResult['statute']['reason'] = 'inForceAtViolation';
  let appliedBenchmark = old;
  let appliedStatute = statuteOld.statute;
  let superseded: CalculationResult['superseded'] = null;
  const temporal: TraceStep[] = [];
  const benchmarkChanged = (later?.id ?? null) !== (old?.id ?? null);
  if (benchmarkChanged || statuteChanged) {
    const evalNew = evaluate(v, later, input, f, statuteNew.statute);
    const newer = lessSevere(evalNew, evalOld);
    const what = statuteChanged && benchmarkChanged ? '处罚依据和裁量基准' : statuteChanged ? '处罚依据' : '裁量基准';
    const rulesNew = [
      statuteChanged ? describeStatute(statuteNew.statute, statuteNew.period) : '',
      benchmarkChanged ? `裁量基准${describeBenchmark(later)}` : '',
    ]
      .filter(Boolean)
      .join('，');
    temporal.push({
      step: statuteChanged ? 'statute.fromOldOrLighter' : 'benchmark.fromOldOrLighter',
      text:
        `作出处罚决定日 ${input.decisionDate} 施行的${what}已经修改：${rulesNew}。按新的规定计算为${discretionTiers[evalNew.tier]}${fineText(evalNew)}；按违法行为发生时的规定计算为${discretionTiers[evalOld.tier]}${fineText(evalOld)}。` +
        (newer
          ? `新的规定处罚较轻，依照《行政处罚法》第三十七条的规定，适用新的规定`
          : `新的规定处罚不轻于违法行为发生时的规定，依照《行政处罚法》第三十七条的规定，适用违法行为发生时的规定`),
      articleIds: [...new Set([ART_TEMPORAL, ...(statuteChanged ? [...statuteOld.statute.punishes, ...statuteNew.statute.punishes] : [])])],
      rule: newer ? 'temporal.newerLighter' : 'temporal.atViolation',
    });
    if (newer) {
      superseded = {
        benchmarkId: old?.id ?? null,
        statuteVersion: evalOld.statuteVersion,
        tier: evalOld.tier,
        exempt: evalOld.exempt,
        fine: fineRangeOf(evalOld),
      };
      applied = evalNew;
      appliedBenchmark = later;
      appliedStatute = statuteNew.statute;
      if (statuteChanged) statuteReason = 'laterMoreLenient';
      reason = later ? (benchmarkChanged ? 'laterMoreLenient' : 'inForceAtViolation') : 'none';
    }
  }

  const hearingRule = thresholdAt(data.thresholds, data.orgChain, 'hearing', input.decisionDate);
  const majorRule = thresholdAt(data.thresholds, data.orgChain, 'majorDecision', input.decisionDate);
  const hearing = checkThreshold(hearingRule, input.partyType, applied.penalties, orgName);
  const majorDecision = checkThreshold(majorRule, input.partyType, applied.penalties, orgName);
  const summary = summaryProcedure(input.partyType, applied.penalties, applied.exempt, applied.tier);
  const tail: TraceStep[] = [
    thresholdTrace(hearing, input.partyType),
    thresholdTrace(majorDecision, input.partyType),
    { step: 'summaryProcedure', text: `简易程序：${summary.reason}`, articleIds: [summary.articleId] },
  ];
  const belowRange = applied.tier === 'mitigatedBelowRange';

  return {
    violation: { id: v.id, code: v.code, name: v.name },
    tier: applied.tier,
    tierLabel: discretionTiers[applied.tier],
    exempt: applied.exempt,
    exemption: applied.exemption,
    branch: applied.branch,
    legalRange: applied.legalRange,
    penalties: applied.penalties,
    benchmark: {
      id: appliedBenchmark?.id ?? null,
      documentNumber: appliedBenchmark?.documentNumber ?? null,
      documentTitle: appliedBenchmark?.documentTitle ?? null,
      validFrom: appliedBenchmark?.validFrom ?? null,
      validTo: appliedBenchmark?.validTo ?? null,
      reason,
    },
    statute: {
      version: lawVersionOf(appliedStatute),
      violates: appliedStatute.violates,
      punishes: appliedStatute.punishes,
      atViolation: lawVersionOf(statuteOld.statute),
      atDecision: lawVersionOf(statuteNew.statute),
      reason: statuteReason,
    },
    decidingRule: applied.decidingRule,
    circumstances: applied.circumstances,
    mitigation: {
      belowRange,
      statutory: belowRange && applied.decidingRule.nature === 'statutory',
      articleIds: belowRange ? applied.decidingRule.articleIds : [],
    },
    superseded,
    thresholds: { hearing, majorDecision },
    summaryProcedure: summary,
    trace: [...head, ...temporal, ...applied.trace, ...tail],
  };
}

function fineRangeOf(e: Evaluation): { minFen: number; maxFen: number } | null {
  const fine = e.penalties.find((p) => p.kind === 'fine' && p.applies !== 'none');
  return fine?.range ? { minFen: fine.range.minFen, maxFen: fine.range.maxFen } : null;
}
function fineText(e: Evaluation): string {
  if (e.exempt) return '（不予处罚）';
  const r = fineRangeOf(e);
  return r ? `（罚款 ${formatYuan(r.minFen)}至${formatYuan(r.maxFen)}）` : '';
}
