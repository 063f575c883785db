/**
 * Response shapes of the API, inferred from the server's Zod schemas (type-only imports, erased from the
 * bundle): the console breaks at compile time when a contract changes. Nothing here is declared by hand.
 */
import type { z } from 'zod';
import type { Role } from '../../../src/domain/vocabulary.ts';
import type { TMe, TMenuAbilities } from '../../../src/modules/auth/responses.ts';
import type { EligibilityResult, EnforcementReference } from '../../../src/modules/officers/responses.ts';
import type { ZCertificate, ZOfficerDetail, ZTraining, TOfficer } from '../../../src/modules/officers/schema.ts';
import type { TOrg, TCreateOrgRequest, TUpdateOrgRequest } from '../../../src/modules/orgs/schema.ts';
import type {
  ConsistencyResult,
  Evidence,
  InclusionProof,
  LedgerPage,
  MatterRecord,
  RecordEntry,
  TreeHead,
  TreeHeadsPage,
} from '../../../src/modules/record/responses.ts';
import type { TUser, TCreateUserRequest, TUpdateUserRequest } from '../../../src/modules/users/schema.ts';
import type { TCreateOfficerRequest, TIssueCertificateRequest, TRecordTrainingRequest, TUpdateOfficerRequest } from '../../../src/modules/officers/schema.ts';

export type {
  ConsistencyResult,
  EligibilityResult,
  EnforcementReference,
  Evidence,
  InclusionProof,
  LedgerPage,
  MatterRecord,
  RecordEntry,
  Role,
  TreeHead,
  TreeHeadsPage,
};
export type MenuAbilities = TMenuAbilities;
export type Session = TMe;

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

export type MatterType = 'org' | 'user' | 'officer';
