import { ArrowLeftOutlined, EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMatterRecord, useOfficer } from '../api/queries';
import { SummaryStatusTag } from '../components/CertificateTags';
import { PageTitle, QueryError } from '../components/common';
import { CertificatesCard } from '../components/officers/CertificatesCard';
import { OfficerFormModal, type OfficerFormTarget } from '../components/officers/OfficerFormModal';
import { TrainingsCard } from '../components/officers/TrainingsCard';
import { EvidencePanel } from '../components/record/EvidencePanel';
import { RecordTimeline } from '../components/record/RecordTimeline';

/** One officer: particulars, certificates, trainings, evidence and the record timeline. */
export default function OfficerDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const officer = useOfficer(id);
  const o = officer.data;
  const record = useMatterRecord('officer', id, !!o?.abilities.viewRecord);
  const [editing, setEditing] = useState<OfficerFormTarget>(null);

  return (
    <div>
      <PageTitle
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/officers')} aria-label="返回执法人员列表" />
            <span>{o ? o.name : '执法人员'}</span>
            {o && <SummaryStatusTag status={o.certificateStatus} />}
            {o && !o.active && <Tag>离岗</Tag>}
          </Space>
        }
        extra={
          o && (
            <Space>
              {o.abilities.update && (
                <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', officer: o })}>
                  编辑
                </Button>
              )}
              {o.abilities.viewRecord && (
                <Button icon={<HistoryOutlined />} onClick={() => navigate(`/record/officer/${o.id}`)}>
                  全过程记录
                </Button>
              )}
            </Space>
          )
        }
      />
      {officer.error && <QueryError error={officer.error} retry={() => officer.refetch()} />}
      {officer.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {o && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="基本信息">
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'name', label: '姓名', children: o.name },
                { key: 'gender', label: '性别', children: o.gender ?? '—' },
                { key: 'no', label: '工号', children: o.employeeNo ?? '—' },
                { key: 'org', label: '所属机构', children: o.orgName },
                { key: 'pos', label: '职务', children: o.position ?? '—' },
                { key: 'exam', label: '法律知识考试', children: o.legalExamPassed ? <Tag color="green">已通过</Tag> : <Tag>未通过</Tag> },
                { key: 'active', label: '在岗状态', children: o.active ? '在岗' : '离岗' },
              ]}
            />
          </Card>
          <CertificatesCard officer={o} />
          <TrainingsCard officer={o} />
          {o.abilities.viewRecord && (
            <Card title={`证据文件${record.data ? `（${record.data.evidence.length}）` : ''}`}>
              {record.error && <QueryError error={record.error} retry={() => record.refetch()} />}
              {record.isPending ? (
                <Skeleton active />
              ) : (
                record.data && <EvidencePanel matterType="officer" matterId={o.id} evidence={record.data.evidence} canUpload={record.data.canUploadEvidence} />
              )}
            </Card>
          )}
          {o.abilities.viewRecord && (
            <Card title="全过程记录" extra={<Link to={`/record/officer/${o.id}`}>在记录页查看</Link>}>
              {record.isPending ? <Skeleton active /> : record.data && <RecordTimeline entries={record.data.entries} />}
            </Card>
          )}
        </Space>
      )}
      <OfficerFormModal target={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
