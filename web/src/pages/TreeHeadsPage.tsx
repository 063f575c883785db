import { CheckCircleFilled, CloseCircleFilled, KeyOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, qs } from '../api/client';
import { keys } from '../api/queries';
import type { ConsistencyResult, TreeHead, TreeHeadsPage as TreeHeadsData } from '../api/types';
import { useSession } from '../auth/session';
import { Hash, PageTitle, QueryError } from '../components/common';
import { chinaTime } from '../lib/format';

const PAGE = 50;

/** 签名树头: the signed Merkle tree heads (newest first), 立即签发, and consistency between heads. */
export default function TreeHeadsPage() {
  const { abilities } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const heads = useInfiniteQuery({
    queryKey: keys.treeHeads,
    queryFn: ({ pageParam }) => api.get<TreeHeadsData>(`/api/record/tree-heads${qs({ limit: PAGE, offset: pageParam })}`),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.items.length < PAGE ? undefined : pages.length * PAGE),
  });
  const sign = useMutation({
    mutationFn: () => api.post<TreeHead>('/api/record/tree-heads'),
    onSuccess: (h) => {
      message.success(`已签发树头：大小 ${h.treeSize}`);
      queryClient.invalidateQueries({ queryKey: keys.treeHeads });
    },
    onError: (e) => message.error(e.message),
  });
  const [consistency, setConsistency] = useState<{ from: number; to: number } | null>(null);
  const check = useMutation({ mutationFn: (r: { from: number; to: number }) => api.get<ConsistencyResult>(`/api/record/consistency${qs(r)}`) });

  const first = heads.data?.pages[0];
  const items = heads.data?.pages.flatMap((p) => p.items) ?? [];
  const latest = items[0];

  const openConsistency = (h: TreeHead) => {
    const r = { from: h.treeSize, to: latest.treeSize };
    setConsistency(r);
    check.mutate(r);
  };

  return (
    <div>
      <PageTitle
        title="签名树头"
        sub="平台定期对记录的默克尔树根签名。任何人可用公钥核验签名，并用一致性证明确认记录只增不改。"
        extra={
          abilities.signTreeHead && (
            <Button type="primary" icon={<KeyOutlined />} loading={sign.isPending} onClick={() => sign.mutate()}>
              立即签发
            </Button>
          )
        }
      />
      {heads.error && <QueryError error={heads.error} retry={() => heads.refetch()} />}
      <Card>
        <Table<TreeHead>
          rowKey="id"
          size="small"
          loading={heads.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 1100 }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 70 },
            { title: '树大小', dataIndex: 'treeSize', width: 90 },
            { title: '根哈希', dataIndex: 'rootHash', render: (v: string, h) => <Hash value={v} prefix={`${h.hashAlg.toUpperCase()}:`} /> },
            { title: '签发时间（北京时间）', dataIndex: 'signedAt', width: 180, render: (v: string) => chinaTime(v) },
            { title: '密钥 ID', dataIndex: 'keyId', width: 160, render: (v: string) => <span className="fz-mono">{v}</span> },
            { title: '签名', dataIndex: 'signature', render: (v: string) => <Hash value={v} /> },
            {
              title: '',
              key: 'op',
              width: 150,
              fixed: 'right',
              render: (_, h) =>
                latest &&
                h.treeSize < latest.treeSize && (
                  <Button size="small" onClick={() => openConsistency(h)}>
                    与最新树头比对
                  </Button>
                ),
            },
          ]}
        />
        {heads.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => heads.fetchNextPage()} loading={heads.isFetchingNextPage}>
              加载更早的树头
            </Button>
          </div>
        )}
      </Card>
      {first && (
        <Card
          title={`签名公钥（Ed25519，密钥 ID ${first.keyId}）`}
          style={{ marginTop: 16 }}
          extra={<Typography.Text copyable={{ text: first.publicKeyPem, tooltips: ['复制公钥', '已复制'] }}>复制</Typography.Text>}
        >
          <pre className="fz-mono" style={{ margin: 0 }}>
            {first.publicKeyPem}
          </pre>
        </Card>
      )}
      <Modal title="一致性验证" open={!!consistency} onCancel={() => setConsistency(null)} footer={null} width={680} destroyOnHidden>
        {check.isPending && (
          <div style={{ textAlign: 'center', padding: 24 }}>
            <Spin />
          </div>
        )}
        {check.error && <Alert type="error" showIcon title="验证失败" description={check.error.message} />}
        {check.data && (
          <div>
            <Alert
              type={check.data.verified ? 'success' : 'error'}
              showIcon
              icon={check.data.verified ? <CheckCircleFilled /> : <CloseCircleFilled />}
              title={
                check.data.verified ? '已验证：两个树头签名有效，较新的记录树完整包含较早的记录树（记录只增不改）' : '验证失败：记录可能被篡改，请立即报告'
              }
              style={{ marginBottom: 12 }}
            />
            <p>
              树大小 {check.data.from.treeSize} → {check.data.to.treeSize}，一致性证明共 {check.data.proof.length} 个哈希{check.data.proof.length ? '：' : '。'}
            </p>
            <ol style={{ paddingInlineStart: 20 }}>
              {check.data.proof.map((h, i) => (
                <li key={i} className="fz-mono">
                  {h}
                </li>
              ))}
            </ol>
          </div>
        )}
      </Modal>
    </div>
  );
}
