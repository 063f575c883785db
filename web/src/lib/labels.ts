/** Chinese labels for the closed enumerations of the API (the server has no reference endpoint for these). */
import type { CertificateSummaryStatus, OrgKind, Role } from '../api/types';

export const roleLabels: Record<Role, string> = {
  officer: '执法人员',
  legalReviewer: '法制审核人员',
  leader: '局领导',
  supervisor: '执法监督人员',
  admin: '系统管理员',
};
export const roleOptions = (Object.keys(roleLabels) as Role[]).map((value) => ({ value, label: roleLabels[value] }));

export const orgKindLabels: Record<OrgKind, string> = {
  bureau: '行政机关',
  squad: '执法大队',
  station: '市场监管所',
  legalOffice: '法制机构',
  department: '业务科室',
  judicialBureau: '司法行政机关',
};
export const orgKindOptions = (Object.keys(orgKindLabels) as OrgKind[]).map((value) => ({ value, label: orgKindLabels[value] }));

export const certificateSummaryLabels: Record<CertificateSummaryStatus, string> = {
  valid: '有效',
  expiringSoon: '即将到期',
  expired: '已过期',
  suspended: '暂扣',
  revoked: '已注销',
  none: '无执法证',
};

export const certificateStatusLabels: Record<string, string> = {
  valid: '有效',
  suspended: '暂扣',
  revoked: '已注销',
  expired: '已过期',
  notYetValid: '尚未生效',
};

export const matterTypeLabels: Record<string, string> = { org: '机构', user: '用户', officer: '执法人员' };

export const trainingKindLabels: Record<string, string> = { training: '培训', exam: '考试' };
