/**
 * The record's field catalogue: the Chinese label of every payload field of every event type
 * (events.ts) and how its value is shown — one table, keyed by field name, by a parent.field path, or by
 * `eventType:path` where the same name means something else in one event. The record viewer
 * (present.ts on the server, the console's timeline) reads only this; `test/record-labels.test.ts`
 * walks every payload schema and every transition's input and fails on a field without a label.
 * Pure data: the console imports it as well.
 */
import { caseSources, evidenceKinds, legalReviewItems, reviewOpinions, serviceMethods } from '../../domain/cases/rules.ts';
import { decisionOutcomes, noPenaltyGrounds, onSiteCollectionGrounds } from '../../domain/cases/decide.ts';
import { challengeKinds, challengeOutcomes, executionActs, terminationGrounds } from '../../domain/cases/execution.ts';
import { disposalGrounds, measureKinds, preservationDecisions, releaseGrounds } from '../../domain/cases/measures.ts';
import { certificateStatusLabels, enforcementFields } from '../../domain/certifiedDuty.ts';
import { standardCircumstances } from '../../domain/discretion/circumstances.ts';
import {
  applyModes,
  baseKinds,
  circumstanceEffects,
  circumstanceForces,
  discretionTiers,
  exemptionLists,
  partyTypes as discretionPartyTypes,
  penaltyKinds,
} from '../../domain/discretion/vocabulary.ts';
import { powerChangeReasons } from '../../domain/powers.ts';
import { exemptionGrounds, publicationChannels, publicationKinds, withdrawalGrounds } from '../../domain/publicity/rules.ts';
import { orgKindLabels, trainingKindLabels } from '../../domain/vocabulary.ts';
import { instrumentTemplates, sharedLabels } from '../documents/templates/index.ts';
import { majorDecisionFields } from './labels/majorDecisions.ts';

/**
 * How a value is shown. Plain values need no kind: booleans are 是/否, YYYY-MM-DD dates stay as they are,
 * timestamps become 北京时间, numbers and text stay, arrays are lists, objects labelled sub-fields.
 * - references (`org` … `article`): the id becomes a name, linked to its page where the console has one;
 * - `fen`: an amount in 分, shown in 元 with two decimals; `bytes`: a file size;
 * - `state` / `transition`: the workflow's label (the event's `type` and `workflowVersion`, else the entry's matter);
 * - `deadlineRule`, `role`, `field`, `matterType`: the platform's vocabularies;
 * - `hash`: a digest, shown shortened; `mime`: a media type in words (视频（MP4）); `hidden`: an internal id repeating the entry's own matter, not shown.
 */
export type FieldKind =
  | 'org'
  | 'user'
  | 'officer'
  | 'matter'
  | 'evidenceFile'
  | 'caseEvidence'
  | 'violation'
  | 'powerItem'
  | 'inspectionItem'
  | 'article'
  | 'lawVersion'
  | 'fen'
  | 'bytes'
  | 'state'
  | 'transition'
  | 'deadlineRule'
  | 'role'
  | 'field'
  | 'matterType'
  | 'hash'
  | 'mime'
  | 'hidden';

export interface FieldSpec {
  label: string;
  /** the position of its catalogue entry: rows are shown in catalogue order (the stored payload's keys are sorted) */
  rank?: number;
  kind?: FieldKind;
  /** the Chinese label of each value of a closed set */
  values?: Readonly<Record<string, string>>;
}

const labelled = <K extends string>(t: Record<K, { label: string }>): Record<K, string> =>
  Object.fromEntries(Object.entries<{ label: string }>(t).map(([k, v]) => [k, v.label])) as Record<K, string>;

const hashAlgs = { sm3: 'SM3', sha256: 'SHA-256' };
const procedures = { ordinary: '普通程序', summary: '简易程序' };
const partyTypes = { naturalPerson: '自然人', organisation: '法人或者其他组织' };
const inspectionMethods = { onSite: '现场检查', documents: '书面检查', online: '网络检查', sampling: '抽样检查' };

const f = (label: string, kind?: FieldKind, values?: Record<string, string>): FieldSpec => ({ label, kind, values });

/** A map of a closed set's keys, each under `parent.key`, e.g. the amounts of `bases` by base kind. */
const keyed = (parent: string, t: Record<string, string>, kind?: FieldKind) =>
  Object.fromEntries(Object.entries(t).map(([k, label]) => [`${parent}.${k}`, f(label, kind)]));

const instrumentTitles = Object.fromEntries(instrumentTemplates.map((t) => [t.kind, t.title]));
/** The data a transition adds to its instrument (`input.instrumentData`), labelled as the templates label it. */
const instrumentDataLabels = Object.fromEntries(
  [sharedLabels, ...instrumentTemplates.map((t) => t.labels ?? {})]
    .flatMap((l) => Object.entries(l))
    .filter(([k]) => !k.includes('.'))
    .map(([k, label]) => [`instrumentData.${k}`, label]),
);

/**
 * Field name → label (and kind). A `parent.field` key applies inside that parent (any event), an
 * `eventType:path` key (path of field names, arrays left out) in that event only.
 */
export const recordFields: Readonly<Record<string, string | FieldSpec>> = {
  // ── references ───────────────────────────────────────────────────────────────
  orgId: f('所属机构', 'org'),
  parentId: f('上级机构', 'org'),
  bodyId: f('执法主体', 'org'),
  unitId: f('承办机构', 'org'),
  ownerOrgId: f('维护机关', 'org'),
  jointOrgIds: f('联合检查部门', 'org'),
  userId: f('用户', 'hidden'),
  approverId: f('批准人', 'user'),
  approvedBy: f('批准人', 'user'),
  officerId: f('执法人员', 'officer'),
  officerIds: f('执法人员', 'officer'),
  investigatorIds: f('承办人员', 'officer'),
  inspectorIds: f('检查人员', 'officer'),
  hostOfficerId: f('听证主持人', 'officer'),
  matterId: f('事项', 'matter'),
  caseId: f('案件', 'matter'),
  leadId: f('移交的案件线索', 'matter'),
  publicationId: f('公示信息', 'matter'),
  taskId: f('抽查任务', 'matter'),
  avFileIds: f('音像记录', 'evidenceFile'),
  evidenceIds: f('证据文件', 'evidenceFile'),
  evidenceId: f('证据', 'caseEvidence'),
  violationId: f('违法行为', 'violation'),
  powerItemId: f('对应权责事项', 'powerItem'),
  itemIds: f('抽查事项', 'inspectionItem'),
  articleId: f('依据条文', 'article'),
  newArticleId: f('新版本对应条文', 'article'),
  violates: f('违反条款', 'article'),
  punishes: f('处罚依据', 'article'),
  amendedVersionIds: f('被修改的版本', 'lawVersion'),
  raisedByVersion: f('引起变更的版本', 'lawVersion'),
  // internal ids: the entry's own matter or a row only the record needs
  certificateId: f('执法证', 'hidden'),
  trainingId: f('培训记录', 'hidden'),
  instrumentId: f('文书', 'hidden'),
  changeId: f('变更记录', 'hidden'),
  versionId: f('版本', 'hidden'),
  importBatch: f('导入批次', 'hidden'),
  importId: f('导入批次', 'hidden'),
  benchmarkId: f('裁量基准', 'hidden'),
  thresholdId: f('较大数额标准', 'hidden'),
  catalogueId: f('目录', 'hidden'),
  challengeId: f('复议或诉讼', 'hidden'),
  measureId: f('强制措施', 'hidden'),
  recordId: f('执行记录', 'hidden'),
  deadlineId: f('期限', 'hidden'),
  flagId: f('依据变更', 'hidden'),
  relationId: f('回避关系', 'hidden'),
  resultId: f('抽查结果', 'hidden'),
  targetId: f('检查对象', 'hidden'),
  exportId: f('导出批次', 'hidden'),
  planId: f('抽查计划', 'hidden'),
  subjectId: f('引用对象', 'hidden'),
  itemId: f('事项', 'hidden'),
  'power.added:parentId': f('上级事项', 'powerItem'),
  'power.amended:parentId': f('上级事项', 'powerItem'),
  'power.removed:parentId': f('上级事项', 'powerItem'),
  cascadeOf: f('随上级事项取消', 'powerItem'),
  'inspectionItem.saved:itemId': f('抽查事项', 'hidden'),
  'law.versionImported:sourceId': '法律法规',
  'law.versionImported:versionId': f('版本', 'lawVersion'),
  'law.versionRepealed:sourceId': '法律法规',
  'law.versionRepealed:versionId': f('版本', 'lawVersion'),
  'publication.scheduled:sourceId': f('来源', 'matter'),
  'files.id': f('文件', 'evidenceFile'),
  'approvedBy.id': f('批准人', 'hidden'),
  // ── the workflow engine ─────────────────────────────────────────────────────
  type: f('事项类型', 'matterType'),
  workflowVersion: '流程版本',
  state: f('状态', 'state'),
  transition: f('环节', 'transition'),
  label: '环节名称',
  'matter.transitioned:from': f('原状态', 'state'),
  'matter.transitioned:to': f('新状态', 'state'),
  'matter.transitioned:version': f('办理次序', 'hidden'),
  'matter.created:workflowVersion': f('流程版本', 'hidden'),
  'matter.transitioned:type': f('事项类型', 'hidden'),
  'matter.transitioned:workflowVersion': f('流程版本', 'hidden'),
  'matter.transitioned:label': f('环节名称', 'hidden'),
  date: '办理日期',
  input: '办理内容',
  result: '办理结果',
  deadlinesOpened: '开始计算的期限',
  deadlinesMet: f('已履行的期限', 'deadlineRule'),
  ruleId: f('期限', 'deadlineRule'),
  ruleIds: f('期限', 'deadlineRule'),
  due: '届满日期',
  approval: '批准情况',
  period: '中止期间',
  warnFrom: '提醒日期',
  calendarDate: '调整的日期',
  deadlines: '期限',
  // ── orgs, users, officers, certificates, trainings ──────────────────────────
  name: '名称',
  kind: '类型',
  'org.created:kind': f('机构类型', undefined, orgKindLabels),
  isEnforcementBody: '执法主体',
  legalBasis: '法定依据',
  changes: '变更内容',
  username: '用户名',
  displayName: '姓名',
  roles: f('角色', 'role'),
  mustChangePassword: '下次登录须修改密码',
  active: '启用',
  by: f('修改方式', undefined, { self: '本人修改', admin: '管理员重置' }),
  employeeNo: '工号',
  gender: '性别',
  position: '职务',
  legalExamPassed: '通过法律职业资格考试',
  shortName: '简称',
  divisionCode: '行政区划代码',
  sortOrder: '排序',
  number: '编号',
  'certificate.issued:number': '证号',
  issuingAuthority: '发证机关',
  fields: f('执法领域', 'field'),
  areas: '执法区域',
  validFrom: '有效期自',
  validTo: '有效期至',
  'certificate.statusChanged:from': f('原状态', undefined, certificateStatusLabels),
  'certificate.statusChanged:to': f('新状态', undefined, certificateStatusLabels),
  status: f('状态', undefined, certificateStatusLabels),
  reason: f('原因', undefined, powerChangeReasons),
  'training.recorded:kind': f('类别', undefined, trainingKindLabels),
  title: '名称',
  heldOn: '日期',
  hours: '学时',
  score: '成绩',
  passed: '是否通过',
  organizer: '组织单位',
  // ── files and instruments ───────────────────────────────────────────────────
  fileName: '文件名',
  contentType: f('文件类型', 'mime'),
  'evidence.uploaded:evidenceId': f('证据文件', 'hidden'),
  'case.evidenceAdded:evidenceId': f('证据', 'hidden'),
  sizeBytes: f('大小', 'bytes'),
  description: '说明',
  'instrument.issued:kind': f('文书种类', undefined, instrumentTitles),
  'instrument.issued:number': '文号',
  'instrument.issued:seq': '流水号',
  year: '年度',
  seq: '序号',
  templateVersion: '模板版本',
  issuedOn: '制作日期',
  'instrument.orgCodeSet:from': '原机关代字',
  'instrument.orgCodeSet:to': '新机关代字',
  instrumentNumber: '文书文号',
  instrumentNumbers: '文书文号',
  hashAlg: f('哈希算法', undefined, hashAlgs),
  contentHash: f('内容哈希', 'hash'),
  dataHash: f('数据哈希', 'hash'),
  docxHash: f('Word 文件哈希', 'hash'),
  docxSize: f('Word 文件大小', 'bytes'),
  pdfHash: f('PDF 文件哈希', 'hash'),
  pdfSize: f('PDF 文件大小', 'bytes'),
  fileHash: f('文件哈希', 'hash'),
  rowsHash: f('数据行哈希', 'hash'),
  instrumentData: '文书补充内容',
  ...instrumentDataLabels,
  // ── power list ──────────────────────────────────────────────────────────────
  code: '编码',
  versionNo: '版本号',
  note: '说明',
  effectiveOn: '生效日期',
  content: '内容',
  category: '事项类别',
  basis: '依据',
  responsibilities: '责任事项',
  accountability: '追责情形',
  steps: '办理流程',
  timeLimit: '办理时限',
  materials: '申请材料',
  fee: '收费',
  office: '办理机构',
  phone: '联系电话',
  remarks: '备注',
  changedFields: '变更字段',
  // ── cases ───────────────────────────────────────────────────────────────────
  procedure: f('程序', undefined, procedures),
  source: f('案件来源', undefined, caseSources),
  sourceLabel: f('案件来源', 'hidden'),
  receivedOn: '收到日期',
  party: '当事人',
  'party.type': f('当事人类型', undefined, partyTypes),
  'party.name': '名称或姓名',
  uscc: '统一社会信用代码',
  idNumber: '身份证件号码',
  address: '地址',
  legalRep: '法定代表人（负责人）',
  legalRepId: '法定代表人身份证件号码',
  licenceName: '许可证件名称',
  field: f('执法领域', 'field'),
  summary: '摘要',
  reporter: '举报人',
  'discuss.reporter': '汇报人',
  'case.evidenceAdded:kind': f('证据种类', undefined, labelled(evidenceKinds)),
  collectedOn: '收集日期',
  files: '文件',
  text: '内容',
  adopted: '是否采纳',
  reply: '答复',
  statement: '放弃陈述、申辩',
  hearing: '放弃听证',
  signedOn: '签署日期',
  paidOn: '缴款日期',
  amountFen: f('金额', 'fen'),
  finePartFen: f('其中罚没款', 'fen'),
  lateFeeFen: f('其中加处罚款', 'fen'),
  outstandingFen: f('尚欠金额', 'fen'),
  lateFeeOwedFen: f('应缴加处罚款', 'fen'),
  owedFen: f('尚欠金额', 'fen'),
  fineFen: f('罚款金额', 'fen'),
  legalMinFen: f('法定最低罚款', 'fen'),
  confiscationFen: f('没收金额', 'fen'),
  receiptNo: '票据或凭证编号',
  excludedDays: '不计入的天数',
  stillOwed: '尚未缴清',
  line: '决定事项序号',
  'case.challengeRecorded:kind': f('类别', undefined, challengeKinds),
  filedOn: '提出日期',
  body: '受理机关',
  concludedOn: '结果日期',
  outcome: f('结果', undefined, { ...labelled(challengeOutcomes), ...decisionOutcomes }),
  act: f('执行方式', undefined, labelled(executionActs)),
  on: '日期',
  'case.paymentPlanApproved:kind': f('方式', undefined, { deferral: '延期缴纳', instalments: '分期缴纳' }),
  instalments: '分期',
  dueOn: '缴纳期限',
  'case.measureImposed:kind': f('措施', undefined, measureKinds),
  'case.measureEnded:kind': f('处理方式', undefined, { release: '解除', dispose: '作出处理决定' }),
  'case.measureEnded:ground': f('依据情形', undefined, { ...releaseGrounds, ...disposalGrounds }),
  items: '物品',
  quantity: '数量',
  place: '地点',
  imposedOn: '决定日期',
  periodDays: '期限（日）',
  extendedOn: '延长日期',
  days: '天数',
  dueFrom: '原届满日期',
  dueTo: '新届满日期',
  endedOn: '结束日期',
  ground: '情形',
  decidedOn: '决定日期',
  decision: '决定',
  notifiedOn: '告知日期',
  method: f('方式', undefined, labelled(serviceMethods)),
  'case.reporterNotified:decision': f('告知的决定', undefined, { filed: '立案', notFiled: '不予立案' }),
  pushedOn: '推送日期',
  via: '推送途径',
  // 期限提醒 (matter.deadlineReminded)
  stage: f('提醒阶段', undefined, { warning: '即将到期', overdue: '已逾期' }),
  recipients: '提醒对象',
  'recipients.userId': f('用户', 'user'),
  'recipients.name': '姓名',
  reminderChannels: f('提醒方式', undefined, { app: '平台待办', email: '电子邮件', sms: '短信' }),
  email: '电子邮箱',
  mobile: '手机号码',
  recipient: '接收人',
  discussion: '集体讨论',
  chair: '主持人',
  attendees: '出席人员',
  minutes: '讨论记录',
  criteria: '审核范围',
  documentNumber: '文号',
  caseNumber: '案件编号',
  // transitions of a case (the `input` of matter.transitioned) and what they returned (`result`)
  violationDate: '违法行为发生日期',
  lifeHealth: '涉及公民生命健康安全、金融安全且有危害后果',
  opinion: f('意见', undefined, reviewOpinions),
  unitOpinion: '承办机构意见',
  proposal: '立案建议',
  facts: '违法事实',
  bases: '证据认定',
  unreliableBases: '不予采信的证据',
  circumstances: f('裁量情节', undefined, Object.fromEntries(standardCircumstances.map((c) => [c.id, c.label]))),
  ...keyed('bases', baseKinds, 'fen'),
  ...keyed('items', legalReviewItems),
  'legalReview.items': '审核事项',
  'discuss.decision': f('讨论决定', undefined, decisionOutcomes),
  'case.preservationDecided:decision': f('处理决定', undefined, preservationDecisions),
  proposed: '拟作出的行政处罚',
  'proposed.kind': f('处罚种类', undefined, penaltyKinds),
  penalties: '行政处罚',
  'penalties.kind': f('处罚种类', undefined, penaltyKinds),
  deviationReason: '偏离裁量基准的理由',
  complex: '情节复杂',
  publicInterest: '涉及重大公共利益',
  analysis: '分析意见',
  reasons: '理由',
  acceptsDeviation: '同意偏离裁量基准',
  servedOn: '送达日期',
  servedAt: '送达时间',
  renoticeReason: '重新告知的理由',
  requestedOn: '申请日期',
  at: '时间',
  clerk: '记录员',
  openness: f('是否公开', undefined, { public: '公开举行', private: '不公开举行' }),
  noticeOn: '通知日期',
  startAt: '开始时间',
  endAt: '结束时间',
  turns: '听证经过',
  speaker: '发言人',
  report: '听证报告',
  ok: '审核通过',
  opinions: '讨论意见',
  recorder: '记录人',
  noPenaltyReason: '不予行政处罚的理由',
  noPenaltyGround: f('不予行政处罚的情形', undefined, labelled(noPenaltyGrounds)),
  receiver: '签收人',
  appliedOn: '申请日期',
  court: '人民法院',
  enforcementOutcome: '执行情况',
  terminationGround: f('终结执行的情形', undefined, labelled(terminationGrounds)),
  terminationNote: '终结执行说明',
  'proposeReferral.to': '移送机关',
  'proposeReferral.kind': f('移送对象', undefined, { police: '公安机关', body: '其他行政机关' }),
  suspicion: '涉嫌犯罪的事实',
  transferredOn: '移送日期',
  attachments: '附送材料',
  answeredOn: '回复日期',
  occurredAt: '违法行为发生时间',
  collectedOnSite: '当场收缴罚款',
  collectionGround: f('当场收缴的情形', undefined, labelled(onSiteCollectionGrounds)),
  collectionReason: '当场收缴的理由',
  handedOverOn: '交至行政机关日期',
  handedOverTo: '接收人',
  amount: '金额',
  paymentDue: '缴款期限',
  periodEnds: '催告期届满日期',
  windowEnds: '申请强制执行期限届满日期',
  decisionDue: '作出决定期限',
  major: '重大执法决定',
  majorReasons: '属于重大执法决定的理由',
  hearingEligible: '当事人有权要求听证',
  renotice: '重新告知',
  tier: f('裁量阶次', undefined, discretionTiers),
  rulesDigest: f('裁量规则摘要', 'hash'),
  expiresOn: '公示期届满日期',
  publicAfter: '以此时间后的首个签名树头为公开随机数',
  applicant: '申请人',
  noticedOn: '知悉日期',
  // ── the working-day calendar ────────────────────────────────────────────────
  'calendar.yearLoaded:source': f('来源', undefined, { package: '国务院办公厅公布的安排', admin: '管理员录入' }),
  deadlinesRecomputed: '重新计算的期限数',
  'calendar.dayChanged:from': '原安排',
  'calendar.dayChanged:to': '新安排',
  'calendar.dayChanged:from.kind': f('类别', undefined, { holiday: '放假', workday: '调休上班' }),
  'calendar.dayChanged:to.kind': f('类别', undefined, { holiday: '放假', workday: '调休上班' }),
  notice: '依据的通知',
  // ── law library, citations ──────────────────────────────────────────────────
  level: '效力级别',
  issuer: '制定机关',
  docNumber: '文号',
  versionDate: '版本日期',
  promulgatedOn: '公布日期',
  articleCount: '条文数',
  flagsRaised: '标记的依据变更数',
  repealedOn: '废止日期',
  subjectType: f('引用对象类别', undefined, { powerItem: '权责事项', violation: '违法行为', discretionBenchmark: '裁量基准', inspectionItem: '抽查事项' }),
  change: f('变更情况', undefined, { amended: '条文已修改', unchanged: '条文未变', removed: '条文已删除', repealed: '法律法规已废止' }),
  // ── violations and discretion ───────────────────────────────────────────────
  conditions: '法定情形',
  provisions: '处罚种类与法定幅度',
  earlierStatutes: '此前施行的法律规定',
  violationCode: '违法行为编码',
  documentTitle: '基准名称',
  tiers: '裁量阶次表',
  exemptions: '免罚清单',
  'discretionThreshold.set:kind': f('用途', undefined, { hearing: '听证', majorDecision: '重大执法决定法制审核' }),
  'provisions.kind': f('处罚种类', undefined, penaltyKinds),
  mode: f('适用方式', undefined, applyModes),
  onlyIf: '适用条件',
  branches: '罚款幅度',
  when: '适用情形',
  base: f('计罚基数', undefined, baseKinds),
  of: '计算对象',
  min: '下限',
  max: '上限',
  permille: '倍数（‰）',
  capFen: f('封顶金额', 'fen'),
  reservedTo: '由其他机关决定',
  authority: '决定机关',
  'conditions.partyType': f('当事人类型', undefined, discretionPartyTypes),
  partyType: f('当事人类型', undefined, discretionPartyTypes),
  effect: f('效果', undefined, circumstanceEffects),
  force: f('效力', undefined, circumstanceForces),
  keeps: '保留的情节',
  list: f('清单', undefined, exemptionLists),
  branch: '适用的罚款幅度',
  spec: '裁量内容',
  fromPermille: '幅度自（‰）',
  toPermille: '幅度至（‰）',
  minFen: f('最低金额', 'fen'),
  maxFen: f('最高金额', 'fen'),
  fen: f('金额', 'fen'),
  typeLabel: '当事人类型',
  fieldLabel: '执法领域',
  findingLabel: '检查结果',
  task: '抽查任务',
  naturalPersonFen: f('对公民', 'fen'),
  organisationFen: f('对法人或者其他组织', 'fen'),
  // ── random inspections ──────────────────────────────────────────────────────
  version: '版本',
  'inspectionItem.saved:code': '事项编码',
  'inspectionItem.saved:subjectType': '检查对象类型',
  'inspectionItem.saved:method': f('检查方式', undefined, inspectionMethods),
  ratioNote: '抽查比例说明',
  frequency: '抽查频次',
  published: '已公开',
  rows: '行数',
  added: '新增',
  updated: '更新',
  unchanged: '未变',
  flagged: '校验位存疑',
  available: '可选派',
  'inspector.relationDeclared:kind': '关系类别',
  declaredOn: '登记日期',
  filter: '抽查对象范围',
  industries: '行业',
  divisionCodes: '行政区划',
  riskClasses: '风险等级',
  ratios: '抽查比例',
  targetCounts: '抽查数量',
  perTarget: '每户检查人员数',
  differentUnits: '检查人员来自不同机构',
  excludeRecentDays: '排除近期已检查（日）',
  periodStart: '检查期间自',
  periodEnd: '检查期间至',
  inspectedOn: '检查日期',
  checkedItems: '检查事项',
  finding: '检查结果',
  leadRequested: '移交案件线索',
  leadViolation: '涉嫌违法行为',
  // ── publicity ───────────────────────────────────────────────────────────────
  'publication.scheduled:kind': f('公示类别', undefined, publicationKinds),
  sourceType: f('来源类别', 'matterType'),
  channels: f('公示渠道', undefined, publicationChannels),
  supersedes: '替代的版本',
  publishedOn: '公示日期',
  withdrawnOn: '撤回日期',
  'publication.withdrawn:ground': f('撤回原因', undefined, withdrawalGrounds),
  'withdraw.ground': f('撤回原因', undefined, withdrawalGrounds),
  'noticeRevocation.ground': f('撤回原因', undefined, withdrawalGrounds),
  'proposeExemption.ground': f('不予公示的情形', undefined, exemptionGrounds),
  ending: f('结束方式', undefined, { expired: '公示期满', repaired: '信用修复' }),
  'publication.published:content': '公示内容',
  partyName: '当事人名称',
  partyAddress: '当事人地址',
  penaltyText: '处罚内容',
  violation: '违法行为',
  // 规范性文件 (normativePlan.*, normativeDocument.*, the normativeDocument transitions' inputs)
  documentId: f('规范性文件', 'matter'),
  cleanupId: f('清理决定', 'hidden'),
  plannedQuarter: '计划季度',
  'normativePlan.itemAdded:unitId': f('起草单位', 'org'),
  'normativePlan.itemAdded:reason': '制定必要性和依据',
  'normativePlan.itemAdded:title': '文件名称',
  'normativeDocument.drafted:unitId': f('起草单位', 'org'),
  'normativeDocument.drafted:bodyId': f('制定机关', 'org'),
  'normativeDocument.drafted:planItemId': f('制定计划项目', 'hidden'),
  'normativeDocument.drafted:previousId': f('修改的上一版本', 'matter'),
  provisional: '暂行、试行',
  affectsRights: '涉及公民、法人和其他组织权利义务',
  concernsMarket: '涉及经营者经济活动',
  'articles.chapter': '章标题',
  'articles.text': '条文',
  articles: '条文',
  necessity: '起草说明：制定必要性',
  impact: '起草说明：主要内容及影响',
  citationsBefore: '修改前所依据的条文',
  'normativeDocument.cleanedUp:kind': f('清理类型', undefined, { periodic: '定期清理', adHoc: '专项清理', lawChange: '上位法变化', filing: '备案审查意见' }),
  'normativeDocument.cleanedUp:outcome': f('清理结果', undefined, { keep: '继续有效', amend: '修改', repeal: '废止', invalid: '宣布失效' }),
  'normativeDocument.cleanedUp:reason': '理由',
  'normativeDocument.cleanedUp:round': '清理批次',
  'normativeDocument.cleanedUp:flagIds': f('所答复的上位法变化提示', 'hidden'),
  'normativeDocument.cleanedUp:newVersionId': f('新版本', 'matter'),
  shortenedReason: '缩短征求意见期限的理由',
  meetingOn: '会议日期',
  meeting: '会议名称',
  interpretation: '政策解读',
  filedWith: '备案机关',
  resultOn: '结果日期',
  newVersionId: f('新版本', 'matter'),
  // ── access log, credit export ───────────────────────────────────────────────
  cutoff: '删除此时间前的记录',
  retentionDays: '保存期限（日）',
  deleted: '删除条数',
  firstId: '首条编号',
  lastId: '末条编号',
  format: f('文件格式', undefined, { xlsx: 'Excel', csv: 'CSV', json: 'JSON' }),
  errors: '有问题的条数',
  'creditExport.created:items': '导出条数',
  // 统计指标集 (figureSet.computed)
  'figureSet.computed:setId': f('指标集', 'hidden'),
  'figureSet.computed:orgId': f('统计范围', 'org'),
  'figureSet.computed:from': '统计期间自',
  'figureSet.computed:to': '统计期间至',
  'figureSet.computed:figureCount': '指标个数',
  'figureSet.computed:treeSize': '记录树大小',
  'figureSet.computed:rootHash': f('记录树根哈希', 'hash'),
  'figureSet.computed:valuesHash': f('指标值哈希', 'hash'),
  'targetPool.imported:rows': '行数',
  // ── 重大行政决策 (labels/majorDecisions.ts) ──────────────────────────────────
  ...majorDecisionFields,
  // ── shared ──────────────────────────────────────────────────────────────────
  id: f('编号', 'hidden'),
  from: '自',
  to: '至',
  'period.from': '自',
  'period.to': '至',
  'matter.deadlineExtended:from': '原届满日期',
  'matter.deadlineExtended:to': '新届满日期',
  'matter.deadlineSuspended:from': '原届满日期',
  'matter.deadlineSuspended:to': '新届满日期',
  'matter.deadlineRecomputed:from': '原届满日期',
  'matter.deadlineRecomputed:to': '新届满日期',
  'case.deadlineExtendedByDiscussion:from': '原届满日期',
  'case.deadlineExtendedByDiscussion:to': '新届满日期',
  'case.measureExtended:from': '原届满日期',
  'case.measureExtended:to': '新届满日期',
  'case.measureTestingExcluded:from': '检测期间自',
  'case.measureTestingExcluded:to': '检测期间至',
  'org.updated:changes.kind': f('机构类型', undefined, orgKindLabels),
};

/**
 * The spec of the field at `path` (field names from the payload's top; array positions left out) of an event:
 * `eventType:path`, then `eventType:` with the last two names, the last two names (`parent.field`), the name alone.
 * Inside the `input` or `result` of a transition, `transition.field` is tried before `parent.field`.
 */
export function fieldSpec(eventType: string, path: readonly string[], transition?: string): FieldSpec | undefined {
  const name = path[path.length - 1];
  const pair = path.length > 1 ? `${path[path.length - 2]}.${name}` : null;
  const keys = [
    `${eventType}:${path.join('.')}`,
    pair && `${eventType}:${pair}`,
    transition && (path[0] === 'input' || path[0] === 'result') ? `${transition}.${name}` : null,
    pair,
    name,
  ];
  for (const k of keys) {
    const s = k ? recordFields[k] : undefined;
    if (s !== undefined) return { ...(typeof s === 'string' ? { label: s } : s), rank: rankOf.get(k!) };
  }
  return undefined;
}
const rankOf = new Map(Object.keys(recordFields).map((k, i) => [k, i]));

/** A field of an open object (instrument data, an older entry) the catalogue does not name. */
export const unlabelledField = '其他内容';

/** The value of an enforcement field (执法领域) in words. */
export const enforcementFieldLabel = (v: string): string => (enforcementFields as Record<string, string>)[v] ?? v;

/**
 * The one-line summary of an entry: `{path}` is the field's value in words. An event without a template is
 * summarised by its first three fields.
 */
export const recordSummaries: Readonly<Record<string, string>> = {
  'org.created': '{name}（{kind}）',
  'user.created': '{username}，{orgId}，角色：{roles}',
  'officer.created': '{name}，{orgId}',
  'certificate.issued': '证号 {number}，有效期 {validFrom} 至 {validTo}',
  'certificate.statusChanged': '{from} → {to}：{reason}',
  'training.recorded': '{kind}：{title}（{heldOn}）',
  'evidence.uploaded': '{fileName}（{sizeBytes}）',
  'instrument.issued': '{title} {number}',
  'matter.created': '{type}：{title}（{state}）',
  'matter.transitioned': '环节：{transition}（{from} → {to}）',
  'matter.deadlineMet': '{ruleIds}：{reason}',
  'matter.deadlineReminded': '{ruleId}{stage}（届满日期 {due}）',
  'matter.deadlineExtended': '{ruleId}：{from} → {to}',
  'matter.deadlineSuspended': '{ruleId}：{from} → {to}',
  'matter.deadlineRecomputed': '{ruleId}：{from} → {to}',
  'case.opened': '{party.name}，{source}，{field}',
  'case.evidenceAdded': '{kind}：{title}（{collectedOn}）',
  'case.statementRecorded': '{receivedOn} 收到，是否采纳：{adopted}',
  'case.paymentRecorded': '{paidOn} 缴纳 {amountFen}，尚欠 {outstandingFen}',
  'case.paymentPlanApproved': '{kind}：{reason}',
  'case.challengeRecorded': '{kind}，{filedOn}，{body}',
  'case.challengeConcluded': '{concludedOn}：{outcome}',
  'case.executionRecorded': '{on}：{act}',
  'case.measureImposed': '{kind}，{imposedOn}，至 {due}',
  'case.measureExtended': '延长至 {to}：{reason}',
  'case.measureEnded': '{kind}（{endedOn}）：{ground}',
  'case.reporterNotified': '{notifiedOn} 告知：{decision}',
  'case.publicityPushed': '{pushedOn} 推送至 {recipient}',
  'case.deadlineExtendedByDiscussion': '{ruleId}：{from} → {to}',
  'publication.scheduled': '{kind}，{channels}',
  'publication.published': '第 {version} 版，{publishedOn}',
  'publication.withdrawn': '{withdrawnOn}：{ground}',
  'publication.ended': '{endedOn}：{ending}',
};
