/** Chinese labels for the closed enumerations of the API: the server's own vocabularies, imported, never copied. */
import { certificateStatusLabels as byStatus } from '../../../src/domain/certifiedDuty';
import {
  certificateSummaryLabels,
  matterTypeLabels,
  orgKindLabels,
  roleLabels,
  trainingKindLabels,
  type OrgKind,
  type Role,
} from '../../../src/domain/vocabulary';

export const certificateStatusLabels: Record<string, string> = byStatus;
export { certificateSummaryLabels, matterTypeLabels, orgKindLabels, roleLabels, trainingKindLabels };

export const roleOptions = (Object.keys(roleLabels) as Role[]).map((value) => ({ value, label: roleLabels[value] }));
export const orgKindOptions = (Object.keys(orgKindLabels) as OrgKind[]).map((value) => ({ value, label: orgKindLabels[value] }));
