import { DownloadOutlined, PlusOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { exportUrl, useReference, useViolations, type Violation } from './api';
import { ImportBenchmarksModal } from './ImportBenchmarksModal';
import { ArticleLinks } from './parts';
import { ThresholdsCard } from './ThresholdsCard';
import { ViolationFormModal } from './ViolationFormModal';

/** 违法行为与裁量基准: the catalogue by field, import and export of the benchmark tables, the thresholds. */
export default function DiscretionPage() {
  const { abilities } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const f = { field: params.get('field') ?? undefined, q: params.get('q') ?? undefined };
  const set = (patch: Partial<typeof f>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next, { replace: true });
  };
  const ref = useReference();
  const list = useViolations(f);
  const [importing, setImporting] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <div>
      <PageTitle
        title="违法行为与裁量基准"
        sub="每项违法行为链接所违反和据以处罚的条文；裁量基准按违法行为发生时施行的版本计算，作出决定时的新基准较轻的适用新基准（从旧兼从轻）。"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportUrl()} data-testid="export-benchmarks">
              导出基准表
            </Button>
            {abilities.manageDiscretion && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入基准表
              </Button>
            )}
            {abilities.manageDiscretion && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                新增违法行为
              </Button>
            )}
          </Space>
        }
      />
      {list.error && <QueryError error={list.error} retry={() => list.refetch()} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder="全部执法领域"
            style={{ width: 200 }}
            value={f.field}
            onChange={(v) => set({ field: v })}
            options={Object.entries(ref.data?.fields ?? {}).map(([value, label]) => ({ value, label }))}
          />
          <Input.Search
            key={f.q ?? ''}
            defaultValue={f.q}
            placeholder="编码或名称"
            allowClear
            maxLength={50}
            style={{ width: 240 }}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Space>
        <Table<Violation>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          data-testid="violations"
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项`, hideOnSinglePage: true }}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/discretion/violations/${r.id}`) })}
          columns={[
            { title: '编码', dataIndex: 'code', width: 100, render: (c: string) => <Typography.Text className="fz-mono">{c}</Typography.Text> },
            {
              title: '违法行为',
              dataIndex: 'name',
              render: (n: string, r) => (
                <Space>
                  <Link to={`/discretion/violations/${r.id}`}>{n}</Link>
                  {r.openFlags > 0 && (
                    <Tag color="orange" icon={<WarningOutlined />}>
                      依据变更
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: '领域', dataIndex: 'fieldLabel', width: 130 },
            { title: '违反条款', dataIndex: 'violates', render: (ids: string[]) => <ArticleLinks ids={ids} /> },
            { title: '处罚依据', dataIndex: 'punishes', render: (ids: string[]) => <ArticleLinks ids={ids} /> },
          ]}
        />
      </Card>
      <ThresholdsCard />
      <ImportBenchmarksModal open={importing} onClose={() => setImporting(false)} />
      <ViolationFormModal open={adding} violation={null} onClose={() => setAdding(false)} />
    </div>
  );
}
