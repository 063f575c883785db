/**
 * Response shapes of the API. Where the server exports a Zod schema the type is inferred from it
 * (type-only imports, erased from the bundle), so the console breaks at compile time when the
 * contract changes; the rest mirror the OpenAPI document (/api/openapi.json).
 */
import type { z } from 'zod';
import type { ZCertificate, ZOfficerDetail, ZTraining, TOfficer } from '../../../src/modules/officers/schema.ts';
import type { TOrg, TCreateOrgRequest, TUpdateOrgRequest } from '../../../src/modules/orgs/schema.ts';
import type { TUser, TCreateUserRequest, TUpdateUserRequest } from '../../../src/modules/users/schema.ts';
import type { TCreateOfficerRequest, TIssueCertificateRequest, TRecordTrainingRequest, TUpdateOfficerRequest } from '../../../src/modules/officers/schema.ts';

export type Role = 'officer' | 'legalReviewer' | 'leader' | 'supervisor' | 'admin' | 'platformAdmin';

export interface MenuAbilities {
  orgs: boolean;
  users: boolean;
  createUser: boolean;
  officers: boolean;
  createOfficer: boolean;
  record: boolean;
  treeHeads: boolean;
  signTreeHead: boolean;
  powers: boolean;
  managePowers: boolean;
  laws: boolean;
  manageLaws: boolean;
  basisFlags: boolean;
  discretion: boolean;
  manageDiscretion: boolean;
  inspections: boolean;
  manageInspections: boolean;
  publicity: boolean;
  exportCredit: boolean;
  accessLog: boolean;
}

export interface Session {
  user: { id: string; username: string; displayName: string; orgId: string; orgName: string; roles: Role[]; roleLabels: string[] };
  csrfToken: string;
  abilities: MenuAbilities;
  /** the password was set by an administrator (new user, reset): it must be changed before anything else */
  mustChangePassword?: boolean;
}

export type Org = TOrg;
export type OrgKind = Org['kind'];
export type CreateOrgRequest = TCreateOrgRequest;
export type UpdateOrgRequest = TUpdateOrgRequest;

export type User = TUser;
export type CreateUserRequest = TCreateUserRequest;
export type UpdateUserRequest = TUpdateUserRequest;

export type Officer = TOfficer;
export type OfficerDetail = z.infer<typeof ZOfficerDetail>;
export type Certificate = z.infer<typeof ZCertificate>;
export type Training = z.infer<typeof ZTraining>;
export type CertificateSummaryStatus = Officer['certificateStatus'];
export type CreateOfficerRequest = TCreateOfficerRequest;
export type UpdateOfficerRequest = TUpdateOfficerRequest;
export type IssueCertificateRequest = TIssueCertificateRequest;
export type RecordTrainingRequest = TRecordTrainingRequest;

export interface EnforcementReference {
  fields: Record<string, string>;
  acts: Record<string, { label: string; minOfficers: number; basis: string }>;
}

export interface EligibilityResult {
  allowed: boolean;
  act: string;
  field: string;
  date: string;
  minOfficers: number;
  basis: string;
  qualified: { officerId: string; certificateNumber: string }[];
  problems: { officerId: string | null; code: string; message: string }[];
}

export type MatterType = 'org' | 'user' | 'officer';

export interface RecordEntry {
  seq: number;
  recordedAt: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  matterType: string;
  matterId: string;
  eventType: string;
  eventLabel: string;
  payload: unknown;
  payloadHash: string;
  leafHash: string;
  hashAlg: string;
}

export interface Evidence {
  id: string;
  matterType: string;
  matterId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  hashAlg: string;
  contentHash: string;
  description: string | null;
  uploadedBy: string;
  uploadedAt: string;
}

export interface MatterRecord {
  matterType: string;
  matterId: string;
  title: string;
  entries: RecordEntry[];
  evidence: Evidence[];
  canUploadEvidence: boolean;
}

export interface TreeHead {
  id: number;
  treeSize: number;
  rootHash: string;
  hashAlg: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

export interface InclusionProof {
  entry: RecordEntry;
  leafIndex: number;
  treeSize: number;
  proof: string[];
  treeHead: TreeHead;
  publicKeyPem: string;
  verified: boolean;
  signatureValid: boolean;
}

export interface LedgerPage {
  items: RecordEntry[];
  size: number;
  rootHash: string;
  hashAlg: string;
}

export interface TreeHeadsPage {
  items: TreeHead[];
  publicKeyPem: string;
  keyId: string;
}

export interface ConsistencyResult {
  from: TreeHead;
  to: TreeHead;
  proof: string[];
  verified: boolean;
}
