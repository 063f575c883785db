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
