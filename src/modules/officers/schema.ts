import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';
import { enforcementActIds, enforcementFieldIds } from '../../domain/certifiedDuty.ts';

export { ZDate };

export const ZCreateOfficerRequest = z.strictObject({
  orgId: z.string().min(1),
  name: z.string().trim().min(2).max(30),
  gender: z.enum(['男', '女']).nullable().optional(),
  employeeNo: z.string().trim().max(30).nullable().optional(),
  position: z.string().trim().max(50).nullable().optional(),
  legalExamPassed: z.boolean().optional(),
});
export type TCreateOfficerRequest = z.infer<typeof ZCreateOfficerRequest>;

export const ZUpdateOfficerRequest = ZCreateOfficerRequest.partial().extend({ active: z.boolean().optional() });
export type TUpdateOfficerRequest = z.infer<typeof ZUpdateOfficerRequest>;

export const ZIssueCertificateRequest = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,32}$/, { message: '证号为 6–32 位数字、字母或短横线' }),
  issuingAuthority: z.string().trim().min(2).max(100),
  fields: z.array(z.enum(enforcementFieldIds)).min(1).max(enforcementFieldIds.length),
  areas: z.string().trim().min(1).max(200),
  validFrom: ZDate,
  validTo: ZDate,
});
export type TIssueCertificateRequest = z.infer<typeof ZIssueCertificateRequest>;

export const ZChangeCertificateStatusRequest = z.strictObject({
  status: z.enum(['valid', 'suspended', 'revoked']),
  reason: z.string().trim().min(2).max(500),
});

export const ZRecordTrainingRequest = z.strictObject({
  kind: z.enum(['training', 'exam']),
  title: z.string().trim().min(2).max(200),
  heldOn: ZDate,
  hours: z.number().min(0).max(1000).nullable().optional(),
  score: z.number().min(0).max(100).nullable().optional(),
  passed: z.boolean().nullable().optional(),
  organizer: z.string().trim().max(100).nullable().optional(),
});
export type TRecordTrainingRequest = z.infer<typeof ZRecordTrainingRequest>;

export const ZEligibilityRequest = z.strictObject({
  officerIds: z.array(z.string().min(1)).min(1).max(20),
  field: z.enum(enforcementFieldIds),
  act: z.enum(enforcementActIds),
  date: ZDate,
});

export const ZCertificate = z.object({
  id: z.string(),
  number: z.string(),
  issuingAuthority: z.string(),
  fields: z.array(z.string()),
  areas: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(['valid', 'suspended', 'revoked']),
  statusReason: z.string().nullable(),
  effectiveStatus: z.enum(['valid', 'expired', 'suspended', 'revoked', 'notYetValid']),
  effectiveStatusLabel: z.string(),
  daysToExpiry: z.number(),
  expiringSoon: z.boolean(),
});

export const ZTraining = z.object({
  id: z.string(),
  kind: z.enum(['training', 'exam']),
  title: z.string(),
  heldOn: z.string(),
  hours: z.number().nullable(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  organizer: z.string().nullable(),
});

export const ZOfficerAbilities = z.object({
  read: z.boolean(),
  update: z.boolean(),
  issueCertificate: z.boolean(),
  changeCertificateStatus: z.boolean(),
  recordTraining: z.boolean(),
  uploadEvidence: z.boolean(),
  viewRecord: z.boolean(),
  manageInspector: z.boolean(),
});

export const ZOfficer = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  employeeNo: z.string().nullable(),
  position: z.string().nullable(),
  legalExamPassed: z.boolean(),
  active: z.boolean(),
  certificates: z.array(ZCertificate),
  /** the best status across the officer's certificates today */
  certificateStatus: z.enum(['valid', 'expiringSoon', 'expired', 'suspended', 'revoked', 'none']),
  abilities: ZOfficerAbilities,
});
export type TOfficer = z.infer<typeof ZOfficer>;

export const ZOfficerDetail = ZOfficer.extend({ trainings: z.array(ZTraining) });
