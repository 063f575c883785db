import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Space, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useMatterRecord } from '../api/queries';
import { PageTitle, QueryError } from '../components/common';
import { EvidencePanel } from '../components/record/EvidencePanel';
import { RecordTimeline } from '../components/record/RecordTimeline';
import { matterTypeLabels } from '../lib/labels';

const matterLink: Record<string, (id: string) => string> = {
  officer: (id) => `/officers/${id}`,
  org: () => '/orgs',
  user: () => '/users',
};

/** 全过程记录 of one matter (an org, a user or an officer): timeline, proofs and evidence. */
export default function RecordPage() {
  const { matterType = '', matterId = '' } = useParams();
  const navigate = useNavigate();
  const record = useMatterRecord(matterType, matterId);
  const r = record.data;

  return (
    <div>
      <PageTitle
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label="返回" />
            <span>全过程记录{r ? `：${r.title}` : ''}</span>
            <Tag color="blue">{matterTypeLabels[matterType] ?? matterType}</Tag>
          </Space>
        }
        sub="每一条记录都写入只增不改的默克尔树，可随时点击「验证」核对其包含证明与签名树头。"
        extra={matterLink[matterType] && <Link to={matterLink[matterType](matterId)}>查看{matterTypeLabels[matterType]}</Link>}
      />
      {record.error && <QueryError error={record.error} retry={() => record.refetch()} />}
      {record.isPending && (
        <Card>
          <Skeleton active />
        </Card>
      )}
      {r && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="记录时间线">
            <RecordTimeline entries={r.entries} />
          </Card>
          {(r.evidence.length > 0 || r.canUploadEvidence) && (
            <Card title={`证据文件（${r.evidence.length}）`}>
              <EvidencePanel matterType={matterType} matterId={matterId} evidence={r.evidence} canUpload={r.canUploadEvidence} />
            </Card>
          )}
        </Space>
      )}
    </div>
  );
}
