import { SafetyOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, qs } from '../api/client';
import { keys, useOrgs } from '../api/queries';
import type { LedgerPage as LedgerPageData, RecordEntry } from '../api/types';
import { Hash, PageTitle, QueryError } from '../components/common';
import { ProofModal } from '../components/record/ProofModal';
import { chinaTime } from '../lib/format';
import { matterTypeLabels } from '../lib/labels';

const PAGE = 50;

/** 记录总账: the latest entries of the whole record in the caller's scope, newest first. */
export default function LedgerPage() {
  const orgs = useOrgs();
  const [verifying, setVerifying] = useState<number | null>(null);
  const ledger = useInfiniteQuery({
    queryKey: keys.ledger,
    queryFn: ({ pageParam }) => api.get<LedgerPageData>(`/api/record/entries${qs({ limit: PAGE, beforeSeq: pageParam })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : last.items[last.items.length - 1].seq),
  });
  const head = ledger.data?.pages[0];
  const items = ledger.data?.pages.flatMap((p) => p.items) ?? [];
  const orgName = (id: string | null) => (id && orgs.data?.find((o) => o.id === id)?.name) || '—';

  return (
    <div>
      <PageTitle title="记录总账" sub="执法全过程记录的全部条目（限管辖范围），只增不改；每条均可验证其包含证明。" />
      {ledger.error && <QueryError error={ledger.error} retry={() => ledger.refetch()} />}
      {head && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'size',
                label: '当前条目数（树大小）',
                children: (
                  <Typography.Text strong data-testid="ledger-size">
                    {head.size}
                  </Typography.Text>
                ),
              },
              { key: 'root', label: `当前根哈希（${head.hashAlg.toUpperCase()}）`, children: <Hash value={head.rootHash} full /> },
            ]}
          />
        </Card>
      )}
      <Card>
        <Table<RecordEntry>
          rowKey="seq"
          size="small"
          loading={ledger.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80 },
            { title: '时间（北京时间）', dataIndex: 'recordedAt', width: 170, render: (v: string) => chinaTime(v) },
            {
              title: '事件',
              dataIndex: 'eventLabel',
              width: 260,
              render: (v: string, e) => (
                <span>
                  {v}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.display.summary}
                  </Typography.Text>
                </span>
              ),
            },
            { title: '操作人', dataIndex: 'actorName', width: 100, render: (v: string | null) => v ?? '系统' },
            { title: '机构', dataIndex: 'orgId', width: 180, render: (v: string | null) => orgName(v) },
            {
              title: '事项',
              key: 'matter',
              width: 150,
              render: (_, e) => (
                <Link to={`/record/${e.matterType}/${e.matterId}`}>
                  <Tag color="blue">{matterTypeLabels[e.matterType] ?? e.matterType}</Tag>时间线
                </Link>
              ),
            },
            { title: '内容哈希', dataIndex: 'payloadHash', render: (v: string) => <Hash value={v} /> },
            {
              title: '',
              key: 'verify',
              width: 90,
              fixed: 'right',
              render: (_, e) => (
                <Button size="small" icon={<SafetyOutlined />} onClick={() => setVerifying(e.seq)}>
                  验证
                </Button>
              ),
            },
          ]}
        />
        {ledger.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => ledger.fetchNextPage()} loading={ledger.isFetchingNextPage}>
              加载更早的记录
            </Button>
          </div>
        )}
      </Card>
      <ProofModal seq={verifying} onClose={() => setVerifying(null)} />
    </div>
  );
}
