/** A kept figure set: its numbers as computed, the record's tree head then, and the check against the record now. */
import { Alert, Breadcrumb, Button, Card, Descriptions, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { Hash, PageTitle, QueryError } from '../../components/common';
import { chinaTime } from '../../lib/format';
import { figureKeys, formatFigure, type FigureSet, type FigureSetCheck } from './api';

export default function FigureSetPage() {
  const { id = '' } = useParams();
  const set = useQuery({ queryKey: ['figures', 'set', id], queryFn: () => api.get<FigureSet>(`/api/figures/sets/${encodeURIComponent(id)}`) });
  const [checking, setChecking] = useState(false);
  const check = useQuery({
    queryKey: figureKeys.check(id),
    queryFn: () => api.get<FigureSetCheck>(`/api/figures/sets/${encodeURIComponent(id)}/check`),
    enabled: checking,
  });
  if (set.error) return <QueryError error={set.error} retry={set.refetch} />;
  const s = set.data;
  if (!s) return null;
  const changed = new Map((check.data?.changed ?? []).map((c) => [c.id, c]));
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to="/figures">统计指标</Link> }, { title: '统计指标集' }]} />
      <PageTitle
        title={`统计指标集：${s.orgName} ${s.from} 至 ${s.to}`}
        extra={
          <Button onClick={() => setChecking(true)} loading={check.isFetching}>
            按现在的记录核对
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="生成时间">{chinaTime(s.computedAt)}</Descriptions.Item>
          <Descriptions.Item label="生成人">{s.computedBy}</Descriptions.Item>
          <Descriptions.Item label="记录树头">
            <Link to="/record/tree-heads">树大小 {s.treeSize}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="根哈希">
            <Hash value={s.rootHash} />
          </Descriptions.Item>
          <Descriptions.Item label="指标值哈希（记入执法记录）">
            <Hash value={s.valuesHash} />
          </Descriptions.Item>
          <Descriptions.Item label="执法记录">
            <Link to={`/record/figureSet/${s.id}`}>查看记录</Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {check.data && (
        <Alert
          style={{ marginBottom: 16 }}
          type={check.data.valuesHashHolds && check.data.changed.length === 0 ? 'success' : 'warning'}
          message={`${check.data.valuesHashHolds ? '留存数值与执法记录中的哈希一致' : '留存数值与执法记录中的哈希不一致'}；按 ${chinaTime(check.data.recomputedAt)} 的记录重新计算，${
            check.data.changed.length ? `${check.data.changed.length} 个指标发生了变化（如决定更正、补录）` : '全部指标未变'
          }${check.data.added.length ? `；此后新增指标 ${check.data.added.length} 个` : ''}`}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={s.items}
        scroll={{ x: 560 }}
        columns={[
          { title: '指标', dataIndex: 'label', render: (v: string, r) => <Link to={`/figures/${r.id}?from=${s.from}&to=${s.to}&orgId=${s.orgId}`}>{v}</Link> },
          { title: '数值', align: 'right', render: (_, r) => formatFigure(r.value, r.unit) },
          { title: '记录', align: 'right', dataIndex: 'records' },
          ...(check.data
            ? [
                {
                  title: '现在',
                  render: (_: unknown, r: { id: string; unit: string }) =>
                    changed.has(r.id) ? <Tag color="orange">{formatFigure(changed.get(r.id)!.now, r.unit)}</Tag> : '未变',
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
