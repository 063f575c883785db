/**
 * Which tier the circumstances select, and the recommended sub-range of each penalty kind in that tier.
 *
 * Precedence (documented in docs/architecture.md and shown in every trace):
 *  1. an entry of an exemption list (首违不罚 / 轻微不罚) whose conditions all hold → 不予处罚;
 *  2. a circumstance with effect noPenalty (行政处罚法 第三十三条 第二款 …) → 不予处罚 (its `keeps` still apply);
 *  3. a circumstance with effect mitigate → 减轻处罚;
 *  4. otherwise the lighter circumstances (lighter, lighterOrMitigate) and the heavier ones offset one
 *     another: more lighter → 从轻, more heavier → 从重, as many (or none) → 一般.
 */
import type {
  BenchmarkRule,
  CircumstanceRule,
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
import { DiscretionInputError, usableBase, type Facts } from './statute.ts';
import {
  applyModes,
  baseKinds,
  circumstanceEffects,
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

export const APL = '行政处罚法@2021-01-22';
export const ART_BENCHMARK = `${APL}#第三十四条`;
export const ART_LIGHTER_MITIGATE = `${APL}#第三十二条`;
export const ART_NO_PENALTY = `${APL}#第三十三条`;
export const ART_PROPORTIONALITY = `${APL}#第五条`;

/** The split of RULES.md "Discretion benchmark convention" (国办发〔2022〕27号 practice), in ‰ of the legal range. */
export const conventionShares = { lighter: [0, 300], standard: [300, 700], heavier: [700, 1000] } as const;

export interface TierDecision {
  tier: DiscretionTier;
  exempt: boolean;
  exemption: { list: ExemptionRule['list'] | null; label: string; articleId: string } | null;
  keeps: PenaltyKind[];
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

/** Selects the tier from the circumstances present, following the precedence above. */
export function selectTier(
  b: Pick<BenchmarkRule, 'circumstances' | 'exemptions'>,
  f: Facts,
  partyType: PartyType,
  conditionLabel: (id: string) => string,
): TierDecision {
  const trace: TraceStep[] = [];
  const byId = new Map(b.circumstances.map((c) => [c.id, c]));
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
    trace.push({
      step: 'circumstance',
      text: `认定情节“${c.label}”（${circumstanceKinds[c.kind]}，${circumstanceEffects[c.effect]}）`,
      articleIds: [c.articleId],
    });
  }

  for (const e of b.exemptions) {
    const results = e.conditions.map((c) => ({ c, ok: exemptionConditionHolds(c, f, partyType) }));
    const ok = results.every((r) => r.ok);
    const detail = results.map((r) => `${describeExemptionCondition(r.c, label)}${r.ok ? '（满足）' : '（不满足）'}`).join('；');
    trace.push({ step: 'exemption', text: `${exemptionLists[e.list]}清单“${e.label}”：${detail} → ${ok ? '适用' : '不适用'}`, articleIds: [e.articleId] });
    if (ok) {
      trace.push({
        step: 'tier',
        text: `符合${exemptionLists[e.list]}清单，依法不予行政处罚，应当对当事人进行教育并责令改正`,
        articleIds: [e.articleId, ART_NO_PENALTY],
      });
      return { tier: 'noPenalty', exempt: true, exemption: { list: e.list, label: e.label, articleId: e.articleId }, keeps: [], trace };
    }
  }

  const noPenalty = applicable.find((c) => c.effect === 'noPenalty');
  if (noPenalty) {
    const keeps = noPenalty.keeps ?? [];
    trace.push({
      step: 'tier',
      text: `具有不予处罚情节“${noPenalty.label}”，不予行政处罚${keeps.length ? `，但仍应${keeps.map((k) => penaltyKinds[k]).join('、')}` : ''}`,
      articleIds: [noPenalty.articleId],
    });
    return { tier: 'noPenalty', exempt: true, exemption: { list: null, label: noPenalty.label, articleId: noPenalty.articleId }, keeps, trace };
  }

  const mitigate = applicable.filter((c) => c.effect === 'mitigate');
  if (mitigate.length) {
    trace.push({
      step: 'tier',
      text: `具有减轻处罚情节“${mitigate.map((c) => c.label).join('”“')}”，在法定最低限度以下减轻处罚（须说明理由并经负责人批准）`,
      articleIds: [...new Set([...mitigate.map((c) => c.articleId), ART_LIGHTER_MITIGATE])],
    });
    return { tier: 'mitigatedBelowRange', exempt: false, exemption: null, keeps: [], trace };
  }

  const lighter = applicable.filter((c) => c.effect === 'lighter' || c.effect === 'lighterOrMitigate');
  const heavier = applicable.filter((c) => c.effect === 'heavier');
  const net = lighter.length - heavier.length;
  const tier: DiscretionTier = net > 0 ? 'lighter' : net < 0 ? 'heavier' : 'standard';
  const why =
    lighter.length === 0 && heavier.length === 0
      ? '无从轻、从重情节'
      : `从轻情节 ${lighter.length} 个、从重情节 ${heavier.length} 个，相抵后${net > 0 ? '从轻情节多' : net < 0 ? '从重情节多' : '相当'}`;
  trace.push({
    step: 'tier',
    text: `${why} → ${discretionTiers[tier]}（优先次序：免罚清单 > 不予处罚情节 > 减轻情节 > 从轻与从重情节相抵）`,
    articleIds: [...new Set([...lighter, ...heavier].map((c) => c.articleId).concat(tier === 'standard' ? [ART_PROPORTIONALITY] : []))],
  });
  return { tier, exempt: false, exemption: null, keeps: [], trace };
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
      const applies: ApplyMode = spec.kind === 'apply' ? spec.mode : p.mode;
      const { range, note } = applies === 'none' ? { range: null, note: '本阶次不予罚款' } : fineRange(spec, r.fine.legal, r.facts, tier);
      const effective: ApplyMode = range === null && applies !== 'none' && spec.kind === 'belowMinimum' ? 'none' : applies;
      penalties.push({ ...base, applies: effective, range, note: `${note}${row?.note ? `；${row.note}` : ''}` });
      trace.push({
        step: 'penalty',
        text: `罚款（${discretionTiers[tier]}，${source}：${describeSpec(spec)}）：${range ? `${formatYuan(range.minFen)}至${formatYuan(range.maxFen)}${range.upperExclusive ? '（不含）' : ''}` : note}，${applyModes[effective]}`,
        articleIds: [p.articleId, ...specCites],
      });
      continue;
    }
    const applies: ApplyMode = spec.kind === 'apply' ? spec.mode : p.mode;
    const amountFen = p.kind === 'confiscateIllegalGains' && applies !== 'none' ? usableBase(r.facts, 'illegalGains') : null;
    penalties.push({ ...base, applies, range: null, amountFen, note: row?.note ?? '' });
    trace.push({
      step: 'penalty',
      text: `${label}（${discretionTiers[tier]}，${source}）：${applyModes[applies]}${amountFen !== null ? `，违法所得 ${formatYuan(amountFen)}` : ''}`,
      articleIds: [p.articleId, ...specCites],
    });
  }
  return { penalties, trace };
}
