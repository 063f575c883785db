/**
 * The current-state tables that `fazhi ledger verify --state` (platform/record/state.ts) replays the record over:
 * per table, the event that creates a row, the events that change it, and the payload field → column map — the
 * same maps the update commands use, so a field a command can change is a field the check compares.
 */
import { officerColumns } from '../officers/index.ts';
import { orgColumns } from '../orgs/index.ts';
import { userColumns } from '../users/index.ts';
import type { Payload, StateTable } from '../../platform/record/state.ts';

const applyChanges = (fields: Payload, p: Payload) => Object.assign(fields, p.changes as Payload);

export const stateTables: StateTable[] = [
  {
    table: 'orgs',
    label: '机构',
    idOf: { 'org.created': 'orgId', 'org.updated': 'orgId' },
    created: 'org.created',
    columns: { parentId: 'parent_id', ...orgColumns },
    apply: { 'org.updated': applyChanges },
  },
  {
    table: 'users',
    label: '用户',
    idOf: { 'user.created': 'userId', 'user.updated': 'userId' },
    created: 'user.created',
    columns: { username: 'username', ...userColumns },
    apply: { 'user.updated': applyChanges },
  },
  {
    table: 'officers',
    label: '执法人员',
    idOf: { 'officer.created': 'officerId', 'officer.updated': 'officerId' },
    created: 'officer.created',
    columns: officerColumns,
    apply: { 'officer.updated': applyChanges },
  },
  {
    table: 'certificates',
    label: '执法证',
    idOf: { 'certificate.issued': 'certificateId', 'certificate.statusChanged': 'certificateId' },
    created: 'certificate.issued',
    columns: {
      officerId: 'officer_id',
      number: 'number',
      issuingAuthority: 'issuing_authority',
      fields: 'fields',
      areas: 'areas',
      validFrom: 'valid_from',
      validTo: 'valid_to',
      status: 'status',
    },
    apply: {
      'certificate.issued': (f) => Object.assign(f, { status: 'valid' }),
      'certificate.statusChanged': (f, p) => Object.assign(f, { status: p.to }),
    },
  },
  {
    table: 'evidence_files',
    label: '证据文件',
    idOf: { 'evidence.uploaded': 'evidenceId' },
    created: 'evidence.uploaded',
    columns: {
      fileName: 'file_name',
      contentType: 'content_type',
      sizeBytes: 'size_bytes',
      hashAlg: 'hash_alg',
      contentHash: 'content_hash',
      description: 'description',
    },
    apply: {},
  },
  {
    // the case file's facts as registered (a transition's effect writes the later columns: not stated by an event of its own)
    table: 'cases',
    label: '行政处罚案件',
    idOf: { 'case.opened': 'caseId' },
    created: 'case.opened',
    columns: { bodyId: 'body_id', unitId: 'unit_id', procedure: 'procedure', source: 'source', receivedOn: 'received_on', field: 'field' },
    apply: {},
  },
  {
    // 行政执法公示: the publication as scheduled, and its state (a copy of the matter's for the portal's queries)
    table: 'publications',
    label: '公示信息',
    idOf: { 'publication.scheduled': 'publicationId', 'matter.transitioned': 'matterId' },
    created: 'publication.scheduled',
    columns: {
      kind: 'kind',
      sourceType: 'source_type',
      sourceId: 'source_id',
      bodyId: 'body_id',
      decidedOn: 'decided_on',
      channels: 'channels',
      state: 'state',
    },
    apply: {
      'publication.scheduled': (f) => Object.assign(f, { state: 'scheduled' }),
      // only a publication's own transitions reach here: another matter's id has no recorded publication row
      'matter.transitioned': (f, p) => Object.assign(f, { state: p.to }),
    },
  },
  {
    table: 'inspection_tasks',
    label: '抽查任务',
    idOf: { 'inspectionTask.defined': 'taskId' },
    created: 'inspectionTask.defined',
    columns: {
      planId: 'plan_id',
      bodyId: 'body_id',
      name: 'name',
      field: 'field',
      perTarget: 'per_target',
      differentUnits: 'different_units',
      excludeRecentDays: 'exclude_recent_days',
      periodStart: 'period_start',
      periodEnd: 'period_end',
    },
    apply: {},
  },
  {
    // 权责清单: every add, amendment and removal writes a version row
    table: 'power_item_versions',
    label: '权责清单事项版本',
    idOf: { 'power.added': 'versionId', 'power.amended': 'versionId', 'power.removed': 'versionId' },
    created: ['power.added', 'power.amended', 'power.removed'],
    columns: { itemId: 'item_id', versionNo: 'version_no', changeId: 'change_id' },
    apply: {},
  },
  {
    table: 'violations',
    label: '违法行为',
    idOf: { 'violation.created': 'violationId', 'violation.updated': 'violationId' },
    created: 'violation.created',
    columns: { code: 'code', name: 'name', field: 'field', ownerOrgId: 'owner_org_id', violates: 'violates', punishes: 'punishes' },
    apply: { 'violation.updated': applyChanges },
  },
  {
    table: 'discretion_benchmarks',
    label: '裁量基准',
    idOf: { 'discretionBenchmark.created': 'benchmarkId', 'discretionBenchmark.updated': 'benchmarkId' },
    created: 'discretionBenchmark.created',
    columns: {
      violationId: 'violation_id',
      orgId: 'org_id',
      validFrom: 'valid_from',
      validTo: 'valid_to',
      documentTitle: 'document_title',
      documentNumber: 'document_number',
      tiers: 'tiers',
      circumstances: 'circumstances',
      exemptions: 'exemptions',
    },
    apply: { 'discretionBenchmark.updated': applyChanges },
  },
  {
    table: 'discretion_thresholds',
    label: '较大数额标准',
    idOf: { 'discretionThreshold.set': 'thresholdId', 'discretionThreshold.updated': 'thresholdId' },
    created: 'discretionThreshold.set',
    columns: {
      orgId: 'org_id',
      kind: 'kind',
      validFrom: 'valid_from',
      validTo: 'valid_to',
      naturalPersonFen: 'natural_person_fen',
      organisationFen: 'organisation_fen',
      articleId: 'article_id',
      documentNumber: 'document_number',
      note: 'note',
    },
    apply: { 'discretionThreshold.updated': applyChanges },
  },
  {
    // 公开征求意见: the draft as published, each comment and each answer (the name and contact are in no entry: not compared)
    table: 'consultations',
    label: '公开征求意见',
    idOf: { 'consultation.opened': 'consultationId' },
    created: 'consultation.opened',
    columns: {
      subjectType: 'subject_type',
      subjectId: 'subject_id',
      title: 'title',
      startsOn: 'starts_on',
      endsOn: 'ends_on',
      days: 'days',
      minimumDays: 'minimum_days',
      periodRule: 'period_rule',
      shortenedReason: 'shortened_reason',
    },
    apply: {},
  },
  {
    table: 'consultation_comments',
    label: '公众意见',
    idOf: { 'consultation.commented': 'commentId' },
    created: 'consultation.commented',
    columns: { consultationId: 'consultation_id', number: 'number', anchor: 'anchor', text: 'body' },
    apply: {},
  },
  {
    table: 'consultation_answers',
    label: '意见采纳情况说明',
    idOf: { 'consultation.answered': 'answerId' },
    created: 'consultation.answered',
    columns: { consultationId: 'consultation_id', outcome: 'outcome', reason: 'reason' },
    apply: {},
  },
  {
    // every workflow matter — cases, publications, inspection tasks and those to come — in one declaration
    table: 'matters',
    label: '办理事项',
    idOf: { 'matter.created': 'matterId', 'matter.transitioned': 'matterId' },
    created: 'matter.created',
    columns: { type: 'type', workflowVersion: 'workflow_version', state: 'state', title: 'title', version: 'version' },
    apply: {
      'matter.created': (f) => Object.assign(f, { version: 0 }),
      'matter.transitioned': (f, p) => Object.assign(f, { state: p.to, version: p.version }),
    },
  },
];
