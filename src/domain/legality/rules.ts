/**
 * 合法性审查（审核）as data: the kinds of matter reviewed, each with its checklist (what the legal office
 * examines, with the article that says so or an honest `sourceNote`), its minimum review time (a deadline
 * rule of `deadlines/rules.ts`), whether 法律顾问、公职律师 must be consulted, and the gate a downstream step
 * calls. Pure: the legality module (src/modules/legality) runs it.
 */
import type { DeadlineRuleId } from '../deadlines/rules.ts';
import type { Problem } from '../workflow.ts';

export const DECISION_ACT = '重大行政决策程序暂行条例@2019-04-20';
export const FAIR_COMPETITION_ACT = '公平竞争审查条例@2024-06-06';
/** 国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见 (not in laws/) */
export const GUOBAN_115 = '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号，文本未入库，未经平台核对）';

export interface ChecklistItem {
  id: string;
  /** the question the reviewer answers, in official wording */
  label: string;
  basis: readonly string[];
  sourceNote?: string;
}

export interface ReviewKind {
  label: string;
  /** what the gate says when the subject has no passing review */
  gateText: string;
  gateBasis: string;
  /** the minimum review time (送请审查后至少保证的审查时间); null where no text sets one */
  minimumRule: DeadlineRuleId | null;
  /** the longest review time, opened as a deadline of the review; null where no text sets one */
  limitRule: DeadlineRuleId | null;
  /** 法律顾问、公职律师 must give a legal opinion before the legality opinion (第二十八条) */
  advisersRequired: boolean;
  advisersBasis?: string;
  checklist: readonly ChecklistItem[];
}

const fairCompetitionItem: ChecklistItem = {
  id: 'fairCompetition',
  label: '涉及经营者经济活动的，是否已进行公平竞争审查，是否含有排除、限制竞争的内容',
  basis: [`${FAIR_COMPETITION_ACT}#第十三条`, `${FAIR_COMPETITION_ACT}#第十八条`],
};

export const reviewKinds = {
  majorPolicyDecision: {
    label: '重大行政决策',
    gateText: '决策草案未经合法性审查或者经审查不合法的，不得提交决策机关讨论（重大行政决策程序暂行条例 第二十五条第二款）',
    gateBasis: `${DECISION_ACT}#第二十五条`,
    minimumRule: 'legality.minimum.majorPolicyDecision',
    limitRule: null,
    advisersRequired: true,
    advisersBasis: `${DECISION_ACT}#第二十八条`,
    checklist: [
      { id: 'authority', label: '决策事项是否符合法定权限', basis: [`${DECISION_ACT}#第二十七条`] },
      { id: 'procedure', label: '决策草案的形成是否履行相关法定程序', basis: [`${DECISION_ACT}#第二十七条`, `${DECISION_ACT}#第二十六条`] },
      { id: 'content', label: '决策草案内容是否符合有关法律、法规、规章和国家政策的规定', basis: [`${DECISION_ACT}#第二十七条`] },
      { ...fairCompetitionItem, basis: [...fairCompetitionItem.basis, `${DECISION_ACT}#第二十九条`] },
    ],
  },
  normativeDocument: {
    label: '行政规范性文件',
    gateText: '行政规范性文件未经合法性审核或者经审核不合法的，不得提交集体审议、不得印发',
    gateBasis: GUOBAN_115,
    minimumRule: 'legality.minimum.normativeDocument',
    limitRule: 'legality.limit.normativeDocument',
    advisersRequired: false,
    checklist: [
      { id: 'issuer', label: '制定主体是否合法', basis: [], sourceNote: GUOBAN_115 },
      { id: 'authority', label: '是否超越制定机关法定职权', basis: [], sourceNote: GUOBAN_115 },
      { id: 'content', label: '内容是否符合宪法、法律、法规、规章和国家政策规定', basis: [], sourceNote: GUOBAN_115 },
      {
        id: 'powers',
        label: '是否违法设立行政许可、行政处罚、行政强制、行政征收、行政收费等事项',
        basis: ['行政处罚法@2021-01-22#第十六条', '行政许可法@2019-04-23#第十七条', '行政强制法@2011-06-30#第十条', '行政强制法@2011-06-30#第十三条'],
        sourceNote: GUOBAN_115,
      },
      {
        id: 'rightsAndDuties',
        label: '是否存在没有法律、法规依据作出减损公民、法人和其他组织合法权益或者增加其义务的情况',
        basis: [],
        sourceNote: GUOBAN_115,
      },
      { id: 'ownPowers', label: '是否存在没有法律、法规依据作出增加本单位权力或者减少本单位法定职责的情形', basis: [], sourceNote: GUOBAN_115 },
      { id: 'procedure', label: '是否违反规范性文件制定程序', basis: [], sourceNote: GUOBAN_115 },
      fairCompetitionItem,
    ],
  },
  contract: {
    label: '合同',
    gateText: '合同未经合法性审查或者经审查不合法的，不得签订',
    gateBasis: '',
    minimumRule: null,
    limitRule: null,
    advisersRequired: false,
    checklist: [
      {
        id: 'parties',
        label: '合同主体是否适格，相对人是否具备相应资质和履约能力',
        basis: [],
        sourceNote: '各地行政机关合同管理办法列举的审查内容（文本未入库，未经平台核对）',
      },
      {
        id: 'authority',
        label: '订立合同是否属于本机关法定职责范围，是否超越权限',
        basis: [],
        sourceNote: '各地行政机关合同管理办法（文本未入库，未经平台核对）',
      },
      {
        id: 'procedure',
        label: '订立程序是否合法（采购方式、招标投标、内部审批）',
        basis: [],
        sourceNote: '政府采购法、招标投标法及各地行政机关合同管理办法（文本未入库，未经平台核对）',
      },
      {
        id: 'content',
        label: '合同内容是否违反法律、行政法规的强制性规定，权利义务是否明确、对等',
        basis: [],
        sourceNote: '民法典合同编（文本未入库，未经平台核对）',
      },
      {
        id: 'liability',
        label: '违约责任、争议解决条款是否明确，是否损害国家利益和社会公共利益',
        basis: [],
        sourceNote: '民法典合同编（文本未入库，未经平台核对）',
      },
      { ...fairCompetitionItem, label: '涉及经营者经济活动的，是否含有排除、限制竞争的内容' },
    ],
  },
} as const satisfies Record<string, ReviewKind>;

/** A short name of each checklist item id, across the kinds (the record shows the opinion's items by it). */
export const checklistItemLabels: Readonly<Record<string, string>> = {
  authority: '法定权限',
  procedure: '法定程序',
  content: '内容是否合法',
  fairCompetition: '公平竞争',
  issuer: '制定主体',
  powers: '违法设立许可、处罚、强制、征收、收费等事项',
  rightsAndDuties: '减损权利或者增加义务',
  ownPowers: '增加本单位权力或者减少本单位法定职责',
  parties: '合同主体是否适格',
  liability: '违约责任和争议解决',
};

export type ReviewKindId = keyof typeof reviewKinds;
export const reviewKindIds = Object.keys(reviewKinds) as [ReviewKindId, ...ReviewKindId[]];
export const reviewKindLabels: Record<ReviewKindId, string> = Object.fromEntries(Object.entries(reviewKinds).map(([k, v]) => [k, v.label])) as Record<
  ReviewKindId,
  string
>;

/**
 * The review periods a province sets, per kind, each a rule of `deadlines/rules.ts` with its own citation: only the
 * national defaults ship (the kinds' rules above); a province adds its entry here — keyed by the first two digits of
 * the reviewing body's GB/T 2260 division code — with its own rule ids (添加到 domain/deadlines/rules.ts，引用本省规定).
 */
export interface LegalityPeriodSettings {
  province: string;
  label: string;
  periods: Partial<Record<ReviewKindId, { minimumRule: DeadlineRuleId | null; limitRule: DeadlineRuleId | null }>>;
  sourceNote: string;
}

export const nationalLegalityPeriods: LegalityPeriodSettings = {
  province: '00',
  label: '全国默认',
  periods: {},
  sourceNote: '重大行政决策程序暂行条例第二十六条（7个工作日）；国办发〔2018〕115号（规范性文件原则上不少于5个工作日、最长不超过15个工作日，文本未入库）',
};

export const provinceLegalityPeriods: Readonly<Record<string, LegalityPeriodSettings>> = {};

/** The minimum and longest review time of a kind for the reviewing body (its province's settings, else the national defaults). */
export function reviewPeriodsFor(
  kind: ReviewKindId,
  divisionCode: string | null | undefined,
): { minimumRule: DeadlineRuleId | null; limitRule: DeadlineRuleId | null } {
  const p = divisionCode?.slice(0, 2);
  const own = (p && provinceLegalityPeriods[p]?.periods[kind]) || nationalLegalityPeriods.periods[kind];
  const k: ReviewKind = reviewKinds[kind];
  return own ?? { minimumRule: k.minimumRule, limitRule: k.limitRule };
}

export const reviewOpinionLabels = { lawful: '合法', lawfulAfterChanges: '修改后合法', unlawful: '不合法' } as const;
export type ReviewOpinion = keyof typeof reviewOpinionLabels;
export const reviewOpinionIds = Object.keys(reviewOpinionLabels) as [ReviewOpinion, ...ReviewOpinion[]];
export const passingOpinions: readonly ReviewOpinion[] = ['lawful', 'lawfulAfterChanges'];

export const checklistVerdictLabels = { pass: '符合', fail: '不符合', notApplicable: '不涉及' } as const;
export type ChecklistVerdict = keyof typeof checklistVerdictLabels;
export const checklistVerdictIds = Object.keys(checklistVerdictLabels) as [ChecklistVerdict, ...ChecklistVerdict[]];

export interface ChecklistAnswer {
  item: string;
  verdict: ChecklistVerdict;
  note?: string | null;
}

export const reviewStateLabels = {
  underReview: '审查中',
  returned: '已退回补充材料',
  concluded: '已出具审查意见',
  withdrawn: '已撤回',
} as const;
export type ReviewState = keyof typeof reviewStateLabels;

/** The facts of the latest (not withdrawn) review of a subject, for the gate. */
export interface LatestReview {
  state: string;
  opinion: ReviewOpinion | null;
}

/**
 * The gate (第二十五条第二款): null when the latest review of the subject concluded 合法 or 修改后合法; else the problem.
 * A review still running, returned for materials, or concluded 不合法 stops the next step, as does none at all.
 */
export function legalityGate(kind: ReviewKindId, latest: LatestReview | null): Problem | null {
  const k: ReviewKind = reviewKinds[kind];
  if (!latest) return { code: 'LEGALITY_REVIEW_MISSING', message: `未经合法性审查。${k.gateText}` };
  if (latest.state !== 'concluded' || !latest.opinion) return { code: 'LEGALITY_REVIEW_PENDING', message: `合法性审查尚未出具意见。${k.gateText}` };
  if (!passingOpinions.includes(latest.opinion)) return { code: 'LEGALITY_REVIEW_UNLAWFUL', message: `经合法性审查不合法。${k.gateText}` };
  return null;
}

/** The problems of an opinion as given: every checklist item answered, reasons where required, no 合法 with a 不符合 item. */
export function opinionProblems(
  kind: ReviewKindId,
  input: { checklist: readonly ChecklistAnswer[]; opinion: ReviewOpinion; reasons?: string | null },
): Problem[] {
  const out: Problem[] = [];
  const items: readonly ChecklistItem[] = reviewKinds[kind].checklist;
  const answered = new Map(input.checklist.map((a) => [a.item, a]));
  const unknown = input.checklist.filter((a) => !items.some((i) => i.id === a.item)).map((a) => a.item);
  if (unknown.length) out.push({ code: 'LEGALITY_CHECKLIST_INCOMPLETE', message: `审查事项不属于该类审查：${unknown.join('、')}` });
  const missing = items.filter((i) => !answered.has(i.id));
  if (missing.length) out.push({ code: 'LEGALITY_CHECKLIST_INCOMPLETE', message: `审查事项未逐项填写：${missing.map((i) => i.label).join('；')}` });
  const failNoNote = items.filter((i) => answered.get(i.id)?.verdict === 'fail' && !answered.get(i.id)?.note?.trim());
  if (failNoNote.length) out.push({ code: 'REASON_REQUIRED', message: `“不符合”的审查事项须说明理由：${failNoNote.map((i) => i.label).join('；')}` });
  if (input.opinion !== 'lawful' && !input.reasons?.trim())
    out.push({ code: 'REASON_REQUIRED', message: `审查意见为“${reviewOpinionLabels[input.opinion]}”的，须载明理由和修改意见` });
  if (input.opinion === 'lawful' && input.checklist.some((a) => a.verdict === 'fail'))
    out.push({ code: 'LEGALITY_OPINION_INCONSISTENT', message: '有审查事项“不符合”的，审查意见不能为“合法”（可为“修改后合法”或“不合法”）' });
  return out;
}

/** The minimum review time (第二十六条第二款 "一般不少于7个工作日"): an opinion before it needs a recorded reason. */
export function minimumPeriodProblem(date: string, earliestOn: string | null, earlyReason: string | null | undefined, minimumText: string): Problem | null {
  if (!earliestOn || date >= earliestOn || earlyReason?.trim()) return null;
  return {
    code: 'LEGALITY_REVIEW_TOO_EARLY',
    message: `${minimumText}；最短审查期至${earliestOn}届满，提前出具审查意见的须载明理由`,
  };
}
