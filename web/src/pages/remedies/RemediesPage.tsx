/** 行政复议和行政应诉: the reconsiderations (本机关为被申请人) and suits (本机关为被告), with their next limit and outcome. */
import { Button, Card, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle, QueryError } from '../../components/common';
import { type LawsuitList, type ReconsiderationList, useLawsuits, useReconsiderations } from './api';
import { RegisterModal } from './RegisterModal';

const effectColor: Record<string, string> = { stands: 'success', changed: 'warning', setAside: 'error' };

export function ReconsiderationTable({ items }: { items: ReconsiderationList['items'] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '案件', dataIndex: 'title', render: (t: string, r) => <Link to={`/remedies/reconsiderations/${r.id}`}>{t}</Link> },
        { title: '复议机关', dataIndex: 'reviewingBody', width: 160 },
        { title: '收到副本', dataIndex: 'receivedOn', width: 110 },
        { title: '状态', dataIndex: 'stateLabel', width: 150, render: (s: string) => <Tag>{s}</Tag> },
        { title: '期限', dataIndex: 'nextDue', width: 110, render: (x: string | null) => x ?? '' },
        {
          title: '复议决定',
          key: 'outcome',
          width: 220,
          render: (_: unknown, r) => (r.outcomeLabel ? <Tag color={effectColor[r.effect ?? 'stands']}>{`${r.outcomeLabel}（${r.effectLabel}）`}</Tag> : ''),
        },
      ]}
    />
  );
}

export function LawsuitTable({ items }: { items: LawsuitList['items'] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      columns={[
        { title: '案件', dataIndex: 'title', render: (t: string, r) => <Link to={`/remedies/lawsuits/${r.id}`}>{t}</Link> },
        { title: '人民法院', dataIndex: 'court', width: 160 },
        { title: '审级', dataIndex: 'instanceLabel', width: 70 },
        { title: '状态', dataIndex: 'stateLabel', width: 170, render: (s: string) => <Tag>{s}</Tag> },
        { title: '负责人出庭', dataIndex: 'headAppeared', width: 100, render: (h: boolean | null) => (h === null ? '未开庭' : h ? '是' : '否') },
        {
          title: '生效裁判',
          key: 'outcome',
          width: 220,
          render: (_: unknown, r) => (r.outcomeLabel ? <Tag color={effectColor[r.effect ?? 'stands']}>{`${r.outcomeLabel}（${r.effectLabel}）`}</Tag> : ''),
        },
      ]}
    />
  );
}

export function RemediesPage() {
  const recs = useReconsiderations();
  const suits = useLawsuits();
  const [registering, setRegistering] = useState<'reconsideration' | 'lawsuit' | null>(null);
  if (recs.error) return <QueryError error={recs.error} retry={recs.refetch} />;
  if (suits.error) return <QueryError error={suits.error} retry={suits.refetch} />;
  return (
    <>
      <PageTitle title="行政复议和行政应诉" />
      <Card size="small">
        <Tabs
          items={[
            {
              key: 'reconsiderations',
              label: `行政复议（${recs.data?.total ?? 0}）`,
              children: (
                <>
                  <Button style={{ marginBottom: 12 }} onClick={() => setRegistering('reconsideration')}>
                    登记行政复议
                  </Button>
                  <ReconsiderationTable items={recs.data?.items ?? []} />
                </>
              ),
            },
            {
              key: 'lawsuits',
              label: `行政诉讼（${suits.data?.total ?? 0}）`,
              children: (
                <>
                  <Button style={{ marginBottom: 12 }} onClick={() => setRegistering('lawsuit')}>
                    登记行政诉讼
                  </Button>
                  <LawsuitTable items={suits.data?.items ?? []} />
                </>
              ),
            },
          ]}
        />
      </Card>
      {registering && <RegisterModal kind={registering} onClose={() => setRegistering(null)} />}
    </>
  );
}

export default RemediesPage;
