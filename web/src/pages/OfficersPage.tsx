import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useOfficers, useReference, type OfficerFilter } from '../api/queries';
import type { Officer } from '../api/types';
import { useSession } from '../auth/session';
import { CertificateStatusTag, SummaryStatusTag } from '../components/CertificateTags';
import { PageTitle, QueryError } from '../components/common';
import { OfficerFormModal, type OfficerFormTarget } from '../components/officers/OfficerFormModal';
import { OrgTreeSelect } from '../components/OrgTreeSelect';
import { certificateSummaryLabels } from '../lib/labels';

const statusOptions = Object.entries(certificateSummaryLabels).map(([value, label]) => ({ value, label }));

/** 执法人员: officers and their certificates, filterable; the filter lives in the URL. */
export default function OfficersPage() {
  const { abilities } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: OfficerFilter = {
    orgId: params.get('orgId') ?? undefined,
    q: params.get('q') ?? undefined,
    field: params.get('field') ?? undefined,
    certificateStatus: params.get('certificateStatus') ?? undefined,
  };
  const setFilter = (k: keyof OfficerFilter, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const filtered = Object.values(filter).some(Boolean);
  const officers = useOfficers(filter);
  const all = useOfficers({}, filtered); // for the alert, independent of the filter
  const ref = useReference();
  const [target, setTarget] = useState<OfficerFormTarget>(null);

  const counts = useMemo(() => {
    const certs = ((filtered ? all.data : officers.data) ?? []).flatMap((o) => o.certificates);
    return { expiring: certs.filter((c) => c.expiringSoon).length, expired: certs.filter((c) => c.effectiveStatus === 'expired').length };
  }, [filtered, all.data, officers.data]);

  const fieldOptions = Object.entries(ref.data?.fields ?? {}).map(([value, label]) => ({ value, label }));

  return (
    <div>
      <PageTitle
        title="执法人员"
        sub="行政执法人员须持有效执法证上岗（《行政处罚法》第四十二条）。"
        extra={
          abilities.createOfficer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', orgId: filter.orgId })}>
              登记执法人员
            </Button>
          )
        }
      />
      {(counts.expiring > 0 || counts.expired > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="certificate-alert"
          title={`执法证预警：${[counts.expiring && `${counts.expiring} 张将在 90 日内到期`, counts.expired && `${counts.expired} 张已过期`].filter(Boolean).join('，')}`}
          description="请及时组织换证；执法证过期的人员不得从事行政执法活动。"
          action={
            <Space orientation="vertical" size={4}>
              {counts.expiring > 0 && (
                <Button size="small" onClick={() => setFilter('certificateStatus', 'expiringSoon')}>
                  查看即将到期
                </Button>
              )}
              {counts.expired > 0 && (
                <Button size="small" danger onClick={() => setFilter('certificateStatus', 'expired')}>
                  查看已过期
                </Button>
              )}
            </Space>
          }
        />
      )}
      {officers.error && <QueryError error={officers.error} retry={() => officers.refetch()} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect value={filter.orgId} onChange={(v) => setFilter('orgId', v)} allowClear placeholder="全部机构" style={{ width: 220 }} />
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            placeholder="姓名、工号或执法证号"
            allowClear
            maxLength={50}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            placeholder="执法领域"
            value={filter.field}
            onChange={(v) => setFilter('field', v)}
            options={fieldOptions}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder="执法证状态"
            value={filter.certificateStatus}
            onChange={(v) => setFilter('certificateStatus', v)}
            options={statusOptions}
            style={{ width: 150 }}
          />
          {filtered && (
            <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              清除筛选
            </Button>
          )}
        </Space>
        <Table<Officer>
          rowKey="id"
          loading={officers.isFetching}
          dataSource={officers.data ?? []}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 人`, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          onRow={(o) => ({ onDoubleClick: () => navigate(`/officers/${o.id}`) })}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              width: 120,
              render: (v: string, o) => (
                <span>
                  <Link to={`/officers/${o.id}`}>{v}</Link>
                  {!o.active && <Tag style={{ marginInlineStart: 6 }}>离岗</Tag>}
                </span>
              ),
            },
            { title: '工号', dataIndex: 'employeeNo', width: 100, render: (v: string | null) => v ?? '—' },
            { title: '所属机构', dataIndex: 'orgName', width: 180 },
            { title: '职务', dataIndex: 'position', width: 100, render: (v: string | null) => v ?? '—' },
            { title: '持证状态', dataIndex: 'certificateStatus', width: 100, render: (v: Officer['certificateStatus']) => <SummaryStatusTag status={v} /> },
            {
              title: '执法证',
              dataIndex: 'certificates',
              render: (cs: Officer['certificates']) =>
                cs.length ? (
                  <Space orientation="vertical" size={2}>
                    {cs.map((c) => (
                      <span key={c.id}>
                        <Typography.Text className="fz-mono" style={{ marginInlineEnd: 6 }}>
                          {c.number}
                        </Typography.Text>
                        <CertificateStatusTag cert={c} />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          至 {c.validTo}
                        </Typography.Text>
                      </span>
                    ))}
                  </Space>
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                ),
            },
            { title: '法律考试', dataIndex: 'legalExamPassed', width: 90, render: (v: boolean) => (v ? <Tag color="green">已通过</Tag> : <Tag>未通过</Tag>) },
          ]}
        />
      </Card>
      <OfficerFormModal target={target} onClose={() => setTarget(null)} onCreated={(o) => navigate(`/officers/${o.id}`)} />
    </div>
  );
}
