/**
 * The pure rules a case applies when it decides: whether a decision is major,
 * whether the chosen penalty lies in the recommended range, whether 当场处罚 is allowed, and the
 * limitation period. Each returns its reasons in Chinese with the article it applies.
 */
import type { PenaltyRecommendation } from '../discretion/model.ts';
import { formatYuan } from '../discretion/money.ts';
import { summaryProcedureLimitFen } from '../discretion/thresholds.ts';
import { penaltyKinds, type PartyType, type PenaltyKind } from '../discretion/vocabulary.ts';
import { majorCriteria, type MajorCriterion } from './rules.ts';

export interface ChosenPenalty {
  kind: PenaltyKind;
  /** fines and confiscations: the amount in 分 */
  amountFen?: number | null;
  /** licence names and the like */
  note?: string | null;
}

export interface MajorFacts {
  partyType: PartyType;
  penalties: ChosenPenalty[];
  hearingHeld: boolean;
  complex: boolean;
  publicInterest: boolean;
  criminalReferral: boolean;
}

export interface MajorResult {
  major: boolean;
  reasons: { criterion: MajorCriterion; text: string; basis: string }[];
}

/** Is the decision major under the catalogue (criteria in force) and the org's 较大数额? */
export function majorDecision(
  f: MajorFacts,
  criteria: readonly MajorCriterion[],
  threshold: { naturalPersonFen: number; organisationFen: number; source: string },
): MajorResult {
  const limit = f.partyType === 'naturalPerson' ? threshold.naturalPersonFen : threshold.organisationFen;
  const reasons: MajorResult['reasons'] = [];
  const add = (criterion: MajorCriterion, text: string) => {
    if (criteria.includes(criterion)) reasons.push({ criterion, text, basis: majorCriteria[criterion].basis });
  };
  for (const p of f.penalties) {
    const amount = p.amountFen ?? 0;
    if (p.kind === 'fine' && amount >= limit) add('largeFine', `罚款 ${formatYuan(amount)} 达到较大数额 ${formatYuan(limit)}（${threshold.source}）`);
    if ((p.kind === 'confiscateIllegalGains' || p.kind === 'confiscateIllegalProperty') && amount >= limit)
      add('largeConfiscation', `${penaltyKinds[p.kind]} ${formatYuan(amount)} 达到较大数额 ${formatYuan(limit)}（${threshold.source}）`);
    if (p.kind === 'revokeLicence' || p.kind === 'lowerQualification') add('licenceRevocation', `拟${penaltyKinds[p.kind]}`);
    if (p.kind === 'suspendBusiness' || p.kind === 'closure' || p.kind === 'restrictEmployment') add('businessSuspension', `拟${penaltyKinds[p.kind]}`);
  }
  if (f.hearingHeld) add('hearingHeld', '案件经过听证程序');
  if (f.complex) add('complex', '案件情况疑难复杂、涉及多个法律关系');
  if (f.publicInterest) add('publicInterest', '涉及重大公共利益');
  if (f.criminalReferral) add('criminalReferral', '涉嫌犯罪');
  return { major: reasons.length > 0, reasons };
}

export interface RangeProblem {
  kind: PenaltyKind;
  message: string;
}

/**
 * Does each chosen penalty lie within the recommendation of its tier? A fine outside its
 * recommended range, a penalty kind the recommendation does not allow, or a required penalty
 * left out is a deviation that needs a written reason (accepted by the review).
 */
export function deviations(chosen: ChosenPenalty[], recommended: PenaltyRecommendation[]): RangeProblem[] {
  const out: RangeProblem[] = [];
  const byKind = new Map(recommended.map((r) => [r.kind, r]));
  for (const c of chosen) {
    const r = byKind.get(c.kind);
    if (!r || r.applies === 'none') {
      out.push({ kind: c.kind, message: `裁量结果不建议${penaltyKinds[c.kind]}` });
      continue;
    }
    if (c.kind === 'fine' && r.range) {
      const amount = c.amountFen ?? 0;
      const max = r.range.upperExclusive ? r.range.maxFen - 1 : r.range.maxFen;
      if (amount < r.range.minFen || amount > max)
        out.push({ kind: c.kind, message: `罚款 ${formatYuan(amount)} 不在建议幅度 ${formatYuan(r.range.minFen)}—${formatYuan(max)} 内` });
    }
  }
  for (const r of recommended) {
    if (r.applies === 'required' && !chosen.some((c) => c.kind === r.kind)) out.push({ kind: r.kind, message: `裁量结果应当${r.label}，决定中没有` });
  }
  return out;
}

/** 当场处罚 (行政处罚法 第五十一条): only a warning and/or a fine within 200 元 (citizen) / 3,000 元 (organisation). */
export function summaryAllowed(partyType: PartyType, chosen: ChosenPenalty[]): { allowed: boolean; reason: string } {
  const limit = summaryProcedureLimitFen[partyType];
  const other = chosen.filter((c) => c.kind !== 'warning' && c.kind !== 'fine');
  if (chosen.length === 0) return { allowed: false, reason: '当场处罚须给予警告或者罚款' };
  if (other.length)
    return { allowed: false, reason: `当场处罚只能给予警告或者罚款，不能${other.map((c) => penaltyKinds[c.kind]).join('、')}（行政处罚法 第五十一条）` };
  const fine = chosen.find((c) => c.kind === 'fine');
  if (fine && (fine.amountFen ?? 0) > limit)
    return { allowed: false, reason: `当场处罚的罚款不得超过 ${formatYuan(limit)}（行政处罚法 第五十一条），拟罚款 ${formatYuan(fine.amountFen ?? 0)}` };
  if (fine && (fine.amountFen ?? 0) <= 0) return { allowed: false, reason: '罚款金额须大于零' };
  return { allowed: true, reason: `警告或者 ${formatYuan(limit)} 以下罚款，可以当场作出行政处罚决定（行政处罚法 第五十一条）` };
}
