/**
 * 较大数额: when a recommended penalty gives hearing rights (行政处罚法 第六十三条) or makes the decision a
 * major one that needs legal review (第五十八条); and whether 当场处罚 is possible (第五十一条).
 *
 * Thresholds are per org, dated and cited (table discretion_thresholds). Where an org and its ancestors
 * have none, the defaults below apply — RULES.md: "commonly fine ≥ 10,000 元 for a citizen and ≥ 100,000 元
 * for an organisation; confiscation of the same sizes. Configurable per org, the default with its source."
 * Procedure rules are evaluated at the decision date.
 */
import type { PenaltyRecommendation, ThresholdCheck, ThresholdRule, TraceStep } from './model.ts';
import { formatYuan } from './money.ts';
import { APL, discretionTiers, type DiscretionTier } from './vocabulary.ts';
import { hearingPenaltyKinds, partyTypes, penaltyKinds, thresholdKinds, type PartyType, type ThresholdKind } from './vocabulary.ts';

export const ART_HEARING = `${APL}#第六十三条`;
export const ART_LEGAL_REVIEW = `${APL}#第五十八条`;
export const ART_SUMMARY = `${APL}#第五十一条`;

export const defaultThresholds: ThresholdRule[] = [
  {
    id: 'default.hearing',
    orgId: null,
    kind: 'hearing',
    validFrom: '2021-07-15',
    validTo: null,
    naturalPersonFen: 1_000_000,
    organisationFen: 10_000_000,
    articleId: ART_HEARING,
    documentNumber: null,
    note: '默认值：常见省级规定的较大数额（公民 1 万元、法人或者其他组织 10 万元；没收违法所得、非法财物同此数额），各机关可另行规定',
  },
  {
    id: 'default.majorDecision',
    orgId: null,
    kind: 'majorDecision',
    validFrom: '2021-07-15',
    validTo: null,
    naturalPersonFen: 1_000_000,
    organisationFen: 10_000_000,
    articleId: ART_LEGAL_REVIEW,
    documentNumber: null,
    note: '默认值：重大执法决定法制审核目录常见标准（公民 1 万元、法人或者其他组织 10 万元），各机关可另行规定',
  },
];

/** 当场处罚 limits of 行政处罚法 第五十一条: 200 元 for a citizen, 3,000 元 for an organisation. */
export const summaryProcedureLimitFen: Record<PartyType, number> = { naturalPerson: 20_000, organisation: 300_000 };

const inForce = (r: { validFrom: string; validTo: string | null }, date: string) => r.validFrom <= date && (r.validTo === null || date <= r.validTo);

/** The threshold of the nearest org in the chain that has one in force on `date`, else the default. */
export function thresholdAt(rules: ThresholdRule[], orgChain: string[], kind: ThresholdKind, date: string): ThresholdRule {
  for (const org of orgChain) {
    const r = rules.find((x) => x.orgId === org && x.kind === kind && inForce(x, date));
    if (r) return r;
  }
  return defaultThresholds.find((d) => d.kind === kind)!;
}

const upper = (p: PenaltyRecommendation) => (p.range ? (p.range.upperExclusive ? p.range.maxFen - 1 : p.range.maxFen) : 0);

/** Does the recommendation reach the threshold? */
export function checkThreshold(rule: ThresholdRule, partyType: PartyType, penalties: PenaltyRecommendation[], orgName: (id: string) => string): ThresholdCheck {
  const limit = partyType === 'naturalPerson' ? rule.naturalPersonFen : rule.organisationFen;
  const reasons: string[] = [];
  let crossed: ThresholdCheck['crossed'] = 'no';
  const raise = (to: 'yes' | 'possible', why: string) => {
    reasons.push(why);
    if (to === 'yes' || crossed === 'no') crossed = to;
  };
  for (const p of penalties) {
    // a penalty another authority decides is recommended to it, not imposed by this decision
    if (p.applies === 'none' || p.reservedTo) continue;
    if (p.kind === 'fine' && p.range) {
      if (p.applies === 'required' && p.range.minFen >= limit) raise('yes', `建议罚款下限 ${formatYuan(p.range.minFen)} 达到较大数额 ${formatYuan(limit)}`);
      else if (upper(p) >= limit) raise('possible', `建议罚款上限 ${formatYuan(upper(p))} 达到较大数额 ${formatYuan(limit)}，罚款数额在此以上时适用`);
    }
    if ((p.kind === 'confiscateIllegalGains' || p.kind === 'confiscateIllegalProperty') && p.amountFen !== null && p.amountFen >= limit) {
      raise(p.applies === 'required' ? 'yes' : 'possible', `${p.label} ${formatYuan(p.amountFen)} 达到较大数额 ${formatYuan(limit)}`);
    }
    if (hearingPenaltyKinds.includes(p.kind))
      raise(p.applies === 'required' ? 'yes' : 'possible', `拟${p.applies === 'required' ? '' : '可以'}${penaltyKinds[p.kind]}`);
  }
  const source = rule.orgId ? `${orgName(rule.orgId)}${rule.documentNumber ? `（${rule.documentNumber}）` : ''}规定` : '默认标准';
  return { kind: rule.kind, crossed, thresholdFen: limit, ruleId: rule.id, source, articleId: rule.articleId, reasons };
}

export function thresholdTrace(c: ThresholdCheck, partyType: PartyType): TraceStep {
  const what = c.kind === 'hearing' ? '应当告知当事人有要求听证的权利' : '应当在作出决定前进行法制审核';
  const verdict = c.crossed === 'yes' ? what : c.crossed === 'possible' ? `视最终处罚决定而定：${c.reasons.join('；')}时${what}` : '未达到';
  return {
    step: `threshold.${c.kind}`,
    text: `${thresholdKinds[c.kind]}：${partyTypes[partyType]}较大数额 ${formatYuan(c.thresholdFen)}（${c.source}）；${c.crossed === 'yes' ? `${c.reasons.join('；')}，${verdict}` : verdict}`,
    articleIds: [...new Set([c.articleId, c.kind === 'hearing' ? ART_HEARING : ART_LEGAL_REVIEW])],
  };
}

/**
 * 当场处罚 is possible when only a warning and/or a fine within the 第五十一条 limit would be imposed; never for
 * 减轻处罚 (a decision below the legal minimum needs the full procedure and the leaders' collective discussion).
 */
export function summaryProcedure(partyType: PartyType, penalties: PenaltyRecommendation[], exempt: boolean, tier?: DiscretionTier) {
  const limitFen = summaryProcedureLimitFen[partyType];
  if (tier === 'mitigatedBelowRange')
    return { possible: false, limitFen, articleId: ART_SUMMARY, reason: `${discretionTiers.mitigatedBelowRange}须经负责人集体讨论决定，应当适用普通程序` };
  const imposed = penalties.filter((p) => p.applies !== 'none' && !p.reservedTo);
  const others = imposed.filter((p) => p.kind !== 'warning' && p.kind !== 'fine' && !(p.kind === 'confiscateIllegalGains' && !p.amountFen));
  const fine = imposed.find((p) => p.kind === 'fine');
  let possible = !exempt && others.length === 0 && imposed.length > 0;
  if (possible && fine?.range && fine.range.minFen > limitFen) possible = false;
  const reason = exempt
    ? '不予处罚，不适用简易程序'
    : possible
      ? `仅警告或者罚款且可在 ${formatYuan(limitFen)} 以内，可以当场作出行政处罚决定`
      : others.length
        ? `拟${others.map((p) => p.label).join('、')}，应当适用普通程序`
        : `建议罚款下限超过 ${formatYuan(limitFen)}，应当适用普通程序`;
  return { possible, limitFen, articleId: ART_SUMMARY, reason };
}
