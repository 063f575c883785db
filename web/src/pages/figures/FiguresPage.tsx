/**
 * 统计 (the figure catalogue's overview): every figure of an org subtree over a period, with last year's same period;
 * each figure opens its page (breakdowns, months, the records behind it). Figure sets keep a period's numbers with
 * the record's tree head (法制审核人员、局领导、执法监督人员、系统管理员).
 */
import { Button, Card, DatePicker, Form, Radio, Space, Table, Tabs, Tag, Tooltip, Typography, message } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, qs } from '../../api/client';
import { useSession } from '../../auth/session';
import { Hash, PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { chinaTime, chinaToday } from '../../lib/format';
import {
  figureKeys,
  formatChange,
  formatFigure,
  thisYear,
  useComparison,
  useFigureSets,
  useOverview,
  type Comparison,
  type FigureQuery,
  type FigureSet,
  type Overview,
} from './api';

/** The page's scope and period live in the address, so a link (and the back button) keeps them. */
export function useFigureQuery(): [FigureQuery, (q: Partial<FigureQuery>) => void, string] {
  const [params, setParams] = useSearchParams();
  const def = thisYear(chinaToday());
  const q: FigureQuery = { orgId: params.get('orgId') ?? undefined, from: params.get('from') ?? def.from, to: params.get('to') ?? def.to };
  const set = (n: Partial<FigureQuery>) => {
    const next = { ...q, ...n };
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>, { replace: true });
  };
  return [q, set, qs({ ...q })];
}

export function ScopeBar({ q, set }: { q: FigureQuery; set: (q: Partial<FigureQuery>) => void }) {
  return (
    <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
      <Form.Item label="统计范围">
        <OrgTreeSelect value={q.orgId} onChange={(orgId) => set({ orgId })} placeholder="本执法主体" allowClear style={{ minWidth: 220 }} />
      </Form.Item>
      <Form.Item label="统计期间">
        <DatePicker.RangePicker
          aria-label="统计期间"
          allowClear={false}
          value={[dayjs(q.from), dayjs(q.to)]}
          onChange={(v) => v?.[0] && v[1] && set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
          presets={[
            { label: '本年度', value: [dayjs().startOf('year'), dayjs()] },
            { label: '上一年度', value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
            {
              label: '本季度',
              value: [
                dayjs()
                  .startOf('month')
                  .subtract(dayjs().month() % 3, 'month'),
                dayjs(),
              ],
            },
            { label: '近 30 日', value: [dayjs().subtract(29, 'day'), dayjs()] },
          ]}
        />
      </Form.Item>
    </Form>
  );
}

type Item = Overview['items'][number];

function OverviewTable({ data, search }: { data: Overview; search: string }) {
  const groups = useMemo(() => {
    const m = new Map<string, Item[]>();
    for (const i of data.items) m.set(i.moduleLabel, [...(m.get(i.moduleLabel) ?? []), i]);
    return [...m.entries()];
  }, [data]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {groups.map(([label, items]) => (
        <Card key={label} title={label} size="small">
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            scroll={{ x: 640 }}
            columns={[
              {
                title: '指标',
                dataIndex: 'label',
                render: (v: string, r) => (
                  <Tooltip title={r.definition}>
                    <Link to={`/figures/${r.id}${search}`}>{v}</Link>
                  </Tooltip>
                ),
              },
              { title: `${data.from} 至 ${data.to}`, align: 'right', render: (_, r) => <strong data-figure={r.id}>{formatFigure(r.value, r.unit)}</strong> },
              { title: '上年同期', align: 'right', render: (_, r) => formatFigure(r.previousValue, r.unit) },
              { title: '变化', render: (_, r) => formatChange(r.value, r.previousValue, r.unit) },
              { title: '记录', align: 'right', dataIndex: 'records', render: (n: number, r) => <Link to={`/figures/${r.id}${search}#records`}>{n} 条</Link> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

type CompareItem = Comparison['items'][number];

/**
 * 对比: the whole catalogue with one column per enforcement body (a supervisor comparing the bodies under them) or per
 * unit (a bureau comparing its units); each number opens the figure filtered to that body or unit.
 */
function CompareTab({ q, active }: { q: FigureQuery; active: boolean }) {
  const [by, setBy] = useState<'body' | 'org'>('body');
  const cmp = useComparison(q, by, active);
  if (cmp.error) return <QueryError error={cmp.error} retry={cmp.refetch} />;
  const d = cmp.data;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group value={by} onChange={(e) => setBy(e.target.value)} optionType="button">
          <Radio.Button value="body">按执法主体</Radio.Button>
          <Radio.Button value="org">按单位</Radio.Button>
        </Radio.Group>
        <Typography.Text type="secondary">
          统计范围内有记录的{by === 'body' ? '执法主体' : '单位'}并列比较；点击数字查看该{by === 'body' ? '执法主体' : '单位'}的明细。
        </Typography.Text>
      </Space>
      <Table<CompareItem>
        rowKey="id"
        size="small"
        loading={cmp.isPending}
        pagination={false}
        dataSource={d?.items ?? []}
        scroll={{ x: 360 + (d?.columns.length ?? 0) * 140 }}
        columns={[
          { title: '指标', dataIndex: 'label', fixed: 'left', width: 260, render: (v: string, r) => <Link to={`/figures/${r.id}${qs({ ...q })}`}>{v}</Link> },
          { title: '合计', align: 'right', width: 120, render: (_, r) => formatFigure(r.value, r.unit) },
          ...(d?.columns ?? []).map((c) => ({
            title: c.label,
            align: 'right' as const,
            width: 140,
            render: (_: unknown, r: CompareItem) => {
              const v = r.values[c.key];
              if (!v) return '—';
              return c.key ? (
                <Link data-compare={`${r.id}:${c.key}`} to={`/figures/${r.id}${qs({ ...q, filter: `${by}=${c.key}` })}`}>
                  {formatFigure(v.value, r.unit)}
                </Link>
              ) : (
                formatFigure(v.value, r.unit)
              );
            },
          })),
        ]}
      />
    </>
  );
}

function SetsTab({ q }: { q: FigureQuery }) {
  const { abilities } = useSession();
  const sets = useFigureSets(q.orgId);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const canCompute = abilities.computeFigureSet;
  const compute = useMutation({
    mutationFn: () => api.post<FigureSet>('/api/figures/sets', { orgId: q.orgId, from: q.from, to: q.to }),
    onSuccess: (s) => {
      message.success('已生成统计指标集并记入执法记录');
      void qc.invalidateQueries({ queryKey: figureKeys.all });
      navigate(`/figures/sets/${s.id}`);
    },
    onError: (e: Error) => message.error(e.message),
  });
  if (sets.error) return <QueryError error={sets.error} retry={sets.refetch} />;
  return (
    <>
      <Typography.Paragraph type="secondary">
        统计指标集按所选统计范围和期间计算全部指标（合计及各维度分组），连同当时签名的记录树头一并留存；报告引用的数字可据此核对，日后也可按现在的记录重新计算，看出哪些数字发生了变化。
      </Typography.Paragraph>
      {canCompute && (
        <Button type="primary" loading={compute.isPending} onClick={() => compute.mutate()} style={{ marginBottom: 16 }}>
          生成 {q.from} 至 {q.to} 的统计指标集
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={sets.isPending}
        dataSource={sets.data ?? []}
        scroll={{ x: 640 }}
        columns={[
          { title: '生成时间', dataIndex: 'computedAt', render: (v: string, r) => <Link to={`/figures/sets/${r.id}`}>{chinaTime(v)}</Link> },
          { title: '统计范围', dataIndex: 'orgName' },
          { title: '统计期间', render: (_, r) => `${r.from} 至 ${r.to}` },
          { title: '生成人', dataIndex: 'computedBy' },
          { title: '记录树头', render: (_, r) => <Tag>树大小 {r.treeSize}</Tag> },
          { title: '指标值哈希', dataIndex: 'valuesHash', render: (v: string) => <Hash value={v} /> },
        ]}
      />
    </>
  );
}

export default function FiguresPage() {
  const [q, set, search] = useFigureQuery();
  const overview = useOverview(q);
  const [tab, setTab] = useState('overview');
  return (
    <>
      <PageTitle
        title="统计指标"
        extra={
          <Button href={`/api/figures/overview.xlsx${search}`} download>
            导出 Excel
          </Button>
        }
        sub={
          overview.data
            ? `${overview.data.orgName}：${overview.data.from} 至 ${overview.data.to}，上年同期 ${overview.data.previousFrom} 至 ${overview.data.previousTo}`
            : undefined
        }
      />
      <ScopeBar q={q} set={set} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'overview',
            label: '指标一览',
            children: overview.error ? (
              <QueryError error={overview.error} retry={overview.refetch} />
            ) : overview.data ? (
              <OverviewTable data={overview.data} search={search} />
            ) : null,
          },
          { key: 'compare', label: '对比', children: <CompareTab q={q} active={tab === 'compare'} /> },
          { key: 'sets', label: '统计指标集', children: <SetsTab q={q} /> },
        ]}
      />
    </>
  );
}
