/**
 * 行政复议 and 行政应诉 (the bureau as respondent and defendant) as data: the subjects a remedy is brought against, the
 * outcomes of a reconsideration and of a judgment or ruling with what each does to the bureau's act, the 负责人出庭应诉
 * rule and the appeal window of a judgment or a ruling. Pure: no I/O.
 */
import type { DeadlineRuleId } from '../deadlines/rules.ts';
import type { Problem } from '../workflow.ts';

export const RAL = '行政复议法@2023-09-01';
export const RAL_2017 = '行政复议法@2017-09-01';
export const ALL = '行政诉讼法@2017-06-27';

/** The kind of act the remedy is brought against (the figures' 按对象分列), from the subject's matter type. */
export const subjectKinds = {
  penalty: '行政处罚',
  disclosure: '政府信息公开',
  complaint: '投诉举报处理',
  other: '其他行政行为',
} as const;
export type SubjectKind = keyof typeof subjectKinds;

/** The subject's matter type → its kind (a module built later maps by its type name; an unknown type is 其他). */
export function subjectKindOf(type: string): SubjectKind {
  if (type === 'case') return 'penalty';
  if (type === 'disclosureRequest' || type === 'disclosure') return 'disclosure';
  if (type === 'complaint' || type === 'report') return 'complaint';
  return 'other';
}

/** What an outcome does to the bureau's act: it stands, it is changed, or it no longer stands (set aside). */
export type ActEffect = 'stands' | 'changed' | 'setAside';

/** The publicity withdrawal ground (publicity's `withdrawalGrounds`) an effect calls for. */
export type WithdrawalGround = 'changed' | 'revoked' | 'unlawful' | 'void';

export interface Outcome {
  label: string;
  /** what it does to the act; null: said by the decision itself (调解、和解 may change the act or not) */
  effect: ActEffect | null;
  ground?: WithdrawalGround;
  basis: readonly string[];
}

/** 行政复议决定 (行政复议法 2023 第六十三条至第七十四条). */
export const reconsiderationOutcomes = {
  upheld: { label: '维持', effect: 'stands', basis: [`${RAL}#第六十八条`] },
  changed: { label: '变更', effect: 'changed', ground: 'changed', basis: [`${RAL}#第六十三条`] },
  revoked: { label: '撤销（部分撤销）', effect: 'setAside', ground: 'revoked', basis: [`${RAL}#第六十四条`] },
  confirmedUnlawful: { label: '确认违法', effect: 'setAside', ground: 'unlawful', basis: [`${RAL}#第六十五条`] },
  confirmedVoid: { label: '确认无效', effect: 'setAside', ground: 'void', basis: [`${RAL}#第六十七条`] },
  performanceOrdered: { label: '责令履行', effect: 'stands', basis: [`${RAL}#第六十六条`] },
  dismissed: { label: '驳回行政复议请求', effect: 'stands', basis: [`${RAL}#第六十九条`] },
  mediated: { label: '调解', effect: null, basis: [`${RAL}#第七十三条`] },
  settled: { label: '和解', effect: null, basis: [`${RAL}#第七十四条`] },
  terminated: { label: '终止（申请人撤回申请等）', effect: 'stands', basis: [`${RAL}#第四十一条`] },
} as const satisfies Record<string, Outcome>;
export type ReconsiderationOutcome = keyof typeof reconsiderationOutcomes;
export const reconsiderationOutcomeIds = Object.keys(reconsiderationOutcomes) as [ReconsiderationOutcome, ...ReconsiderationOutcome[]];

/** 判决、裁定 of an instance (行政诉讼法 第六十九条至第七十八条, 第八十九条). */
export const judgmentOutcomes = {
  claimDismissed: { label: '驳回原告诉讼请求', effect: 'stands', basis: [`${ALL}#第六十九条`] },
  revoked: { label: '撤销（部分撤销）', effect: 'setAside', ground: 'revoked', basis: [`${ALL}#第七十条`] },
  performanceOrdered: { label: '判决履行', effect: 'stands', basis: [`${ALL}#第七十二条`] },
  confirmedUnlawful: { label: '确认违法', effect: 'setAside', ground: 'unlawful', basis: [`${ALL}#第七十四条`] },
  confirmedVoid: { label: '确认无效', effect: 'setAside', ground: 'void', basis: [`${ALL}#第七十五条`] },
  changed: { label: '变更', effect: 'changed', ground: 'changed', basis: [`${ALL}#第七十七条`] },
  appealDismissed: { label: '驳回上诉，维持原判决、裁定', effect: 'stands', basis: [`${ALL}#第八十九条`] },
  remanded: { label: '发回重审', effect: 'stands', basis: [`${ALL}#第八十九条`] },
  suitNotAccepted: { label: '裁定不予立案或者驳回起诉', effect: 'stands', basis: [`${ALL}#第五十一条`] },
  withdrawn: { label: '准予撤诉', effect: 'stands', basis: [`${ALL}#第六十二条`] },
  mediated: { label: '调解', effect: null, basis: [`${ALL}#第六十条`] },
} as const satisfies Record<string, Outcome>;
export type JudgmentOutcome = keyof typeof judgmentOutcomes;
export const judgmentOutcomeIds = Object.keys(judgmentOutcomes) as [JudgmentOutcome, ...JudgmentOutcome[]];

/** A 判决 or a 裁定: their appeal windows differ (第八十五条). */
export const judgmentKinds = { judgment: '判决', ruling: '裁定', mediation: '调解书' } as const;
export type JudgmentKind = keyof typeof judgmentKinds;

export const instanceLabels = { first: '一审', second: '二审', retrial: '再审' } as const;
export type Instance = keyof typeof instanceLabels;

/** The effect on the act of an outcome, the decision's own statement deciding for 调解 and 和解. */
export function effectOf(o: Outcome, stated?: ActEffect | null): ActEffect {
  return o.effect ?? stated ?? 'stands';
}

/** The publicity withdrawal ground an outcome calls for (none where the act stands). */
export function withdrawalGroundOf(o: Outcome, stated?: ActEffect | null): WithdrawalGround | null {
  const e = effectOf(o, stated);
  if (e === 'stands') return null;
  return o.ground ?? (e === 'changed' ? 'changed' : 'revoked');
}

/** 调解、和解: the decision says whether it changes or sets aside the act (the mediation agreement's content). */
export function statedEffectProblem(o: Outcome, stated: ActEffect | null | undefined): Problem | null {
  return o.effect === null && !stated
    ? { code: 'REMEDY_EFFECT_REQUIRED', message: '调解、和解结案的，须说明调解书（和解协议）是否变更或者撤销原行政行为' }
    : null;
}

/** The appeal window a first-instance judgment or ruling opens (第八十五条); none for a mediation or an effective one. */
export function appealRuleOf(instance: Instance, kind: JudgmentKind): DeadlineRuleId | null {
  if (instance !== 'first' || kind === 'mediation') return null;
  return kind === 'judgment' ? 'litigation.appeal.judgment' : 'litigation.appeal.ruling';
}

// ─── 行政机关负责人出庭应诉 ───────────────────────────────────────────────────

/** Who appeared for the bureau at a hearing (行政诉讼法 第三条第三款; 最高人民法院解释 第一百二十八条、第一百三十条). */
export const appearanceKinds = {
  head: '行政机关负责人（正职、副职或者分管负责人）出庭',
  staff: '委托相应的工作人员出庭',
  lawyerOnly: '仅委托律师出庭',
} as const;
export type AppearanceKind = keyof typeof appearanceKinds;

/** Why the head did not appear (the 2018 interpretation's 第一百三十二条 ground); the reason is written out too. */
export const absenceGrounds = {
  legitimate: '因不可抗力、意外事件、需要履行他人不能代替的公务等正当理由不能出庭',
  notRequired: '不属于负责人应当出庭的案件，委托相应的工作人员出庭',
} as const;
export type AbsenceGround = keyof typeof absenceGrounds;

export interface Appearance {
  appearance: AppearanceKind;
  headName?: string | null;
  headTitle?: string | null;
  absenceGround?: AbsenceGround | null;
  absenceReason?: string | null;
  /** 涉及重大公共利益、社会高度关注…以及人民法院书面建议行政机关负责人出庭的案件 (解释 第一百二十九条) */
  headRequired?: boolean;
}

export const appearanceSource =
  '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》（法释〔2018〕1号）第一百二十八条至第一百三十二条（文本在 laws/pending/，因序言未入库，未经平台核对条号）';

/**
 * 第三条第三款 "被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭": the head's name and title
 * when the head appeared; otherwise the ground and the reason, and never a lawyer alone; where the head is required to
 * appear (解释 第一百二十九条) only a legitimate ground excuses.
 */
export function appearanceProblems(a: Appearance): Problem[] {
  const out: Problem[] = [];
  if (a.appearance === 'head') {
    if (!a.headName?.trim() || !a.headTitle?.trim())
      out.push({ code: 'REMEDY_APPEARANCE_INVALID', message: '负责人出庭应诉的，须登记出庭负责人的姓名和职务（解释第一百三十一条）' });
    return out;
  }
  if (a.appearance === 'lawyerOnly')
    out.push({
      code: 'REMEDY_APPEARANCE_INVALID',
      message: '被诉行政机关负责人不能出庭的，应当委托行政机关相应的工作人员出庭，不得仅委托律师出庭（行政诉讼法第三条第三款）',
    });
  if (!a.absenceGround || !a.absenceReason?.trim())
    out.push({ code: 'REMEDY_APPEARANCE_INVALID', message: '负责人未出庭应诉的，须说明不能出庭的理由（行政诉讼法第三条第三款）' });
  else if (a.headRequired && a.absenceGround !== 'legitimate')
    out.push({
      code: 'REMEDY_APPEARANCE_INVALID',
      message: '涉及重大公共利益、社会高度关注或者人民法院书面建议负责人出庭的案件，被诉行政机关负责人应当出庭（解释第一百二十九条），只有正当理由方可不出庭',
    });
  return out;
}

/** 行政复议的法律依据: the 2023 law, or the 2017 law for matters under it (the bureau deciding itself is history). */
export const lawVersions = { '2023': '行政复议法（2023年修订）', '2017': '行政复议法（2017年修正）' } as const;
export type LawVersion = keyof typeof lawVersions;

/** The answer's deadline rule by the law version (2023: working days, 第八十八条第二款; 2017: calendar days). */
export const answerRuleOf = (v: LawVersion): DeadlineRuleId => (v === '2023' ? 'reconsideration.answer' : 'reconsideration.answer.2017');

export const effectLabels: Record<ActEffect, string> = {
  stands: '原行政行为维持',
  changed: '原行政行为被变更',
  setAside: '原行政行为被撤销或者确认违法、无效',
};

export const hearingKindLabels = { opinion: '听取意见', hearing: '听证', mediation: '调解', court: '开庭审理' } as const;
