/**
 * The form of every transition of the two workflows, declared once and typed against the server's input schemas
 * (a new transition without a form does not compile). Field kinds: text, textarea, date, number, select (a closed set
 * of the domain), bool, tags (a list of text), and the lists of experts, members and catalogue items.
 */
import {
  decisionCategories,
  expertMethods,
  expertSkipGrounds,
  meetingKinds,
  memberOpinions,
  participationMethods,
  participationSkipGrounds,
  postEvaluationConclusions,
  postEvaluationGrounds,
  riskConclusions,
  riskLevels,
  riskSkipGrounds,
} from '../../../../src/domain/majorDecisions/rules';
import type { CatalogueTransition, DecisionTransition } from '../../../../src/modules/majorDecisions/transitions/inputs';

export type FieldKind = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'bool' | 'tags' | 'experts' | 'members' | 'items' | 'org' | 'itemPick';

export interface Field {
  name: string;
  label: string;
  kind: FieldKind;
  optional?: boolean;
  values?: Readonly<Record<string, string>>;
  help?: string;
}

export interface FormSpec {
  intro?: string;
  fields: Field[];
  danger?: boolean;
}

const discussion: FormSpec = {
  intro: '第三十条：会议组成人员充分发表意见，行政首长最后发表意见；与多数人意见不一致的，应当在会上说明理由；不同意见应当如实载明。',
  fields: [
    { name: 'meetingKind', label: '会议类型', kind: 'select', values: meetingKinds },
    { name: 'meetingName', label: '会议名称', kind: 'text' },
    { name: 'heldOn', label: '会议日期', kind: 'date' },
    { name: 'head', label: '行政首长', kind: 'text' },
    { name: 'members', label: '会议组成人员的意见', kind: 'members' },
    { name: 'headOpinion', label: '行政首长的意见（最后发表）', kind: 'textarea' },
    { name: 'headReason', label: '与多数人意见不一致的理由', kind: 'textarea', optional: true },
    { name: 'minutes', label: '会议记录', kind: 'textarea' },
  ],
};

export const decisionForms: Record<DecisionTransition, FormSpec> = {
  openPublicComment: {
    intro: '第十五条：公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明。',
    fields: [
      { name: 'text', label: '公开征求意见的决策草案及其说明（每条一行）', kind: 'textarea' },
      { name: 'startsOn', label: '开始日期', kind: 'date', optional: true },
      { name: 'days', label: '期限（日）', kind: 'number' },
      { name: 'shortenedReason', label: '缩短期限的说明', kind: 'textarea', optional: true },
    ],
  },
  recordParticipation: {
    intro: '听证会：提前公布材料；材料于召开7日前送达听证参加人（第十六条）；听证参加人确认记录并签字（第十七条）。',
    fields: [
      { name: 'method', label: '方式', kind: 'select', values: participationMethods },
      { name: 'heldOn', label: '日期', kind: 'date' },
      { name: 'place', label: '地点', kind: 'text' },
      { name: 'participants', label: '参加人员', kind: 'textarea' },
      { name: 'summary', label: '意见和情况', kind: 'textarea' },
      { name: 'materialsPublishedOn', label: '听证材料公布日期', kind: 'date', optional: true },
      { name: 'materialsDeliveredOn', label: '听证材料送达日期', kind: 'date', optional: true },
      { name: 'recordSigned', label: '听证参加人已确认听证会记录并签字', kind: 'bool', optional: true },
    ],
  },
  concludeParticipation: {
    intro: '第十八条：对意见归纳整理、研究论证，充分采纳合理意见。',
    fields: [{ name: 'adoption', label: '意见采纳情况', kind: 'textarea' }],
  },
  skipParticipation: {
    fields: [
      { name: 'ground', label: '依据', kind: 'select', values: participationSkipGrounds },
      { name: 'reason', label: '理由', kind: 'textarea' },
    ],
  },
  recordExpertArgument: {
    intro: '第二十条：不得选择与决策事项有直接利害关系的专家、专业机构。',
    fields: [
      { name: 'method', label: '论证方式', kind: 'select', values: expertMethods },
      { name: 'heldOn', label: '论证日期', kind: 'date' },
      { name: 'experts', label: '专家、专业机构及其意见', kind: 'experts' },
      { name: 'adoption', label: '论证意见的采纳情况', kind: 'textarea' },
    ],
  },
  skipExpertArgument: {
    fields: [
      { name: 'ground', label: '依据', kind: 'select', values: expertSkipGrounds },
      { name: 'reason', label: '理由', kind: 'textarea' },
    ],
  },
  recordRiskAssessment: {
    intro: '第二十四条：认为风险不可控的，在采取调整决策草案等措施确保风险可控后，可以作出决策。',
    fields: [
      { name: 'assessor', label: '评估单位', kind: 'text' },
      { name: 'methods', label: '评估方式和方法', kind: 'textarea' },
      { name: 'departmentsHeard', label: '听取有关部门意见的情况', kind: 'textarea' },
      { name: 'riskPoints', label: '风险点', kind: 'tags' },
      { name: 'level', label: '风险等级', kind: 'select', values: riskLevels },
      { name: 'measures', label: '风险防范措施和处置预案', kind: 'textarea' },
      { name: 'conclusion', label: '结论', kind: 'select', values: riskConclusions },
      { name: 'measuresTaken', label: '确保风险可控所采取的措施', kind: 'textarea', optional: true },
    ],
  },
  skipRiskAssessment: {
    fields: [
      { name: 'ground', label: '依据', kind: 'select', values: riskSkipGrounds },
      { name: 'reason', label: '理由', kind: 'textarea' },
      { name: 'priorAssessment', label: '已有的评价、评估', kind: 'text', optional: true },
    ],
  },
  requestFairCompetitionReview: { fields: [{ name: 'text', label: '送审的决策草案', kind: 'textarea' }] },
  requestLegalityReview: {
    intro: '第二十六条：送请合法性审查，应当提供决策草案及相关材料，包括有关法律、法规、规章等依据和履行决策法定程序的说明。',
    fields: [
      { name: 'materials', label: '送审材料（决策草案及有关依据）', kind: 'textarea' },
      { name: 'procedureNote', label: '履行决策法定程序的说明', kind: 'textarea' },
    ],
  },
  reviseDraft: {
    fields: [
      { name: 'draft', label: '修改后的决策草案', kind: 'textarea' },
      { name: 'note', label: '根据审查意见所作的调整或者补充', kind: 'textarea' },
    ],
  },
  decide: discussion,
  decline: { ...discussion, danger: true },
  publish: {
    intro: '第三十二条：对社会公众普遍关心或者专业性、技术性较强的重大行政决策，应当说明公众意见、专家论证意见的采纳情况。',
    fields: [
      { name: 'text', label: '决策内容', kind: 'textarea' },
      { name: 'explanation', label: '决策说明', kind: 'textarea' },
      { name: 'publicOpinions', label: '公众意见的采纳情况', kind: 'textarea', optional: true },
      { name: 'expertOpinions', label: '专家论证意见的采纳情况', kind: 'textarea', optional: true },
      { name: 'partyCommitteeReport', label: '出台前向同级党委请示报告的情况（第三十一条）', kind: 'textarea' },
      { name: 'publishedOn', label: '公布日期', kind: 'date', optional: true },
    ],
  },
  assignExecution: {
    fields: [
      { name: 'executionUnitId', label: '决策执行单位', kind: 'org' },
      { name: 'tasks', label: '执行任务', kind: 'textarea' },
    ],
  },
  reportExecution: {
    fields: [
      { name: 'reportedOn', label: '报告日期', kind: 'date' },
      { name: 'progress', label: '执行情况', kind: 'textarea' },
      { name: 'problems', label: '发现的问题或者重大变化（第三十五条）', kind: 'textarea', optional: true },
    ],
  },
  startPostEvaluation: {
    intro: '第三十六条：委托第三方评估的，决策作出前承担主要论证评估工作的单位除外。',
    fields: [
      { name: 'ground', label: '情形', kind: 'select', values: postEvaluationGrounds },
      { name: 'evaluator', label: '承担评估具体工作的单位', kind: 'text' },
      { name: 'thirdParty', label: '委托第三方评估', kind: 'bool' },
      { name: 'plan', label: '评估方案', kind: 'textarea' },
    ],
  },
  concludePostEvaluation: {
    fields: [
      { name: 'concludedOn', label: '完成日期', kind: 'date' },
      { name: 'publicHeard', label: '听取社会公众意见的情况', kind: 'textarea' },
      { name: 'findings', label: '评估结果', kind: 'textarea' },
      { name: 'conclusion', label: '建议', kind: 'select', values: postEvaluationConclusions },
    ],
  },
  archive: {
    intro: '第三十三条：将履行决策程序形成的记录、材料及时完整归档。',
    fields: [
      { name: 'archivedOn', label: '归档日期', kind: 'date' },
      { name: 'archiveNo', label: '档号', kind: 'text' },
    ],
  },
};

export const catalogueForms: Record<CatalogueTransition, FormSpec> = {
  reviseCatalogue: {
    fields: [
      { name: 'items', label: '目录事项', kind: 'items' },
      { name: 'standard', label: '决策事项标准', kind: 'textarea', optional: true },
    ],
  },
  approveCatalogue: {
    intro: '第三条第三款：确定决策事项目录、标准，经同级党委同意后向社会公布。',
    fields: [
      { name: 'approvedOn', label: '同意日期', kind: 'date' },
      { name: 'approvedBy', label: '同意的党委（党组）', kind: 'text' },
      { name: 'document', label: '同意的文件或者会议纪要', kind: 'text' },
    ],
  },
  publishCatalogue: { fields: [{ name: 'publishedOn', label: '公布日期', kind: 'date', optional: true }] },
  adjustCatalogue: {
    intro: '第三条第三款：根据实际情况调整。调整及其理由在门户网站上与目录一并公布。',
    fields: [
      { name: 'adjustedOn', label: '调整日期', kind: 'date' },
      { name: 'reason', label: '调整理由', kind: 'textarea' },
      { name: 'add', label: '增加的事项', kind: 'items', optional: true },
      { name: 'removeItemIds', label: '移出的事项', kind: 'itemPick', optional: true },
    ],
  },
};

export { decisionCategories, memberOpinions };
