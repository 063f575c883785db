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

const APL = '行政处罚法@2021-01-22';

/** The penalty kinds whose amount is weighed against the 较大数额 (行政处罚法 第六十三条第一款第（一）（二）项). */
export const amountKinds: readonly PenaltyKind[] = ['fine', 'confiscateIllegalGains', 'confiscateIllegalProperty'];

/** The sum of the amounts of the given kinds (分). */
export const totalFen = (chosen: ChosenPenalty[], kinds: readonly PenaltyKind[] = amountKinds): number =>
  chosen.filter((c) => kinds.includes(c.kind)).reduce((s, c) => s + (c.amountFen ?? 0), 0);

/**
 * The penalty kinds that give hearing rights whatever the amount, each with the item of 行政处罚法 第六十三条第一款
 * that names it. 限制开展生产经营活动 and 暂扣许可证件 are not named in 第六十三条; they stand in 第九条 beside 责令停产停业
 * (第（四）项) and 吊销许可证件 (第（三）项), stop or restrict the business as those do, and are counted here as
 * "其他较重的行政处罚" (第（五）项) — a judgment, stated as such.
 */
export const hearingKinds: Partial<Record<PenaltyKind, { item: string; basis: string }>> = {
  lowerQualification: { item: '第六十三条第一款第（三）项', basis: `${APL}#第六十三条` },
  revokeLicence: { item: '第六十三条第一款第（三）项', basis: `${APL}#第六十三条` },
  suspendBusiness: { item: '第六十三条第一款第（四）项', basis: `${APL}#第六十三条` },
  closure: { item: '第六十三条第一款第（四）项', basis: `${APL}#第六十三条` },
  restrictEmployment: { item: '第六十三条第一款第（四）项', basis: `${APL}#第六十三条` },
  restrictBusiness: { item: '第六十三条第一款第（五）项（其他较重的行政处罚；第九条第（四）项与责令停产停业并列）', basis: `${APL}#第六十三条` },
  suspendLicence: { item: '第六十三条第一款第（五）项（其他较重的行政处罚；第九条第（三）项与吊销许可证件并列）', basis: `${APL}#第六十三条` },
};

export interface HearingRights {
  eligible: boolean;
  reasons: string[];
}

/**
 * 听证权利 (行政处罚法 第六十三条): "较大数额罚款；没收较大数额违法所得、没收较大价值非法财物；降低资质等级、吊销许可证件；
 * 责令停产停业、责令关闭、限制从业；其他较重的行政处罚". The amounts are summed over the whole decision (罚款 + 没收违法所得
 * + 没收非法财物的价值) and weighed against the body's 较大数额 (`thresholdFen`, the org's dated threshold of kind `hearing`).
 */
export function hearingRights(chosen: ChosenPenalty[], thresholdFen: number): HearingRights {
  const reasons: string[] = [];
  const sum = totalFen(chosen);
  if (sum >= thresholdFen)
    reasons.push(`罚没金额合计 ${formatYuan(sum)} 达到较大数额 ${formatYuan(thresholdFen)}（行政处罚法 第六十三条第一款第（一）（二）项）`);
  for (const c of chosen) {
    const k = hearingKinds[c.kind];
    if (k) reasons.push(`拟${penaltyKinds[c.kind]}（行政处罚法 ${k.item}）`);
  }
  return { eligible: reasons.length > 0, reasons };
}

/**
 * Is the decision heavier than what the last notice announced (行政处罚法 第四十四条、第四十五条第二款、第六十二条)?
 * A kind not announced (a warning in place of announced penalties is not heavier), or a larger amount of a kind
 * (the amounts of a kind summed), needs a new notice. An empty list: the notice covers the decision.
 */
export function exceedsNotice(notified: ChosenPenalty[], decided: ChosenPenalty[]): string[] {
  const out: string[] = [];
  const sumOf = (list: ChosenPenalty[], kind: PenaltyKind) => totalFen(list, [kind]);
  const kinds = [...new Set(decided.map((d) => d.kind))];
  for (const kind of kinds) {
    const announced = notified.some((n) => n.kind === kind);
    if (!announced) {
      if (kind === 'warning' && notified.length) continue;
      out.push(`决定${penaltyKinds[kind]}，告知书未告知该处罚种类`);
      continue;
    }
    const d = sumOf(decided, kind);
    const n = sumOf(notified, kind);
    if (d > n) out.push(`决定${penaltyKinds[kind]} ${formatYuan(d)}，超过告知的 ${formatYuan(n)}`);
  }
  return out;
}

/** 不予行政处罚 grounds of 行政处罚法 (each a 法定 ground, cited). */
export const noPenaltyGrounds = {
  underFourteen: { label: '不满十四周岁的未成年人有违法行为', article: '第三十条', basis: `${APL}#第三十条` },
  mentalIllness: { label: '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为', article: '第三十一条', basis: `${APL}#第三十一条` },
  minorCorrected: { label: '违法行为轻微并及时改正，没有造成危害后果', article: '第三十三条第一款', basis: `${APL}#第三十三条` },
  firstViolation: { label: '初次违法且危害后果轻微并及时改正', article: '第三十三条第一款', basis: `${APL}#第三十三条` },
  noFault: { label: '当事人有证据足以证明没有主观过错', article: '第三十三条第二款', basis: `${APL}#第三十三条` },
  limitation: { label: '违法行为在二年内未被发现（五年）', article: '第三十六条', basis: `${APL}#第三十六条` },
  notEstablished: { label: '违法事实不能成立', article: '第五十七条第一款第（三）项', basis: `${APL}#第五十七条` },
} as const;
export type NoPenaltyGround = keyof typeof noPenaltyGrounds;
export const noPenaltyGroundIds = Object.keys(noPenaltyGrounds) as [NoPenaltyGround, ...NoPenaltyGround[]];

/**
 * The outcome of a case (决定结果): 给予行政处罚; 不予行政处罚 on a ground of the law (第三十条、第三十一条、第三十三条、
 * 第三十六条、第五十七条第一款第（三）项); 免予行政处罚 under an entry of the body's published 免罚清单 (首违不罚、轻微不罚 lists,
 * the discretion benchmark's exemption). They are different decisions, counted apart.
 */
export const decisionOutcomes = { penalty: '给予行政处罚', noPenalty: '不予行政处罚', exempted: '免予行政处罚' } as const;
export type DecisionOutcome = keyof typeof decisionOutcomes;
export const decisionOutcomeIds = Object.keys(decisionOutcomes) as [DecisionOutcome, ...DecisionOutcome[]];

/** 当场处罚 (行政处罚法 第五十一条): "对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告" — the total of the fines. */
export function summaryAllowed(partyType: PartyType, chosen: ChosenPenalty[], tier?: string | null): { allowed: boolean; reason: string } {
  const limit = summaryProcedureLimitFen[partyType];
  const other = chosen.filter((c) => c.kind !== 'warning' && c.kind !== 'fine');
  if (chosen.length === 0) return { allowed: false, reason: '当场处罚须给予警告或者罚款' };
  if (other.length)
    return { allowed: false, reason: `当场处罚只能给予警告或者罚款，不能${other.map((c) => penaltyKinds[c.kind]).join('、')}（行政处罚法 第五十一条）` };
  const fines = chosen.filter((c) => c.kind === 'fine');
  if (fines.some((f) => (f.amountFen ?? 0) <= 0)) return { allowed: false, reason: '罚款金额须大于零' };
  const total = totalFen(chosen, ['fine']);
  if (total > limit)
    return {
      allowed: false,
      reason: `当场处罚的罚款合计不得超过 ${formatYuan(limit)}（行政处罚法 第五十一条），拟罚款合计 ${formatYuan(total)}`,
    };
  if (tier === 'mitigatedBelowRange') return { allowed: false, reason: mitigationText.summary };
  return { allowed: true, reason: `警告或者 ${formatYuan(limit)} 以下罚款，可以当场作出行政处罚决定（行政处罚法 第五十一条）` };
}

/** 减轻处罚 (below the statute's minimum) is a decision on a 情节复杂 case: the body's leaders discuss it collectively. */
export const mitigationText = {
  summary: '减轻处罚（低于法定处罚幅度下限）不适用简易程序，须按普通程序调查、集体讨论后决定（行政处罚法 第五十一条、第五十七条第二款）',
  discussion: '减轻处罚（低于法定处罚幅度下限）的，行政机关负责人应当集体讨论决定（行政处罚法 第五十七条第二款）',
} as const;

/** Is this a 减轻 decision: the tier says so, or a fine lies below the statute's minimum (`legalMinFen`)? */
export function isMitigated(tier: string | null | undefined, chosen: ChosenPenalty[], legalMinFen: number | null | undefined): boolean {
  if (tier === 'mitigatedBelowRange') return true;
  if (!legalMinFen) return false;
  const fines = chosen.filter((c) => c.kind === 'fine');
  return fines.length > 0 && totalFen(fines, ['fine']) < legalMinFen;
}

/** 当场收缴罚款 grounds (行政处罚法 第六十八条、第六十九条). */
export const onSiteCollectionGrounds = {
  smallFine: { label: '依法给予一百元以下罚款', article: '第六十八条第（一）项', basis: `${APL}#第六十八条` },
  hardToEnforce: { label: '不当场收缴事后难以执行', article: '第六十八条第（二）项', basis: `${APL}#第六十八条` },
  remoteArea: { label: '边远、水上、交通不便地区，当事人到银行或者电子支付缴纳确有困难，经当事人提出', article: '第六十九条', basis: `${APL}#第六十九条` },
} as const;
export type OnSiteCollectionGround = keyof typeof onSiteCollectionGrounds;
export const onSiteCollectionGroundIds = Object.keys(onSiteCollectionGrounds) as [OnSiteCollectionGround, ...OnSiteCollectionGround[]];

/** 一百元 (第六十八条第（一）项), in 分. */
export const SMALL_FINE_LIMIT_FEN = 10_000;

/**
 * May the officer collect the fine on the spot? 第六十八条: "（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以执行的"
 * (the reason recorded); 第六十九条: remote areas, at the party's request (recorded). 第七十条: always against the
 * 财政部门统一制发的专用票据 — its number is recorded.
 */
export function onSiteCollectionAllowed(
  fineFen: number,
  c: { ground?: OnSiteCollectionGround | null; reason?: string | null; receiptNo?: string | null },
): { code: 'ONSITE_COLLECTION_NOT_ALLOWED' | 'RECEIPT_MISSING'; message: string }[] {
  const out: { code: 'ONSITE_COLLECTION_NOT_ALLOWED' | 'RECEIPT_MISSING'; message: string }[] = [];
  if (fineFen <= 0) return [{ code: 'ONSITE_COLLECTION_NOT_ALLOWED', message: '没有罚款，无需当场收缴' }];
  if (!c.ground) out.push({ code: 'ONSITE_COLLECTION_NOT_ALLOWED', message: '当场收缴罚款须写明依据（行政处罚法 第六十八条、第六十九条）' });
  else if (c.ground === 'smallFine' && fineFen > SMALL_FINE_LIMIT_FEN)
    out.push({
      code: 'ONSITE_COLLECTION_NOT_ALLOWED',
      message: `罚款 ${formatYuan(fineFen)} 超过一百元，不能以“依法给予一百元以下罚款”为由当场收缴（行政处罚法 第六十八条第（一）项）`,
    });
  else if (c.ground !== 'smallFine' && !c.reason?.trim())
    out.push({
      code: 'ONSITE_COLLECTION_NOT_ALLOWED',
      message: `以“${onSiteCollectionGrounds[c.ground].label}”当场收缴罚款，须记录具体理由（行政处罚法 ${onSiteCollectionGrounds[c.ground].article}）`,
    });
  if (!c.receiptNo?.trim())
    out.push({ code: 'RECEIPT_MISSING', message: '当场收缴罚款，必须向当事人出具财政部门统一制发的专用票据，须登记票据号码（行政处罚法 第七十条）' });
  return out;
}
