/**
 * Which tier the circumstances select, and the recommended sub-range of each penalty kind in that tier.
 *
 * Statutory effects come before benchmark tiers (the rules, in order, are `discretionRules` below; each
 * trace step names the rule it applied):
 *  1. 行政处罚法 第三十三条 第一款 第一句 (违法行为轻微并及时改正，没有造成危害后果) → 不予处罚, listed or not;
 *  2. a statutory no-penalty circumstance (第三十条, 第三十一条, 第三十三条 第二款, 商标法 第六十条 …) → 不予处罚;
 *  3. an entry of the benchmark's exemption lists (首违不罚: 第三十三条 第一款 第二句 "可以不予") → 不予处罚,
 *     except that a 首违不罚 entry does not set aside a statutory 应当从重;
 *  4. a circumstance with effect mitigate (减轻, decided on a statutory ground) → 减轻处罚;
 *  5. statutory 应当 circumstances: 应当从轻或者减轻 (第三十条, 第三十二条) → 从轻, 应当从重 (第四十九条,
 *     商标法 第六十条, 药品管理法 第一百三十七条) → 从重; discretionary circumstances cannot cancel them; when both
 *     kinds are present they are weighed against each other;
 *  6. otherwise the discretionary circumstances (and statutory 可以 ones) are weighed (第五条): more lighter →
 *     从轻, more heavier → 从重, as many (or none) → 一般.
 */
import { forceOf, lawCircumstanceById, lawCircumstances, minorOffenceFacts } from './circumstances.ts';
import type {
  AppliedCircumstance,
  BenchmarkRule,
  CircumstanceRule,
  DecidingRule,
  ExemptionCondition,
  ExemptionRule,
  FineBranch,
  PenaltyProvision,
  PenaltyRecommendation,
  RangeFen,
  TierRow,
  TierSpec,
  TraceStep,
  ViolationRule,
} from './model.ts';
import { formatPercent, formatPermille, formatYuan, mulDiv } from './money.ts';
import { DiscretionInputError, articleText, usableBase, type Facts } from './statute.ts';
import {
  applyModes,
  baseKinds,
  APL,
  circumstanceEffects,
  circumstanceForces,
  circumstanceKinds,
  discretionTiers,
  exemptionLists,
  partyTypes,
  penaltyKinds,
  type ApplyMode,
  type DiscretionTier,
  type PartyType,
  type PenaltyKind,
} from './vocabulary.ts';

export { APL };
export const ART_BENCHMARK = `${APL}#第三十四条`;
export const ART_LIGHTER_MITIGATE = `${APL}#第三十二条`;
export const ART_NO_PENALTY = `${APL}#第三十三条`;
export const ART_PROPORTIONALITY = `${APL}#第五条`;

/** The split of RULES.md "Discretion benchmark convention" (国办发〔2022〕27号 practice), in ‰ of the legal range. */
export const conventionShares = { lighter: [0, 300], standard: [300, 700], heavier: [700, 1000] } as const;

/** The rules that decide the tier, in the order they are tried: the 规则目录 lists them with their articles. */
export const discretionRules = {
  'statute.minorNoPenalty': {
    label: '轻微不罚（法定）',
    nature: 'statutory',
    articleIds: [ART_NO_PENALTY],
    statement: '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。不论裁量基准是否列入，均适用。',
  },
  'statute.noPenalty': {
    label: '法定不予处罚情形',
    nature: 'statutory',
    articleIds: [`${APL}#第三十条`, `${APL}#第三十一条`, ART_NO_PENALTY],
    statement: '具有法律规定不予行政处罚情形的（如不满十四周岁、没有主观过错），不予行政处罚。',
  },
  'benchmark.exemptionList': {
    label: '免罚清单',
    nature: 'discretionary',
    articleIds: [ART_NO_PENALTY],
    statement: '符合裁量基准免罚清单所列条件的，依法不予行政处罚；但法律规定应当从重处罚的，不适用首违不罚清单。',
  },
  'discretion.noPenalty': {
    label: '基准规定的不予处罚情节',
    nature: 'discretionary',
    articleIds: [ART_NO_PENALTY],
    statement: '具有裁量基准规定的不予处罚情节的，不予行政处罚。',
  },
  mitigation: {
    label: '减轻处罚',
    nature: 'statutory',
    articleIds: [ART_LIGHTER_MITIGATE],
    statement: '具有从轻或者减轻处罚情节，经决定减轻处罚的，在法定最低限度以下处罚。',
  },
  'statute.lighter': {
    label: '法定应当从轻或者减轻',
    nature: 'statutory',
    articleIds: [`${APL}#第三十条`, ART_LIGHTER_MITIGATE],
    statement: '具有法律规定应当从轻或者减轻行政处罚情形的，至少从轻处罚；酌定从重情节不能抵消。',
  },
  'statute.heavier': {
    label: '法定应当从重',
    nature: 'statutory',
    articleIds: [`${APL}#第四十九条`],
    statement: '具有法律规定应当从重处罚情形的（如商标法第六十条、药品管理法第一百三十七条），在法定幅度内从重处罚；酌定从轻情节不能抵消。',
  },
  'statute.weighed': {
    label: '法定从轻与法定从重并存',
    nature: 'statutory',
    articleIds: [ART_LIGHTER_MITIGATE, ART_PROPORTIONALITY],
    statement: '同时具有法律规定应当从轻或者减轻和应当从重情形的，综合考虑后确定处罚阶次。',
  },
  'discretion.weighed': {
    label: '酌定情节综合考量',
    nature: 'discretionary',
    articleIds: [ART_PROPORTIONALITY],
    statement:
      '只有酌定情节（或者法律规定可以从轻的情形）的，综合考虑违法行为的事实、性质、情节以及社会危害程度，从轻情节多的从轻处罚，从重情节多的从重处罚，相当或者没有的给予一般处罚。',
  },
  'statute.requiredPenalty': {
    label: '法定应当给予的处罚',
    nature: 'statutory',
    articleIds: [],
    statement:
      '法律规定应当（并处）给予的处罚，或者法律对某一情形规定必须适用的罚款幅度（如电子商务法第八十一条“情节严重的，处十万元以上五十万元以下的罚款”），在从轻、一般、从重阶次中必须适用，裁量基准不能免除或者改为可以适用。',
  },
  'statute.reservedPenalty': {
    label: '由其他机关决定的处罚',
    nature: 'statutory',
    articleIds: [],
    statement: '法律规定由其他机关决定的处罚（如药品管理法第一百三十九条：吊销许可证件由原批准、发证的部门决定），本机关不作出，只向该机关提出建议。',
  },
} as const satisfies Record<string, { label: string; nature: 'statutory' | 'discretionary'; articleIds: string[]; statement: string }>;
export type DiscretionRuleId = keyof typeof discretionRules;

export interface TierDecision {
  tier: DiscretionTier;
  exempt: boolean;
  exemption: { list: ExemptionRule['list'] | null; label: string; articleId: string } | null;
  keeps: PenaltyKind[];
  decidingRule: DecidingRule;
  circumstances: AppliedCircumstance[];
  trace: TraceStep[];
}

function exemptionConditionHolds(c: ExemptionCondition, f: Facts, partyType: PartyType): boolean {
  switch (c.kind) {
    case 'circumstance':
      return f.present.has(c.id);
    case 'notCircumstance':
      return !f.present.has(c.id);
    case 'baseAtMost': {
      const v = usableBase(f, c.base);
      return v !== null && v <= c.fen;
    }
    case 'partyType':
      return partyType === c.partyType;
  }
}

export function describeExemptionCondition(c: ExemptionCondition, label: (id: string) => string): string {
  switch (c.kind) {
    case 'circumstance':
      return `具有“${label(c.id)}”`;
    case 'notCircumstance':
      return `不具有“${label(c.id)}”`;
    case 'baseAtMost':
      return `${baseKinds[c.base]}不超过${formatYuan(c.fen)}`;
    case 'partyType':
      return `当事人为${partyTypes[c.partyType]}`;
  }
}

/**
 * The circumstances in play for a benchmark: its own, plus the ones 行政处罚法 sets whether listed or not; a
 * listed statutory one keeps the benchmark's label but the law's nature, effect, force and article.
 */
export function circumstancesInPlay(b: Pick<BenchmarkRule, 'circumstances'> | null): Map<string, CircumstanceRule> {
  const out = new Map<string, CircumstanceRule>(lawCircumstances.map((c) => [c.id, c]));
  for (const c of b?.circumstances ?? []) {
    const law = lawCircumstanceById.get(c.id);
    out.set(c.id, law ? { ...law, label: c.label } : c);
  }
  return out;
}

const quoted = (cs: { label: string }[]) => cs.map((c) => `“${c.label}”`).join('');
const articlesOf = (cs: { articleId: string }[]) => [...new Set(cs.map((c) => c.articleId))];
const citeText = (ids: string[]) => ids.map(articleText).join('、');

/** Selects the tier from the circumstances present, following `discretionRules` in order. */
export function selectTier(
  b: Pick<BenchmarkRule, 'circumstances' | 'exemptions'>,
  f: Facts,
  partyType: PartyType,
  conditionLabel: (id: string) => string,
): TierDecision {
  const trace: TraceStep[] = [];
  const byId = circumstancesInPlay(b);
  const label = (id: string) => byId.get(id)?.label ?? conditionLabel(id);
  const applicable: CircumstanceRule[] = [];
  for (const id of f.present) {
    const c = byId.get(id);
    if (!c) continue;
    if (c.partyType && c.partyType !== partyType) {
      trace.push({ step: 'circumstance.notApplicable', text: `情节“${c.label}”仅适用于${partyTypes[c.partyType]}，本案不适用`, articleIds: [c.articleId] });
      continue;
    }
    applicable.push(c);
    const force = forceOf(c);
    const effect =
      c.effect === 'fact' ? circumstanceEffects.fact : `${c.kind === 'statutory' ? circumstanceForces[force] : '可以'}${circumstanceEffects[c.effect]}`;
    trace.push({ step: 'circumstance', text: `认定情节“${c.label}”（${circumstanceKinds[c.kind]}，${effect}）`, articleIds: [c.articleId] });
  }
  const applied: AppliedCircumstance[] = applicable.map((c) => ({
    id: c.id,
    label: c.label,
    nature: c.kind,
    effect: c.effect,
    force: forceOf(c),
    articleId: c.articleId,
  }));
  const decide = (
    tier: DiscretionTier,
    rule: DiscretionRuleId,
    articleIds: string[],
    text: string,
    extra: Partial<TierDecision> = {},
    nature: DecidingRule['nature'] = discretionRules[rule].nature,
  ): TierDecision => {
    const decidingRule: DecidingRule = { id: rule, nature, articleIds: [...new Set(articleIds)], text };
    trace.push({ step: 'tier', text, articleIds: decidingRule.articleIds, rule });
    return { tier, exempt: false, exemption: null, keeps: [], decidingRule, circumstances: applied, trace, ...extra };
  };
  const mustHeavier = applicable.filter((c) => c.kind === 'statutory' && forceOf(c) === 'must' && c.effect === 'heavier');

  // 1. 第三十三条 第一款 第一句, whether or not the benchmark lists it
  if (minorOffenceFacts.every((id) => f.present.has(id))) {
    return decide(
      'noPenalty',
      'statute.minorNoPenalty',
      [ART_NO_PENALTY],
      '当事人违法行为轻微并及时改正，没有造成危害后果，依照《行政处罚法》第三十三条第一款的规定，不予行政处罚，并对当事人进行教育',
      { exempt: true, exemption: { list: 'minorOffenceExemption', label: '违法行为轻微并及时改正，没有造成危害后果', articleId: ART_NO_PENALTY } },
    );
  }

  // 2. a statutory no-penalty circumstance
  const statutoryNoPenalty = applicable.find((c) => c.effect === 'noPenalty' && c.kind === 'statutory');
  if (statutoryNoPenalty) return noPenaltyBy(statutoryNoPenalty, 'statute.noPenalty');

  // 3. the benchmark's exemption lists
  for (const e of b.exemptions) {
    const results = e.conditions.map((c) => ({ c, ok: exemptionConditionHolds(c, f, partyType) }));
    const ok = results.every((r) => r.ok);
    const detail = results.map((r) => `${describeExemptionCondition(r.c, label)}${r.ok ? '（满足）' : '（不满足）'}`).join('；');
    const blocked = ok && e.list === 'firstOffenceExemption' && mustHeavier.length > 0;
    trace.push({
      step: 'exemption',
      text: `${exemptionLists[e.list]}清单“${e.label}”：${detail}，${blocked ? `但具有法定应当从重处罚情形${quoted(mustHeavier)}，不适用` : ok ? '适用' : '不适用'}`,
      articleIds: [e.articleId],
    });
    if (ok && !blocked) {
      return decide(
        'noPenalty',
        'benchmark.exemptionList',
        [e.articleId, ART_NO_PENALTY],
        `当事人${e.label}，符合${exemptionLists[e.list]}清单，依照${citeText([...new Set([e.articleId, ART_NO_PENALTY])])}的规定，不予行政处罚，并对当事人进行教育`,
        { exempt: true, exemption: { list: e.list, label: e.label, articleId: e.articleId } },
      );
    }
  }
  const discretionaryNoPenalty = applicable.find((c) => c.effect === 'noPenalty');
  if (discretionaryNoPenalty) return noPenaltyBy(discretionaryNoPenalty, 'discretion.noPenalty');

  // 4. 减轻
  const mitigate = applicable.filter((c) => c.effect === 'mitigate');
  if (mitigate.length) {
    const grounds = applicable.filter((c) => c.effect === 'lighterOrMitigate');
    return decide(
      'mitigatedBelowRange',
      'mitigation',
      [...articlesOf(mitigate), ...articlesOf(grounds), ART_LIGHTER_MITIGATE],
      `当事人${grounds.length ? `具有${quoted(grounds)}情形，` : ''}${quoted(mitigate)}，依照${citeText([...new Set([...articlesOf(grounds), ...articlesOf(mitigate), ART_LIGHTER_MITIGATE])])}的规定，减轻行政处罚`,
      {},
      mitigate.some((c) => c.kind === 'statutory') || grounds.some((c) => c.kind === 'statutory') ? 'statutory' : 'discretionary',
    );
  }

  // 5. statutory 应当 effects
  const mustLighter = applicable.filter((c) => c.kind === 'statutory' && forceOf(c) === 'must' && (c.effect === 'lighter' || c.effect === 'lighterOrMitigate'));
  const weighedLighter = applicable.filter((c) => !mustLighter.includes(c) && (c.effect === 'lighter' || c.effect === 'lighterOrMitigate'));
  const weighedHeavier = applicable.filter((c) => !mustHeavier.includes(c) && c.effect === 'heavier');
  if (mustLighter.length && !mustHeavier.length) {
    const aside = weighedHeavier.length ? `；当事人虽有${quoted(weighedHeavier)}情节，但不影响依法从轻处罚` : '';
    return decide(
      'lighter',
      'statute.lighter',
      articlesOf(mustLighter),
      `当事人具有${quoted(mustLighter)}情形，依照${citeText(articlesOf(mustLighter))}的规定，应当从轻或者减轻行政处罚，决定从轻处罚${aside}`,
    );
  }
  if (mustHeavier.length && !mustLighter.length) {
    const aside = weighedLighter.length ? `；当事人虽有${quoted(weighedLighter)}情节，但不影响依法从重处罚` : '';
    return decide(
      'heavier',
      'statute.heavier',
      articlesOf(mustHeavier),
      `当事人具有${quoted(mustHeavier)}情形，依照${citeText(articlesOf(mustHeavier))}的规定，应当从重处罚，决定在法定幅度内从重处罚${aside}`,
    );
  }
  if (mustHeavier.length && mustLighter.length) {
    const net = mustLighter.length - mustHeavier.length;
    const tier: DiscretionTier = net > 0 ? 'lighter' : net < 0 ? 'heavier' : 'standard';
    return decide(
      tier,
      'statute.weighed',
      [...articlesOf(mustLighter), ...articlesOf(mustHeavier), ART_PROPORTIONALITY],
      `当事人同时具有应当从轻或者减轻处罚的${quoted(mustLighter)}情形和应当从重处罚的${quoted(mustHeavier)}情形，综合考虑违法行为的事实、性质、情节以及社会危害程度，${tier === 'standard' ? '给予一般处罚' : `决定${discretionTiers[tier]}`}`,
    );
  }

  // 6. the discretionary circumstances weighed
  const net = weighedLighter.length - weighedHeavier.length;
  const tier: DiscretionTier = net > 0 ? 'lighter' : net < 0 ? 'heavier' : 'standard';
  const parts = [weighedLighter.length ? `${quoted(weighedLighter)}从轻情节` : '', weighedHeavier.length ? `${quoted(weighedHeavier)}从重情节` : '']
    .filter(Boolean)
    .join('和');
  const text = parts
    ? `当事人具有${parts}，综合考虑违法行为的事实、性质、情节以及社会危害程度，依照《行政处罚法》第五条的规定，${tier === 'standard' ? '给予一般处罚' : `决定${discretionTiers[tier]}`}`
    : '当事人没有从轻、减轻或者从重处罚情节，给予一般处罚';
  return decide(tier, 'discretion.weighed', [...articlesOf([...weighedLighter, ...weighedHeavier]), ART_PROPORTIONALITY], text);

  function noPenaltyBy(c: CircumstanceRule, rule: DiscretionRuleId): TierDecision {
    const keeps = c.keeps ?? [];
    return decide(
      'noPenalty',
      rule,
      [c.articleId],
      `当事人具有“${c.label}”情形，依照${articleText(c.articleId)}的规定，不予行政处罚${keeps.length ? `，但仍应${keeps.map((k) => penaltyKinds[k]).join('、')}` : ''}`,
      { exempt: true, exemption: { list: null, label: c.label, articleId: c.articleId }, keeps },
    );
  }
}

/** The convention's spec when a benchmark has no row for (tier, kind). */
export function conventionSpec(tier: DiscretionTier, p: Pick<PenaltyProvision, 'kind' | 'mode'>): TierSpec {
  if (tier === 'noPenalty') return { kind: 'apply', mode: 'none' };
  if (p.kind !== 'fine') return { kind: 'apply', mode: p.mode };
  if (tier === 'mitigatedBelowRange') return { kind: 'belowMinimum', fromPermille: 0, toPermille: 1000 };
  const [from, to] = conventionShares[tier];
  return { kind: 'share', fromPermille: from, toPermille: to };
}

/** The benchmark row for (tier, kind, branch): a branch-specific row wins over a general one. */
export function findRow(rows: TierRow[], tier: DiscretionTier, kind: PenaltyKind, branchId: string | null): TierRow | null {
  const candidates = rows.filter((r) => r.tier === tier && r.kind === kind);
  return candidates.find((r) => r.branch && r.branch === branchId) ?? candidates.find((r) => !r.branch) ?? null;
}

export function describeSpec(s: TierSpec): string {
  switch (s.kind) {
    case 'share':
      return `法定幅度自下限起 ${formatPercent(s.fromPermille)}–${formatPercent(s.toPermille)}`;
    case 'amount':
      return `${formatYuan(s.minFen)}至${formatYuan(s.maxFen)}`;
    case 'multiple':
      return `${baseKinds[s.base]}${formatPermille(s.fromPermille)}倍至${formatPermille(s.toPermille)}倍`;
    case 'belowMinimum':
      return `法定最低额的 ${formatPercent(s.fromPermille)}–${formatPercent(s.toPermille)}${s.toPermille >= 1000 ? '（不含最低额）' : ''}`;
    case 'apply':
      return applyModes[s.mode];
  }
}

const clamp = (r: RangeFen, legal: RangeFen): { range: RangeFen; clamped: boolean } => {
  const minFen = Math.min(Math.max(r.minFen, legal.minFen), legal.maxFen);
  const maxFen = Math.max(Math.min(r.maxFen, legal.maxFen), minFen);
  return { range: { minFen, maxFen }, clamped: minFen !== r.minFen || maxFen !== r.maxFen };
};

/** The fine range a spec gives inside (or, for 减轻, below) the legal range. */
export function fineRange(spec: TierSpec, legal: RangeFen, f: Facts, tier: DiscretionTier): { range: RangeFen | null; note: string } {
  const span = legal.maxFen - legal.minFen;
  switch (spec.kind) {
    case 'share':
      return {
        range: { minFen: legal.minFen + mulDiv(span, spec.fromPermille, 1000, 'floor'), maxFen: legal.minFen + mulDiv(span, spec.toPermille, 1000, 'floor') },
        note: describeSpec(spec),
      };
    case 'amount': {
      // 减轻 lies below the legal minimum: its explicit amounts are kept under it, the other tiers inside the range
      const bounds = tier === 'mitigatedBelowRange' ? { minFen: 0, maxFen: legal.minFen } : legal;
      const c = clamp({ minFen: spec.minFen, maxFen: spec.maxFen }, bounds);
      return { range: c.range, note: `${describeSpec(spec)}${c.clamped ? '（超出法定幅度的部分已按法定幅度截取）' : ''}` };
    }
    case 'multiple': {
      const v = usableBase(f, spec.base);
      if (v === null)
        throw new DiscretionInputError('BASE_REQUIRED', `本阶次罚款以${baseKinds[spec.base]}的倍数计算，请填写${baseKinds[spec.base]}`, {
          bases: [baseKinds[spec.base]],
        });
      const c = clamp({ minFen: mulDiv(v, spec.fromPermille, 1000, 'ceil'), maxFen: mulDiv(v, spec.toPermille, 1000, 'floor') }, legal);
      return { range: c.range, note: `${describeSpec(spec)}${c.clamped ? '（超出法定幅度的部分已按法定幅度截取）' : ''}` };
    }
    case 'belowMinimum':
      if (legal.minFen === 0) return { range: null, note: '法定罚款没有下限，减轻处罚即不予罚款或者选择较轻的处罚种类' };
      return {
        range: {
          minFen: mulDiv(legal.minFen, spec.fromPermille, 1000, 'floor'),
          maxFen: mulDiv(legal.minFen, spec.toPermille, 1000, 'floor'),
          upperExclusive: spec.toPermille >= 1000,
        },
        note: describeSpec(spec),
      };
    case 'apply': {
      if (spec.mode === 'none') return { range: null, note: '本阶次不予罚款' };
      const conv = conventionSpec(tier, { kind: 'fine', mode: spec.mode });
      return conv.kind === 'apply' ? { range: null, note: applyModes[spec.mode] } : fineRange(conv, legal, f, tier);
    }
  }
}

export interface RecommendInput {
  violation: ViolationRule;
  benchmark: BenchmarkRule | null;
  decision: TierDecision;
  facts: Facts;
  /** the selected statutory branch for the fine and its legal range (null: no fine provision in play) */
  fine: { branch: FineBranch; legal: RangeFen } | null;
}

/**
 * A penalty the statute requires (应当/并处, or a mandatory range such as 电子商务法 第八十一条 "情节严重的，处十万元以上
 * 五十万元以下的罚款") is required in the tiers 从轻, 一般 and 从重 whatever the benchmark row says: a benchmark cannot
 * make it optional or drop it. 减轻 may choose a lighter kind, and 不予处罚 imposes nothing.
 */
export function statuteFirst(statutory: ApplyMode, benchmark: ApplyMode, tier: DiscretionTier): { applies: ApplyMode; overridden: boolean } {
  const bound = tier === 'lighter' || tier === 'standard' || tier === 'heavier';
  if (bound && statutory === 'required' && benchmark !== 'required') return { applies: 'required', overridden: true };
  return { applies: benchmark, overridden: false };
}

/** The recommendation per penalty kind the punishing article provides, with a trace step each. */
export function recommendPenalties(r: RecommendInput): { penalties: PenaltyRecommendation[]; trace: TraceStep[] } {
  const penalties: PenaltyRecommendation[] = [];
  const trace: TraceStep[] = [];
  const conditionLabel = (id: string) => r.violation.conditions.find((c) => c.id === id)?.label ?? id;
  const { tier } = r.decision;
  for (const p of r.violation.provisions) {
    const label = penaltyKinds[p.kind];
    const base = { kind: p.kind, label, articleId: p.articleId, amountFen: null as number | null };
    if (p.onlyIf && !r.facts.present.has(p.onlyIf)) {
      penalties.push({ ...base, applies: 'none', range: null, note: `须具有“${conditionLabel(p.onlyIf)}”情形` });
      trace.push({ step: 'penalty', text: `${label}：法律规定“${conditionLabel(p.onlyIf)}”时适用，本案不具有该情形，不适用`, articleIds: [p.articleId] });
      continue;
    }
    if (tier === 'noPenalty') {
      const kept = r.decision.keeps.includes(p.kind);
      const applies: ApplyMode = kept ? p.mode : 'none';
      penalties.push({ ...base, applies, range: null, amountFen: null, note: kept ? '不予处罚情节不免除此项' : '不予处罚' });
      if (kept) trace.push({ step: 'penalty', text: `${label}：${applyModes[applies]}（不予处罚情节不免除此项）`, articleIds: [p.articleId] });
      continue;
    }
    const row = r.benchmark ? findRow(r.benchmark.tiers, tier, p.kind, r.fine?.branch.id ?? null) : null;
    const spec = row?.spec ?? conventionSpec(tier, p);
    const source = row ? '裁量基准' : '通行划分（基准未作规定）';
    const specCites = row ? [] : [ART_BENCHMARK];
    if (p.kind === 'fine') {
      if (!r.fine) {
        penalties.push({ ...base, applies: 'none', range: null, note: '不具有法定罚款幅度的适用情形' });
        continue;
      }
      const statutory = r.fine.branch.mode ?? p.mode;
      const { applies, overridden } = statuteFirst(statutory, spec.kind === 'apply' ? spec.mode : statutory, tier);
      if (overridden)
        trace.push({
          step: 'penalty.statutory',
          text: `罚款：法律规定“${r.fine.branch.text}”，应当处以罚款，裁量基准不能免除`,
          articleIds: [r.fine.branch.articleId],
          rule: 'statute.requiredPenalty',
        });
      const used = overridden && spec.kind === 'apply' ? conventionSpec(tier, { kind: 'fine', mode: 'required' }) : spec;
      const { range, note } = applies === 'none' ? { range: null, note: '本阶次不予罚款' } : fineRange(used, r.fine.legal, r.facts, tier);
      const effective: ApplyMode = range === null && applies !== 'none' && spec.kind === 'belowMinimum' ? 'none' : applies;
      penalties.push({ ...base, applies: effective, range, note: `${note}${row?.note ? `；${row.note}` : ''}` });
      trace.push({
        step: 'penalty',
        text: `罚款（${discretionTiers[tier]}，${source}：${describeSpec(spec)}）：${range ? `${formatYuan(range.minFen)}至${formatYuan(range.maxFen)}${range.upperExclusive ? '（不含）' : ''}` : note}，${applyModes[effective]}`,
        articleIds: [p.articleId, ...specCites],
      });
      continue;
    }
    const { applies, overridden } = statuteFirst(p.mode, spec.kind === 'apply' ? spec.mode : p.mode, tier);
    if (overridden)
      trace.push({
        step: 'penalty.statutory',
        text: `${label}：法律规定“${p.text}”，应当适用，裁量基准不能免除`,
        articleIds: [p.articleId],
        rule: 'statute.requiredPenalty',
      });
    const amountFen = p.kind === 'confiscateIllegalGains' && applies !== 'none' ? usableBase(r.facts, 'illegalGains') : null;
    if (p.reservedTo && applies !== 'none') {
      const who = p.reservedTo.authority;
      penalties.push({ ...base, applies, range: null, amountFen, note: `由${who}决定，本机关建议${who}依法${label}`, reservedTo: p.reservedTo });
      trace.push({
        step: 'penalty.reserved',
        text: `${label}：依照${articleText(p.reservedTo.articleId)}“${p.reservedTo.text}”的规定，由${who}决定，本机关建议${who}依法${label}`,
        articleIds: [p.articleId, p.reservedTo.articleId],
        rule: 'statute.reservedPenalty',
      });
      continue;
    }
    penalties.push({ ...base, applies, range: null, amountFen, note: row?.note ?? '' });
    trace.push({
      step: 'penalty',
      text: `${label}（${discretionTiers[tier]}，${source}）：${applyModes[applies]}${amountFen !== null ? `，违法所得 ${formatYuan(amountFen)}` : ''}`,
      articleIds: [p.articleId, ...specCites],
    });
  }
  return { penalties, trace };
}
