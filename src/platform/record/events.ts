/**
 * The closed catalogue of record (执法全过程记录) event types, each with its payload schema.
 * A command can only append an event listed here, with a payload that parses.
 * Add new event types here, in the same change as the command that emits them.
 */
import { z } from 'zod';

const id = z.string().min(1);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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
  // the workflow engine (every kind of matter)
  'matter.created': z.object({ matterId: id, type: z.string(), workflowVersion: z.number().int(), state: z.string(), title: z.string() }),
  'matter.transitioned': z.object({
    matterId: id, type: z.string(), workflowVersion: z.number().int(), transition: z.string(), label: z.string(), from: z.string(), to: z.string(),
    version: z.number().int(), date: isoDate, input: z.unknown(),
    deadlinesOpened: z.array(z.object({ ruleId: z.string(), due: isoDate })), deadlinesMet: z.array(z.string()),
  }),
  // working-day calendar
  'calendar.yearLoaded': z.object({ year: z.number().int(), source: z.enum(['package', 'admin']), days: z.number().int(), dataHash: z.string() }),
  'calendar.dayChanged': z.object({
    date: isoDate, from: z.object({ kind: z.string(), name: z.string() }).nullable(), to: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string() }).nullable(), notice: z.string().nullable(),
  }),
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
  'matter.created': '立项',
  'matter.transitioned': '办理环节',
  'calendar.yearLoaded': '载入年度节假日安排',
  'calendar.dayChanged': '调整节假日或调休',
};

/** Matter types whose history the record keeps (the "matter" of each entry). */
export const matterTypes = ['org', 'user', 'officer'] as const;
export type MatterType = (typeof matterTypes)[number];
export { matterTypeLabels } from '../../domain/vocabulary.ts';
