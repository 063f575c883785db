import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Avatar, Card, Empty, Space, Spin, Typography } from 'antd';
import { api } from '../api/client';
import { useReference } from '../api/queries';
import type { Certificate, Officer } from '../api/types';

/** The colour of a certificate's status today, shown large: 有效 green, 已过期 red, 暂扣 orange, 已注销 grey. */
const statusColor = (c: Certificate) =>
  c.effectiveStatus === 'valid' ? '#389e0d' : c.effectiveStatus === 'expired' ? '#cf1322' : c.effectiveStatus === 'suspended' ? '#d46b08' : '#8c8c8c';

/**
 * 亮证: the logged-in officer's enforcement certificates, large and clear, to show to a party on the spot
 * (行政处罚法 第五十五条: 执法人员应当主动出示执法证件). Only the user's own officer record (users.officer_id);
 * the party can check a certificate number on the public portal's officer directory.
 */
export default function MyCertificatePage() {
  const q = useQuery({ queryKey: ['officers', 'me'], queryFn: () => api.get<{ officer: Officer | null }>('/api/officers/me') });
  const fields = useReference().data?.fields ?? {};
  if (q.isLoading) return <Spin />;
  if (q.error) return <Alert type="error" showIcon title="无法读取执法证" description={q.error.message} />;
  const o = q.data?.officer;
  if (!o)
    return (
      <Card>
        <Empty
          image={<IdcardOutlined style={{ fontSize: 64, color: '#bfbfbf' }} />}
          description="您的账号没有关联执法人员信息，无法亮证。如需执法，请联系本单位管理员在用户管理中关联执法人员并登记执法证。"
        />
      </Card>
    );
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="certificate-page">
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        行政执法证
      </Typography.Title>
      {o.certificates.length === 0 && <Alert type="warning" showIcon title="您尚未取得执法证，不能从事行政执法活动" />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {o.certificates.map((c) => (
          <Card key={c.id} style={{ borderTop: `6px solid ${statusColor(c)}` }} data-testid="certificate-card">
            <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
              <Avatar shape="square" size={96} icon={<UserOutlined />} aria-label="照片" />
              <div style={{ minWidth: 0, flex: 1 }}>
                <div style={{ fontSize: 28, fontWeight: 600 }}>{o.name}</div>
                <div style={{ color: '#595959' }}>{o.orgName}</div>
                <div style={{ fontSize: 22, fontWeight: 600, color: statusColor(c), marginTop: 4 }} data-testid="certificate-status">
                  {c.effectiveStatusLabel}
                  {c.effectiveStatus === 'valid' && c.expiringSoon ? `（剩 ${c.daysToExpiry} 天到期）` : ''}
                </div>
              </div>
            </div>
            <dl style={{ fontSize: 17, marginTop: 16, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '8px 12px', wordBreak: 'break-all' }}>
              <dt style={{ color: '#8c8c8c' }}>执法证号</dt>
              <dd style={{ margin: 0, fontSize: 22, fontWeight: 600, fontFamily: 'monospace' }}>{c.number}</dd>
              <dt style={{ color: '#8c8c8c' }}>发证机关</dt>
              <dd style={{ margin: 0 }}>{c.issuingAuthority}</dd>
              <dt style={{ color: '#8c8c8c' }}>执法领域</dt>
              <dd style={{ margin: 0 }}>{c.fields.map((f) => fields[f] ?? f).join('、')}</dd>
              {c.areas && (
                <>
                  <dt style={{ color: '#8c8c8c' }}>执法区域</dt>
                  <dd style={{ margin: 0 }}>{c.areas}</dd>
                </>
              )}
              <dt style={{ color: '#8c8c8c' }}>有效期</dt>
              <dd style={{ margin: 0 }}>
                {c.validFrom} 至 {c.validTo}
              </dd>
              {c.statusReason && c.status !== 'valid' && (
                <>
                  <dt style={{ color: '#8c8c8c' }}>原因</dt>
                  <dd style={{ margin: 0 }}>{c.statusReason}</dd>
                </>
              )}
            </dl>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              当事人可在行政执法公示平台核验：
              <a href={`/portal/officers?q=${encodeURIComponent(c.number)}`} target="_blank" rel="noreferrer">
                按执法证号查询
              </a>
            </Typography.Paragraph>
          </Card>
        ))}
      </Space>
    </div>
  );
}
