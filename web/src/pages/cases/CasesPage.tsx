import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { caseNumberLabel, procedures } from '../../../../src/domain/cases/rules';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { chinaTime } from '../../lib/format';
import { useCaseReference, useCases, type CaseListFilter, type CaseListItem } from './api';
import { OutcomeStatistics } from './OutcomeStatistics';
import { DeadlineTag, MyDeadlinesCard } from './parts';
import { OpenCaseModal } from './OpenCaseModal';

const inboxes = { all: '全部案件', mine: '我的在办', review: '待审核', approve: '待审批' } as const;
type Inbox = keyof typeof inboxes;

/** 执法办案: the case list with inboxes, filters and deadline colours; the landing page of case handlers. */
export default function CasesPage() {
  const { user, abilities } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const defaultInbox: Inbox = user.roles.includes('legalReviewer')
    ? 'review'
    : user.roles.includes('leader')
      ? 'approve'
      : user.roles.includes('officer')
        ? 'mine'
        : 'all';
  const inbox = (params.get('inbox') as Inbox | null) ?? defaultInbox;
  const filter: CaseListFilter = {
    inbox: inbox === 'all' ? undefined : inbox,
    state: params.get('state') ?? undefined,
    procedure: (params.get('procedure') as CaseListFilter['procedure']) ?? undefined,
    q: params.get('q') ?? undefined,
    dateField: (params.get('dateField') as CaseListFilter['dateField']) ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const cases = useCases(filter);
  const ref = useCaseReference();
  const [creating, setCreating] = useState(false);
  // the server's leadPolicy (menu ability openCase): officers and administrators
  const canOpen = abilities.openCase;

  return (
    <div>
      <PageTitle
        title="执法办案"
        sub="线索登记、立案、调查、审核、告知、听证、决定、送达、执行、结案、归档，每一步写入全过程记录。"
        extra={
          canOpen && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记线索
            </Button>
          )
        }
      />
      <MyDeadlinesCard />
      <OutcomeStatistics />
      {cases.error && <QueryError error={cases.error} retry={() => cases.refetch()} />}
      <Card>
        <Tabs activeKey={inbox} onChange={(k) => set('inbox', k)} items={Object.entries(inboxes).map(([key, label]) => ({ key, label }))} />
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder="办案环节"
            value={filter.state}
            onChange={(v) => set('state', v)}
            style={{ width: 200 }}
            aria-label="办案环节"
            options={Object.entries(ref.data?.states ?? {}).map(([value, label]) => ({ value, label }))}
          />
          <Select
            allowClear
            placeholder="程序"
            value={filter.procedure}
            onChange={(v) => set('procedure', v)}
            style={{ width: 140 }}
            aria-label="程序"
            options={Object.entries(procedures).map(([value, label]) => ({ value, label }))}
          />
          <Select
            value={filter.dateField ?? 'received'}
            onChange={(v) => set('dateField', v === 'received' ? undefined : v)}
            style={{ width: 130 }}
            aria-label="按日期"
            options={[
              { value: 'received', label: '收到线索日期' },
              { value: 'filed', label: '立案日期' },
              { value: 'decided', label: '决定日期' },
            ]}
          />
          <DateRangeFilter params={params} setParams={setParams} />
          <Input.Search
            key={filter.q ?? ''}
            defaultValue={filter.q}
            placeholder="案号、当事人或案由"
            allowClear
            maxLength={100}
            style={{ width: 260 }}
            onSearch={(v) => set('q', v.trim() || undefined)}
          />
        </Space>
        <Table<CaseListItem>
          rowKey="id"
          size="middle"
          loading={cases.isFetching}
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: '暂无案件' }}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/cases/${r.id}`) })}
          columns={[
            {
              title: '案号 / 案由',
              key: 'title',
              render: (_, r) => (
                <div>
                  <Link to={`/cases/${r.id}`}>{caseNumberLabel(r)}</Link>
                  <div>
                    <Typography.Text type="secondary">{r.title}</Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: '当事人', dataIndex: 'partyName' },
            { title: '程序', dataIndex: 'procedure', width: 90, render: (v: keyof typeof procedures) => procedures[v] ?? v },
            {
              title: '环节',
              dataIndex: 'state',
              width: 170,
              render: (v: string, r) => (
                <Space size={4} wrap>
                  <Tag color="blue">{ref.data?.states[v] ?? v}</Tag>
                  {r.major && <Tag color="red">重大</Tag>}
                </Space>
              ),
            },
            { title: '承办机构', dataIndex: 'unitName', width: 150 },
            { title: '罚款', dataIndex: 'fineFen', width: 120, render: (v: number) => (v ? formatYuan(v) : '—') },
            { title: '最近期限', key: 'due', width: 170, render: (_, r) => <DeadlineTag due={r.nextDue} overdue={r.overdue} warning={r.warning} /> },
            { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => chinaTime(v, false) },
          ]}
        />
      </Card>
      <OpenCaseModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
