/**
 * The closed catalogue of record (执法全过程记录) event types, each with its payload schema.
 * A command can only append an event listed here, with a payload that parses.
 * Add new event types here, in the same change as the command that emits them.
 */
import { z } from 'zod';

const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A power-list change: who asked, who approved, why, from when, and what the new version says. */
const powerChangePayload = z.object({
  itemId: id, bodyId: id, code: z.string(), parentId: id.nullable(), changeId: id, versionId: id, versionNo: z.number().int().positive(),
  reason: z.enum(['lawChange', 'orgChange', 'superiorRequirement']), note: z.string(), effectiveOn: isoDate, approverId: id, importBatch: id.nullable(),
  content: z.object({
    name: z.string(), category: z.string(), unitId: id, basis: z.array(z.string()), responsibilities: z.array(z.string()), accountability: z.array(z.string()),
    steps: z.array(z.object({ name: z.string(), timeLimit: z.string().nullable() })), materials: z.array(z.string()),
    timeLimit: z.string().nullable(), fee: z.string().nullable(), office: z.string().nullable(), phone: z.string().nullable(), remarks: z.string().nullable(),
  }),
});

export const recordEvents = {
  // orgs
  'org.created': z.object({ orgId: id, parentId: id.nullable(), name: z.string(), kind: z.string(), isEnforcementBody: z.boolean(), legalBasis: z.string().nullable() }),
  'org.updated': z.object({ orgId: id, changes: z.record(z.string(), z.unknown()) }),
  // users
  'user.created': z.object({ userId: id, username: z.string(), orgId: id, roles: z.array(z.string()) }),
  'user.updated': z.object({ userId: id, changes: z.record(z.string(), z.unknown()) }),
  'user.passwordChanged': z.object({ userId: id, by: z.enum(['self', 'admin']) }),
  // officers (行政执法人员)
  'officer.created': z.object({ officerId: id, orgId: id, name: z.string(), employeeNo: z.string().nullable() }),
  'officer.updated': z.object({ officerId: id, changes: z.record(z.string(), z.unknown()) }),
  'certificate.issued': z.object({
    officerId: id, certificateId: id, number: z.string(), issuingAuthority: z.string(), fields: z.array(z.string()),
    areas: z.string(), validFrom: isoDate, validTo: isoDate,
  }),
  'certificate.statusChanged': z.object({ officerId: id, certificateId: id, from: z.string(), to: z.string(), reason: z.string() }),
  'training.recorded': z.object({
    officerId: id, trainingId: id, kind: z.enum(['training', 'exam']), title: z.string(), heldOn: isoDate,
    hours: z.number().nullable(), score: z.number().nullable(), passed: z.boolean().nullable(),
  }),
  // evidence (stored by content hash)
  'evidence.uploaded': z.object({
    evidenceId: id, fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int().nonnegative(),
    hashAlg: z.enum(['sm3', 'sha256']), contentHash: z.string().regex(/^[0-9a-f]{64}$/), description: z.string().nullable(),
  }),
  // power list (权责清单): every add / amend / remove with its change record and the version's full content
  'power.added': powerChangePayload,
  'power.amended': powerChangePayload.extend({ changedFields: z.array(z.string()) }),
  'power.removed': powerChangePayload.extend({ cascadeOf: id.nullable() }),
  // instruments (文书): the number, the template version and the hashes of the generated .docx and PDF
  'instrument.issued': z.object({
    instrumentId: id, orgId: id, kind: z.string(), title: z.string(), number: z.string(), year: z.number().int(), seq: z.number().int().positive(),
    templateVersion: z.number().int(), issuedOn: isoDate, hashAlg: z.enum(['sm3', 'sha256']), dataHash: z.string().regex(/^[0-9a-f]{64}$/),
    docxHash: z.string().regex(/^[0-9a-f]{64}$/), docxSize: z.number().int().positive(), pdfHash: z.string().regex(/^[0-9a-f]{64}$/), pdfSize: z.number().int().positive(),
  }),
  'instrument.orgCodeSet': z.object({ orgId: id, from: z.string().nullable(), to: z.string() }),
  // the workflow engine (every kind of matter)
  'matter.created': z.object({ matterId: id, type: z.string(), workflowVersion: z.number().int(), state: z.string(), title: z.string() }),
  'matter.transitioned': z.object({
    matterId: id, type: z.string(), workflowVersion: z.number().int(), transition: z.string(), label: z.string(), from: z.string(), to: z.string(),
    version: z.number().int(), date: isoDate, input: z.unknown(),
    deadlinesOpened: z.array(z.object({ ruleId: z.string(), due: isoDate })), deadlinesMet: z.array(z.string()),
    result: z.record(z.string(), z.unknown()).optional(),
  }),
  'matter.deadlineMet': z.object({ matterId: id, ruleIds: z.array(z.string()), reason: z.string() }),
  'matter.deadlineExtended': z.object({ matterId: id, deadlineId: id, ruleId: z.string(), from: isoDate, to: isoDate, reason: z.string(), approval: z.string() }),
  'matter.deadlineSuspended': z.object({ matterId: id, deadlineId: id, ruleId: z.string(), period: z.object({ from: isoDate, to: isoDate }), reason: z.string(), from: isoDate, to: isoDate }),
  // cases (执法办案): what is not a workflow transition
  'case.opened': z.object({ caseId: id, bodyId: id, unitId: id, procedure: z.enum(['ordinary', 'summary']), source: z.string(), sourceLabel: z.string(), receivedOn: isoDate, party: z.record(z.string(), z.unknown()), field: z.string(), summary: z.string() }),
  'case.evidenceAdded': z.object({ caseId: id, evidenceId: id, kind: z.string(), title: z.string(), collectedOn: isoDate, officerIds: z.array(id), files: z.array(z.object({ id, contentHash: z.string() })), instrumentNumber: z.string().nullable() }),
  'case.statementRecorded': z.object({ caseId: id, receivedOn: isoDate, text: z.string(), adopted: z.boolean(), reply: z.string() }),
  'case.rightsWaived': z.object({ caseId: id, statement: z.boolean(), hearing: z.boolean(), signedOn: isoDate, note: z.string() }),
  'case.paymentRecorded': z.object({ caseId: id, paidOn: isoDate, amountFen: z.number().int().positive(), finePartFen: z.number().int(), lateFeeFen: z.number().int(), outstandingFen: z.number().int(), receiptNo: z.string().nullable() }),
  'case.paymentPlanApproved': z.object({ caseId: id, kind: z.enum(['deferral', 'instalments']), instalments: z.array(z.object({ dueOn: isoDate, amountFen: z.number().int() })), reason: z.string() }),
  'majorCatalogue.adopted': z.object({ catalogueId: id, orgId: id, validFrom: isoDate, criteria: z.array(z.string()), documentNumber: z.string().nullable() }),
  // working-day calendar
  'calendar.yearLoaded': z.object({ year: z.number().int(), source: z.enum(['package', 'admin']), days: z.number().int(), dataHash: z.string() }),
  'calendar.dayChanged': z.object({
    date: isoDate, from: z.object({ kind: z.string(), name: z.string() }).nullable(), to: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string() }).nullable(), notice: z.string().nullable(),
  }),
  // law library (法律法规数据库) and the one impact mechanism for everything that cites it
  'law.versionImported': z.object({
    sourceId: id, versionId: id, title: z.string(), level: z.string(), issuer: z.string().nullable(), docNumber: z.string().nullable(),
    versionDate: isoDate, promulgatedOn: isoDate, effectiveOn: isoDate, fileName: z.string(), contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    articleCount: z.number().int().positive(), amendedVersionIds: z.array(id), flagsRaised: z.number().int().nonnegative(),
  }),
  'law.versionRepealed': z.object({ sourceId: id, versionId: id, repealedOn: isoDate, note: z.string(), flagsRaised: z.number().int().nonnegative() }),
  'basis.flagged': z.object({
    flagId: id, subjectType: z.string(), subjectId: id, articleId: id, newArticleId: id.nullable(),
    change: z.enum(['amended', 'unchanged', 'removed', 'repealed']), raisedByVersion: id,
  }),
  'basis.cleared': z.object({ flagId: id, subjectType: z.string(), subjectId: id, articleId: id, change: z.string(), note: z.string() }),
  // violations and discretion benchmarks (违法行为与裁量基准): the full rule content, so the record keeps every version
  'violation.created': z.object({
    violationId: id, code: z.string(), name: z.string(), field: z.string(), ownerOrgId: id, violates: z.array(z.string()), punishes: z.array(z.string()),
    conditions: z.array(z.unknown()), provisions: z.array(z.unknown()),
  }),
  'violation.updated': z.object({ violationId: id, code: z.string(), changes: z.record(z.string(), z.unknown()) }),
  'discretionBenchmark.created': z.object({
    benchmarkId: id, violationId: id, violationCode: z.string(), orgId: id, validFrom: isoDate, validTo: isoDate.nullable(), documentTitle: z.string(),
    documentNumber: z.string(), tiers: z.array(z.unknown()), circumstances: z.array(z.unknown()), exemptions: z.array(z.unknown()), importBatch: id.nullable(),
  }),
  'discretionBenchmark.updated': z.object({ benchmarkId: id, violationId: id, changes: z.record(z.string(), z.unknown()), importBatch: id.nullable() }),
  'discretionThreshold.set': z.object({
    thresholdId: id, orgId: id, kind: z.enum(['hearing', 'majorDecision']), validFrom: isoDate, validTo: isoDate.nullable(),
    naturalPersonFen: z.number().int().nonnegative(), organisationFen: z.number().int().nonnegative(), articleId: id, documentNumber: z.string().nullable(), note: z.string(),
  }),
  'discretionThreshold.updated': z.object({ thresholdId: id, changes: z.record(z.string(), z.unknown()) }),
  // random inspections (双随机、一公开): item list, pools, plans, tasks, draws, results, publication
  'inspectionItem.saved': z.object({
    itemId: id, bodyId: id, code: z.string(), version: z.number().int().positive(), name: z.string(), powerItemId: id.nullable(), subjectType: z.string(),
    content: z.string(), method: z.string(), field: z.string(), ratioNote: z.string().nullable(), frequency: z.string().nullable(), basis: z.array(z.string()), published: z.boolean(),
  }),
  'targetPool.imported': z.object({
    importId: id, bodyId: id, fileName: z.string(), fileHash: z.string(), hashAlg: z.enum(['sm3', 'sha256']), rowsHash: z.string(),
    rows: z.number().int().nonnegative(), added: z.number().int().nonnegative(), updated: z.number().int().nonnegative(), unchanged: z.number().int().nonnegative(), flagged: z.number().int().nonnegative(),
  }),
  'inspector.availabilityChanged': z.object({ officerId: id, available: z.boolean(), reason: z.string().nullable() }),
  'inspector.relationDeclared': z.object({ officerId: id, relationId: id, kind: z.string(), uscc: z.string().nullable(), address: z.string().nullable(), note: z.string(), declaredOn: isoDate }),
  'inspectionPlan.created': z.object({ planId: id, bodyId: id, year: z.number().int(), title: z.string(), note: z.string() }),
  'inspectionTask.defined': z.object({
    taskId: id, planId: id, bodyId: id, name: z.string(), itemIds: z.array(id), field: z.string(), jointOrgIds: z.array(id),
    filter: z.object({ industries: z.array(z.string()), divisionCodes: z.array(z.string()), riskClasses: z.array(z.string()) }),
    ratios: z.record(z.string(), z.number()), targetCounts: z.record(z.string(), z.number().int()).optional(), perTarget: z.number().int(), differentUnits: z.boolean(), excludeRecentDays: z.number().int(), periodStart: isoDate, periodEnd: isoDate,
  }),
  'inspectionResult.recorded': z.object({
    resultId: id, taskId: id, targetId: id, uscc: z.string(), inspectedOn: isoDate, inspectorIds: z.array(id), checkedItems: z.array(z.string()), finding: z.string(),
    description: z.string(), evidenceIds: z.array(id), leadRequested: z.boolean(), leadViolation: z.string().nullable(), leadId: z.string().nullable(),
  }),
  // enforcement publicity (行政执法公示): what the public sees is exactly a published version's content
  'publication.scheduled': z.object({ publicationId: id, kind: z.string(), sourceType: z.string(), sourceId: id, bodyId: id, decidedOn: isoDate, channels: z.array(z.string()), deadlines: z.array(z.object({ ruleId: z.string(), due: isoDate })) }),
  'publication.published': z.object({ publicationId: id, version: z.number().int().positive(), supersedes: z.number().int().nullable(), reason: z.string().nullable(), publishedOn: isoDate, content: z.record(z.string(), z.unknown()) }),
  'publication.withdrawn': z.object({ publicationId: id, version: z.number().int().nonnegative(), withdrawnOn: isoDate, ground: z.string(), reason: z.string() }),
  'publication.ended': z.object({ publicationId: id, version: z.number().int().positive(), ending: z.enum(['expired', 'repaired']), endedOn: isoDate, reason: z.string() }),
  'creditExport.created': z.object({ exportId: id, bodyId: id, format: z.enum(['xlsx', 'csv', 'json']), items: z.number().int().nonnegative(), errors: z.number().int().nonnegative(), hashAlg: z.enum(['sm3', 'sha256']), fileHash: z.string() }),
} as const;

export type RecordEventType = keyof typeof recordEvents;
export type RecordPayload<E extends RecordEventType> = z.input<(typeof recordEvents)[E]>;

/** Chinese labels for the record viewer. */
export const recordEventLabels: Record<RecordEventType, string> = {
  'org.created': '新建机构',
  'org.updated': '修改机构',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.passwordChanged': '修改密码',
  'officer.created': '登记执法人员',
  'officer.updated': '修改执法人员',
  'certificate.issued': '登记行政执法证',
  'certificate.statusChanged': '变更执法证状态',
  'training.recorded': '登记培训考试',
  'evidence.uploaded': '上传证据文件',
  'instrument.issued': '制作文书',
  'instrument.orgCodeSet': '设置文号机关代字',
  'power.added': '新增权责事项',
  'power.amended': '变更权责事项',
  'power.removed': '取消权责事项',
  'matter.created': '立项',
  'matter.transitioned': '办理环节',
  'matter.deadlineMet': '期限已履行',
  'case.opened': '登记案件线索',
  'case.evidenceAdded': '登记证据',
  'case.statementRecorded': '登记陈述申辩',
  'case.rightsWaived': '当事人书面放弃权利',
  'case.paymentRecorded': '登记缴款',
  'case.paymentPlanApproved': '批准延期（分期）缴纳罚款',
  'majorCatalogue.adopted': '调整重大执法决定法制审核目录',
  'matter.deadlineExtended': '延长期限',
  'matter.deadlineSuspended': '期限中止（不计入）',
  'calendar.yearLoaded': '载入年度节假日安排',
  'calendar.dayChanged': '调整节假日或调休',
  'law.versionImported': '导入法律法规版本',
  'law.versionRepealed': '废止法律法规版本',
  'basis.flagged': '依据变更待处理',
  'basis.cleared': '依据变更已处理',
  'violation.created': '新增违法行为',
  'violation.updated': '修改违法行为',
  'discretionBenchmark.created': '制定裁量基准',
  'discretionBenchmark.updated': '修改裁量基准',
  'discretionThreshold.set': '规定较大数额标准',
  'discretionThreshold.updated': '修改较大数额标准',
  'inspectionItem.saved': '保存随机抽查事项',
  'targetPool.imported': '导入检查对象名录',
  'inspector.availabilityChanged': '变更检查人员可选派状态',
  'inspector.relationDeclared': '登记回避关系',
  'inspectionPlan.created': '制定抽查计划',
  'inspectionTask.defined': '制定抽查任务',
  'inspectionResult.recorded': '录入抽查结果',
  'publication.scheduled': '生成公示信息',
  'publication.published': '公示（版本）',
  'publication.withdrawn': '撤回公示',
  'publication.ended': '停止公示',
  'creditExport.created': '导出双公示数据',
};

/** Matter types whose history the record keeps (the "matter" of each entry). */
export const matterTypes = ['org', 'user', 'officer', 'powerItem', 'legalSource', 'violation', 'discretionBenchmark', 'discretionThreshold'] as const;
export type MatterType = (typeof matterTypes)[number];
export { matterTypeLabels } from '../../domain/vocabulary.ts';
