import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useReference } from '../../api/queries';
import type { Certificate, OfficerDetail } from '../../api/types';
import { CertificateStatusTag } from '../CertificateTags';
import { CertificateFormModal } from './CertificateFormModal';
import { CertificateStatusModal, type StatusChange } from './CertificateStatusModal';

/** The officer's 行政执法证, with 登记/暂扣/注销/恢复 when the server allows. */
export function CertificatesCard({ officer }: { officer: OfficerDetail }) {
  const ref = useReference();
  const [issuing, setIssuing] = useState(false);
  const [change, setChange] = useState<StatusChange>(null);
  const can = officer.abilities.changeCertificateStatus;

  return (
    <Card
      data-testid="certificates"
      title={`行政执法证（${officer.certificates.length}）`}
      extra={
        officer.abilities.issueCertificate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            登记执法证
          </Button>
        )
      }
    >
      <Table<Certificate>
        rowKey="id"
        size="small"
        dataSource={officer.certificates}
        pagination={false}
        locale={{ emptyText: '尚未登记执法证' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '证号', dataIndex: 'number', width: 160, render: (v: string) => <span className="fz-mono">{v}</span> },
          { title: '发证机关', dataIndex: 'issuingAuthority', width: 150 },
          { title: '执法领域', dataIndex: 'fields', render: (fs: string[]) => fs.map((f) => <Tag key={f}>{ref.data?.fields[f] ?? f}</Tag>) },
          { title: '执法区域', dataIndex: 'areas', width: 100 },
          { title: '有效期', key: 'validity', width: 200, render: (_, c) => `${c.validFrom} 至 ${c.validTo}` },
          { title: '状态', key: 'status', width: 150, render: (_, c) => <CertificateStatusTag cert={c} /> },
          ...(can
            ? [
                {
                  title: '操作',
                  key: 'op',
                  width: 150,
                  render: (_: unknown, c: Certificate) =>
                    c.status === 'revoked' ? null : (
                      <Space size={0}>
                        {c.status === 'valid' && (
                          <Button type="link" size="small" onClick={() => setChange({ cert: c, to: 'suspended' })}>
                            暂扣
                          </Button>
                        )}
                        {c.status === 'suspended' && (
                          <Button type="link" size="small" onClick={() => setChange({ cert: c, to: 'valid' })}>
                            恢复
                          </Button>
                        )}
                        <Button type="link" size="small" danger onClick={() => setChange({ cert: c, to: 'revoked' })}>
                          注销
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      {officer.abilities.issueCertificate && <CertificateFormModal officer={officer} open={issuing} onClose={() => setIssuing(false)} />}
      {can && <CertificateStatusModal officer={officer} change={change} onClose={() => setChange(null)} />}
    </Card>
  );
}
