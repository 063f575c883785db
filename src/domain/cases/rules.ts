/**
 * 执法办案 (caseHandling) as data: case sources, evidence kinds with the enforcement act each is
 * (持证上岗, two officers) and whether it needs an 音像记录 (the A/V checklist), service methods,
 * the legal-review checklist of seed 003 §二(三)4, review opinions, and the major-decision
 * catalogue's criteria. Pure; the case module reads it. Change a rule here, in one place.
 */
import type { EnforcementAct } from '../certifiedDuty.ts';
import type { Role } from '../vocabulary.ts';

const APL = '行政处罚法@2021-01-22';

/** 案件来源 */
export const caseSources = {
  inspection: '监督检查发现',
  complaint: '投诉',
  report: '举报',
  transfer: '上级交办或其他机关移送',
  referral: '其他部门移送',
  randomInspection: '双随机抽查发现',
  other: '其他',
  policeReferral: '公安机关移送',
} as const;
export type CaseSource = keyof typeof caseSources;
export const caseSourceIds = Object.keys(caseSources) as [CaseSource, ...CaseSource[]];

/** How a lead came in, as the note of a 案由 whose violation is not known yet: 「（投诉反映）」. */
const sourceNotes: Record<CaseSource, string> = {
  inspection: '监督检查发现',
  complaint: '投诉反映',
  report: '举报反映',
  transfer: '上级交办或移送',
  referral: '其他部门移送',
  randomInspection: '双随机抽查发现',
  other: '',
  policeReferral: '公安机关移送',
};

/**
 * 案由 of a new case as officials write it — 当事人 + 涉嫌 + 违法行为 + 案: 「某某有限公司涉嫌经营超过保质期的食品案」;
 * before the violation is known, 「某某有限公司涉嫌违法案（投诉反映）」 — never the lead's own words (「涉嫌投诉反映：…」).
 */
export function caseTitle(partyName: string, source: CaseSource, violation?: string | null): string {
  const v = violation
    ?.trim()
    .replace(/^涉嫌/, '')
    .replace(/[。；，\s]+$/, '')
    .replace(/案$/, '');
  if (v) return `${partyName}涉嫌${v}案`;
  return `${partyName}涉嫌违法案${sourceNotes[source] ? `（${sourceNotes[source]}）` : ''}`;
}

/** 办案程序 */
export const procedures = { ordinary: '普通程序', summary: '简易程序' } as const;
export type Procedure = keyof typeof procedures;

/**
 * What a case list shows in place of the 案号: the 案号 once filed; a 简易程序 case is never filed (当场处罚,
 * 行政处罚法 第五十一条), so its 当场行政处罚决定书's 文号, or 「简易程序（当场处罚）」 before the decision;
 * an ordinary-procedure lead not filed yet, 「（未立案）」.
 */
export function caseNumberLabel(c: { caseNumber: string | null; procedure: Procedure; decisionNumber: string | null }): string {
  if (c.caseNumber) return c.caseNumber;
  if (c.procedure === 'summary') return c.decisionNumber ? `当场处罚 ${c.decisionNumber}` : '简易程序（当场处罚）';
  return '（未立案）';
}

/**
 * 音像记录事项清单 (avChecklist): the acts that must be recorded on audio/video before the step
 * completes. Source: 国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的
 * 指导意见（国办发〔2018〕118号）, seed 003 §二(二) — "查封扣押财产、强制拆除等直接涉及人身自由、生命健康、
 * 重大财产权益的现场执法活动和执法办案场所，要推行全程音像记录"; 市场监管 practice adds on-site inspection,
 * sampling, evidence preservation, hearings and 留置送达.
 */
export const avChecklist = {
  siteInspection: { label: '现场检查', source: '国办发〔2018〕118号；本局音像记录事项清单' },
  sampling: { label: '抽样取证', source: '国办发〔2018〕118号；本局音像记录事项清单' },
  evidencePreservation: { label: '先行登记保存证据', source: '国办发〔2018〕118号；本局音像记录事项清单' },
  coerciveMeasure: { label: '查封、扣押等行政强制措施', source: '国办发〔2018〕118号（全程音像记录）' },
  hearing: { label: '听证', source: '本局音像记录事项清单' },
  leftService: { label: '留置送达', source: '本局音像记录事项清单；民事诉讼法 第八十九条' },
  summaryPenalty: { label: '当场作出行政处罚决定', source: '本局音像记录事项清单' },
} as const;
export type AvStep = keyof typeof avChecklist;

/** 证据种类 (evidence kinds of an investigation): the act each is, and its A/V step if it has one. */
export const evidenceKinds: Record<string, { label: string; act: EnforcementAct | null; av: AvStep | null }> = {
  inquiryRecord: { label: '询问笔录', act: 'inquiry', av: null },
  siteRecord: { label: '现场笔录', act: 'inspection', av: 'siteInspection' },
  extraction: { label: '证据提取', act: 'inspection', av: null },
  sampling: { label: '抽样', act: 'sampling', av: 'sampling' },
  testReport: { label: '检验检测报告', act: null, av: null },
  evidencePreservation: { label: '先行登记保存', act: 'evidencePreservation', av: 'evidencePreservation' },
  coerciveMeasure: { label: '行政强制措施', act: 'coerciveMeasure', av: 'coerciveMeasure' },
  documentary: { label: '书证', act: null, av: null },
  electronicData: { label: '电子数据', act: null, av: null },
};
export const evidenceKindIds = Object.keys(evidenceKinds) as [string, ...string[]];

/** 送达方式 (民事诉讼法 第八十七条—第九十五条 via 行政处罚法 第六十一条); 留置送达 needs an A/V record. */
export const serviceMethods = {
  direct: { label: '直接送达', av: null },
  left: { label: '留置送达', av: 'leftService' as AvStep },
  electronic: { label: '电子送达（当事人同意）', av: null },
  mail: { label: '邮寄送达', av: null },
  entrusted: { label: '委托送达', av: null },
  publicNotice: { label: '公告送达', av: null },
} as const;
export type ServiceMethod = keyof typeof serviceMethods;
export const serviceMethodIds = Object.keys(serviceMethods) as [ServiceMethod, ...ServiceMethod[]];

/** 法制审核 checklist (seed 003 §二(三)4 and 行政处罚法 第五十八条). */
export const legalReviewItems = {
  subject: '执法主体是否合法',
  officerQualification: '执法人员是否具备执法资格',
  facts: '案件事实是否清楚',
  evidence: '证据是否确凿充分',
  lawApplied: '适用法律、法规、规章是否准确',
  discretion: '行政裁量权基准适用是否适当',
  procedure: '执法程序是否合法',
  competence: '是否超越执法机关法定权限、滥用职权',
  instruments: '行政执法文书是否完备、规范',
  criminalReferral: '违法行为是否涉嫌犯罪、需要移送司法机关',
} as const;
export type LegalReviewItem = keyof typeof legalReviewItems;
export const legalReviewItemIds = Object.keys(legalReviewItems) as [LegalReviewItem, ...LegalReviewItem[]];

/** 审核意见 */
export const reviewOpinions = { agree: '同意', agreeAfterChanges: '修改后同意', disagree: '不同意' } as const;
export type ReviewOpinion = keyof typeof reviewOpinions;

/** 集体讨论决定 */
export const discussionDecisions = {
  penalty: '给予行政处罚',
  noPenalty: '不予行政处罚',
  /** 依免罚清单免予行政处罚 — a decision of its own, not 不予处罚 (issue 10 item 3) */
  exempted: '免予行政处罚',
  referral: '移送司法机关',
  furtherInvestigation: '补充调查',
} as const;
export type DiscussionDecision = keyof typeof discussionDecisions;

/** 集体讨论: the fewest leaders present for a valid discussion (本局案审会议事规则; configurable here). */
export const DISCUSSION_MIN_ATTENDEES = 3;

/**
 * 重大执法决定法制审核目录清单 (majorDecisionCatalogue): the criteria that make a decision major.
 * The amount thresholds are the org's dated 较大数额 (discretion_thresholds, kind majorDecision);
 * which criteria apply is the org's dated catalogue (major_decision_catalogues), by default all.
 */
export const majorCriteria = {
  largeFine: { label: '较大数额罚款', basis: `${APL}#第五十八条` },
  largeConfiscation: { label: '没收较大数额违法所得、非法财物', basis: `${APL}#第五十八条` },
  licenceRevocation: { label: '吊销许可证件、降低资质等级', basis: `${APL}#第五十八条` },
  businessSuspension: { label: '责令停产停业、责令关闭、限制从业', basis: `${APL}#第五十八条` },
  hearingHeld: { label: '经过听证程序', basis: `${APL}#第五十八条` },
  complex: { label: '案件情况疑难复杂、涉及多个法律关系', basis: `${APL}#第五十八条` },
  publicInterest: { label: '涉及重大公共利益', basis: `${APL}#第五十八条` },
  criminalReferral: { label: '涉嫌犯罪移送司法机关', basis: `${APL}#第五十八条` },
} as const;
export type MajorCriterion = keyof typeof majorCriteria;
export const majorCriterionIds = Object.keys(majorCriteria) as [MajorCriterion, ...MajorCriterion[]];

/** 履行方式 */
export const paymentKinds = { payment: '缴纳罚没款', lateFee: '缴纳加处罚款' } as const;

/** 加处罚款: 3 % of the fine a day, in total never more than the fine (行政处罚法 第七十二条第一款第（一）项). */
export const LATE_FEE_PERMILLE_PER_DAY = 30;
export const LATE_FEE_BASIS = `${APL}#第七十二条`;

/**
 * The case acts that are not workflow transitions: in which states and by which roles each may be done.
 * One table: `casePolicy` (the abilities the case file shows) and `actOnCase` (the check when the act is done)
 * both read it, so the console's buttons and the server's refusals cannot disagree.
 */
export const caseActs = {
  addEvidence: { label: '登记证据', states: ['verifying', 'filingProposed', 'investigating'], roles: ['officer'], needsFine: false },
  recordStatement: { label: '登记陈述申辩', states: ['noticed', 'hearingRequested', 'hearingScheduled', 'heard'], roles: ['officer'], needsFine: false },
  recordWaiver: { label: '登记放弃权利', states: ['noticed'], roles: ['officer'], needsFine: false },
  recordPayment: { label: '登记缴款', states: ['served', 'enforcement'], roles: ['officer', 'admin'], needsFine: true },
  approvePaymentPlan: { label: '批准延期或分期缴纳罚款', states: ['served'], roles: ['leader'], needsFine: true },
  recordChallenge: { label: '登记行政复议或者行政诉讼', states: ['served', 'enforcement'], roles: ['officer', 'legalReviewer'], needsFine: false },
  recordExecution: { label: '登记处罚决定的执行', states: ['served', 'enforcement'], roles: ['officer', 'admin'], needsFine: false },
  // 查封、扣押 (行政强制法 第二十四条—第二十八条): decided during the check or the investigation; extended (a leader), a
  // testing period excluded, released or ended by a decision in any state of an open case
  imposeMeasure: { label: '决定查封、扣押', states: ['verifying', 'filingProposed', 'investigating'], roles: ['officer'], needsFine: false },
  extendMeasure: { label: '延长查封、扣押期限', states: null, roles: ['leader'], needsFine: false, refusal: '延长查封、扣押期限须经行政机关负责人批准' },
  recordMeasureTesting: { label: '登记检测、检验期间', states: null, roles: ['officer', 'leader'], needsFine: false },
  endMeasure: { label: '解除查封、扣押或作出处理决定', states: null, roles: ['officer'], needsFine: false },
  // 先行登记保存的处理决定 (行政处罚法 第五十六条)
  decidePreservation: { label: '先行登记保存处理决定', states: null, roles: ['officer'], needsFine: false },
  // 告知实名举报人是否立案 (投诉举报处理暂行办法 第三十一条): after 批准立案 or 不予立案 (a final state: see notifyReporterStates)
  notifyReporter: { label: '告知举报人是否立案', states: null, roles: ['officer'], needsFine: false, afterFinal: true },
  // 推送至当事人登记地 (行政处罚信息公示规定 第十条)
  recordPublicityPush: { label: '推送行政处罚信息', states: null, roles: ['officer', 'admin'], needsFine: false },
  // a deadline is extended or suspended in any state of an open case (states: null)
  extendDeadline: { label: '延长期限', states: null, roles: ['leader'], needsFine: false, refusal: '延长期限须由负责人批准' },
  suspendDeadline: { label: '中止期限', states: null, roles: ['officer', 'leader'], needsFine: false, refusal: '当前用户不能中止期限' },
} as const satisfies Record<
  string,
  /** afterFinal: the act is also taken once the case is 办结 (every other act only on an open case) */
  { label: string; states: readonly string[] | null; roles: readonly Role[]; needsFine: boolean; refusal?: string; afterFinal?: boolean }
>;
export type CaseActId = keyof typeof caseActs;
