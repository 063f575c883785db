import type { ReactNode } from 'react';
import { Tag, Tooltip } from 'antd';
import type { Certificate, CertificateSummaryStatus } from '../api/types';
import { certificateSummaryLabels } from '../lib/labels';

const summaryColors: Record<CertificateSummaryStatus, string> = {
  valid: 'green',
  expiringSoon: 'orange',
  expired: 'red',
  suspended: 'volcano',
  revoked: 'default',
  none: 'default',
};

/** One certificate's effective status today: 有效 green, 即将到期 orange (days left), 已过期 red, 暂扣 volcano, 已注销 grey. */
export function CertificateStatusTag({ cert }: { cert: Certificate }) {
  let tag: ReactNode;
  if (cert.effectiveStatus === 'valid' && cert.expiringSoon) tag = <Tag color="orange">即将到期（剩 {cert.daysToExpiry} 天）</Tag>;
  else if (cert.effectiveStatus === 'valid') tag = <Tag color="green">有效</Tag>;
  else if (cert.effectiveStatus === 'expired') tag = <Tag color="red">已过期</Tag>;
  else if (cert.effectiveStatus === 'suspended') tag = <Tag color="volcano">暂扣</Tag>;
  else if (cert.effectiveStatus === 'revoked') tag = <Tag color="default">已注销</Tag>;
  else tag = <Tag color="blue">{cert.effectiveStatusLabel}</Tag>;
  return cert.statusReason && cert.status !== 'valid' ? <Tooltip title={`原因：${cert.statusReason}`}>{tag}</Tooltip> : tag;
}

/** The officer's best certificate status (as filtered by the list). */
export function SummaryStatusTag({ status }: { status: CertificateSummaryStatus }) {
  return <Tag color={summaryColors[status]}>{certificateSummaryLabels[status]}</Tag>;
}
