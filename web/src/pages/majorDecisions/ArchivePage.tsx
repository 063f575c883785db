/** 决策档案 (第三十三条): every record entry, file and instrument of the decision and of the reviews it opened, with hashes; the list as a download. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { Hash, PageTitle, QueryError } from '../../components/common';
import { chinaTime, formatBytes } from '../../lib/format';
import { type Archive, useArchive } from './api';

const matterLabel: Record<string, string> = {
  majorPolicyDecision: '重大行政决策',
  legalityReview: '合法性审查',
  publicConsultation: '公开征求意见',
  fairCompetitionReview: '公平竞争审查',
};

export function ArchivePage() {
  const { id = '' } = useParams();
  const q = useArchive(id);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  const a = q.data;
  if (!a) return null;
  return (
    <>
      <PageTitle
        title={`决策档案：${a.title}`}
        sub={<Link to={`/major-decisions/${id}`}>← 返回决策</Link>}
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/major-decisions/${id}/archive.json`}>
            下载档案清单
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="归档">
            {a.archive ? `${String(a.archive.archivedOn)}，档号 ${String(a.archive.archiveNo)}` : '尚未归档（清单随办理实时更新）'}
          </Descriptions.Item>
          <Descriptions.Item label="记录条目">{a.entries.length}</Descriptions.Item>
          <Descriptions.Item label="文件 / 文书">
            {a.files.length} / {a.instruments.length}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title="记录条目" style={{ marginBottom: 16 }}>
        <Table<Archive['entries'][number]>
          size="small"
          rowKey={(e) => `${e.matterId}-${e.payloadHash}-${e.recordedAt}`}
          pagination={{ pageSize: 50 }}
          dataSource={a.entries}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80, render: (s: number | null) => s ?? '待定位' },
            { title: '时间', dataIndex: 'recordedAt', width: 170, render: (t: string) => chinaTime(t) },
            {
              title: '事项',
              dataIndex: 'matterType',
              width: 130,
              render: (t: string, e) => <Link to={`/record/${t}/${e.matterId}`}>{matterLabel[t] ?? t}</Link>,
            },
            { title: '记录', dataIndex: 'eventLabel' },
            { title: '办理人', dataIndex: 'actor', width: 110, render: (x: string | null) => x ?? '系统' },
            { title: '内容哈希', dataIndex: 'payloadHash', width: 150, render: (h: string) => <Hash value={h} /> },
          ]}
        />
      </Card>
      <Card size="small" title="文书" style={{ marginBottom: 16 }}>
        <Table<Archive['instruments'][number]>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.instruments}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '文书', dataIndex: 'title' },
            { title: '文号', dataIndex: 'number', width: 220 },
            { title: '日期', dataIndex: 'issuedOn', width: 110 },
            { title: '.docx 哈希', dataIndex: 'docxHash', width: 150, render: (h: string) => <Hash value={h} /> },
            { title: '下载', key: 'dl', width: 120, render: (_: unknown, i) => <a href={`/api/instruments/${i.id}/docx`}>.docx</a> },
          ]}
        />
      </Card>
      <Card size="small" title="材料文件">
        <Table<Archive['files'][number]>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={a.files}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '文件', dataIndex: 'fileName' },
            { title: '大小', dataIndex: 'sizeBytes', width: 100, render: (n: number) => formatBytes(n) },
            { title: '上传时间', dataIndex: 'uploadedAt', width: 170, render: (t: string) => chinaTime(t) },
            { title: '哈希', dataIndex: 'contentHash', width: 150, render: (h: string, f) => <Hash value={h} prefix={f.hashAlg} /> },
            {
              title: '下载',
              key: 'dl',
              width: 80,
              render: (_: unknown, f) => (
                <a href={`/api/record/evidence/${encodeURIComponent(f.id)}/content`} download={f.fileName}>
                  下载
                </a>
              ),
            },
          ]}
        />
      </Card>
      <Tag style={{ marginTop: 12 }}>每条记录的包含证明可在“全过程记录”中查看</Tag>
    </>
  );
}

export default ArchivePage;
