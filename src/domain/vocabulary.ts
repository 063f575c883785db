/**
 * Closed vocabularies with their Chinese labels, shared by the server and the web UI
 * (the web imports this file directly, so a label exists once).
 */

export const roles = ['officer', 'legalReviewer', 'leader', 'supervisor', 'admin', 'platformAdmin'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  officer: '执法人员',
  legalReviewer: '法制审核人员',
  leader: '局领导',
  supervisor: '执法监督人员',
  admin: '系统管理员',
  platformAdmin: '平台管理员',
};

export const orgKinds = ['bureau', 'squad', 'station', 'legalOffice', 'department', 'judicialBureau'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = {
  bureau: '行政机关',
  squad: '执法大队',
  station: '市场监管所',
  legalOffice: '法制机构',
  department: '业务科室',
  judicialBureau: '司法行政机关',
};

/** An officer's overall certificate status as the lists show it. */
export const certificateSummaryLabels = {
  valid: '有效',
  expiringSoon: '即将到期',
  expired: '已过期',
  suspended: '暂扣',
  revoked: '已注销',
  none: '无执法证',
} as const;

export const trainingKindLabels: Record<string, string> = { training: '培训', exam: '考试' };

/** Matter types whose history the record keeps. */
export const matterTypeLabels: Record<string, string> = {
  org: '机构',
  user: '用户',
  officer: '执法人员',
  calendar: '工作日历',
  powerItem: '权责事项',
  legalSource: '法律法规',
  violation: '违法行为',
  discretionBenchmark: '裁量基准',
  discretionThreshold: '较大数额标准',
  case: '行政处罚案件',
  majorCatalogue: '重大执法决定目录',
  inspectionItem: '抽查事项',
  targetPool: '检查对象名录库',
  inspectionPlan: '抽查计划',
  inspectionTask: '抽查任务',
  publication: '行政执法公示',
  accessLog: '访问日志',
  legalityReview: '合法性审查',
  legalAdviser: '法律顾问、公职律师',
  contractReview: '合同合法性审查',
  legislativeConsultation: '立法征询',
  publicConsultation: '公开征求意见',
  fairCompetitionReview: '公平竞争审查',
  normativeDocument: '规范性文件',
  normativePlan: '规范性文件制定计划',
  decisionCatalogue: '重大行政决策事项目录',
  majorPolicyDecision: '重大行政决策',
  figureSet: '统计指标集',
  reconsideration: '行政复议',
  lawsuit: '行政诉讼',
  complaint: '投诉',
  report: '举报',
  annualReport: '年度报告',
  disclosureRequest: '政府信息公开申请',
  recommendation: '检察建议、司法建议',
};

/** Where the staff console shows a matter of each workflow type (`/cases/:id` …): the 待办 and the record link to it. */
export const matterPages: Record<string, string> = {
  case: '/cases',
  publication: '/publicity',
  inspectionTask: '/inspections/tasks',
  normativeDocument: '/normative-documents',
  decisionCatalogue: '/major-decisions/catalogues',
  majorPolicyDecision: '/major-decisions',
  publicConsultation: '/consultations',
  fairCompetitionReview: '/fair-competition',
  legalityReview: '/legality/reviews',
  contractReview: '/contracts',
  legislativeConsultation: '/legislative-consultations',
  reconsideration: '/remedies/reconsiderations',
  lawsuit: '/remedies/lawsuits',
  complaint: '/complaints',
  report: '/complaints',
  annualReport: '/annual-reports',
  disclosureRequest: '/disclosure',
  recommendation: '/recommendations',
};
