/**
 * One figure (统计指标): its number over the scope and period with last year's, the trend by month (ECharts), the
 * breakdown by each dimension — a value filters the page — and the records that make the number, each linked.
 */
import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageTitle, QueryError } from '../../components/common';
import { EChart } from '../../components/EChart';
import { RECORDS_PAGE, formatChange, formatFigure, useFigure, useFigureRecords, type FigureDetail } from './api';
import { ScopeBar, useFigureQuery } from './FiguresPage';

const chartValue = (v: number | null, unit: string) => (v === null ? null : unit === 'fen' ? v / 100 : unit === 'percent' ? Math.round(v * 1000) / 10 : v);

function MonthChart({ d }: { d: FigureDetail }) {
  const unit = d.figure.unit;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, bottom: 30, top: 30 },
      xAxis: { type: 'category', data: d.months.map((m) => m.month) },
      yAxis: { type: 'value', name: unit === 'fen' ? '元' : d.figure.unitLabel },
      legend: { top: 0 },
      series: [
        { name: `${d.from.slice(0, 4)}年`, type: unit === 'percent' ? 'line' : 'bar', data: d.months.map((m) => chartValue(m.value, unit)) },
        // last year's same months, side by side (the previous period has the same number of months)
        { name: `上年同期`, type: unit === 'percent' ? 'line' : 'bar', data: d.previous.months.map((m) => chartValue(m.value, unit)) },
      ],
    }),
    [d, unit],
  );
  return <EChart option={option} label={`${d.figure.label}按月趋势`} height={260} />;
}

type Group = FigureDetail['groups'][number];

/** A breakdown as horizontal bars, largest first (the table below it holds the same numbers and the links). */
function GroupChart({ g, unit }: { g: Group; unit: string }) {
  const option = useMemo(() => {
    const items = [...g.items].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: items.map((x) => x.label) },
      series: [{ type: 'bar', data: items.map((x) => chartValue(x.value, unit)) }],
    };
  }, [g, unit]);
  return <EChart option={option} label={`按${g.label}分布`} height={Math.min(40 + g.items.length * 28, 320)} />;
}

/** `a=1,b=2` ⇄ {a: '1', b: '2'} */
const parseFilter = (s: string | null) =>
  Object.fromEntries(
    (s ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
const filterText = (f: Record<string, string>) =>
  Object.entries(f)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

export default function FigurePage() {
  const { id = '' } = useParams();
  const [q, set] = useFigureQuery();
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params.get('filter'));
  const fq = { ...q, filter: filterText(filter) || undefined };
  const detail = useFigure(id, fq);
  const [offset, setOffset] = useState(0);
  const records = useFigureRecords(id, { ...fq, offset });
  useEffect(() => setOffset(0), [q.from, q.to, q.orgId, params.get('filter')]);
  const withFilter = (f: Record<string, string>) => {
    const next = new URLSearchParams(params);
    if (Object.keys(f).length) next.set('filter', filterText(f));
    else next.delete('filter');
    return next;
  };
  const setFilter = (f: Record<string, string>) => setParams(withFilter(f), { replace: true });
  if (detail.error) return <QueryError error={detail.error} retry={detail.refetch} />;
  const d = detail.data;
  if (!d) return null;
  const f = d.figure;
  const back = new URLSearchParams(params);
  back.delete('filter');
  const dimLabel = (k: string) => f.dimensions.find((x) => x.key === k)?.label ?? k;
  const valueLabel = (k: string, v: string) =>
    d.groups.find((g) => g.key === k)?.items.find((i) => i.key === v)?.label ?? f.dimensions.find((x) => x.key === k)?.values[v] ?? v;
  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={`/figures?${back}`}>统计指标</Link> }, { title: f.label }]} />
      <PageTitle title={f.label} sub={`${d.orgName}：${d.from} 至 ${d.to}`} />
      <ScopeBar q={q} set={set} />
      {Object.keys(filter).length > 0 && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          message={
            <Space wrap>
              仅统计：
              {Object.entries(filter).map(([k, v]) => (
                <Tag key={k} closable onClose={() => setFilter(Object.fromEntries(Object.entries(filter).filter(([x]) => x !== k)))}>
                  {dimLabel(k)}：{valueLabel(k, v)}
                </Tag>
              ))}
            </Space>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={`${d.from} 至 ${d.to}`} value={formatFigure(d.value, f.unit)} />
            <Typography.Text type="secondary">
              上年同期 {formatFigure(d.previous.value, f.unit)}，{formatChange(d.value, d.previous.value, f.unit)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" title="按月趋势">
            {d.months.length ? <MonthChart d={d} /> : <Typography.Text type="secondary">时点指标，按期间最后一日统计</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Card size="small" title="指标定义" style={{ marginTop: 16 }}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="定义">{f.definition}</Descriptions.Item>
          <Descriptions.Item label="单位">{f.unitLabel}</Descriptions.Item>
          <Descriptions.Item label="归属模块">{f.moduleLabel}</Descriptions.Item>
          <Descriptions.Item label="出处">
            <Space direction="vertical" size={0}>
              {f.sources.map((s) => (
                <span key={s.ref + s.quote}>
                  <Tag>{s.ref.startsWith('seed:') ? `报告 ${s.ref.slice(5)}` : s.ref.replace(/^rule:/, '')}</Tag>“{s.quote}”
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {d.groups
          .filter((g) => !(g.key in filter))
          .map((g) => (
            <Col key={g.key} xs={24} md={12}>
              <Card size="small" title={`按${g.label}`}>
                {g.items.length > 1 && <GroupChart g={g} unit={f.unit} />}
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={g.items}
                  columns={[
                    { title: g.label, dataIndex: 'label', render: (v: string, r) => <Link to={`?${withFilter({ ...filter, [g.key]: r.key })}`}>{v}</Link> },
                    { title: '数值', align: 'right', render: (_, r) => formatFigure(r.value, f.unit) },
                    { title: '记录', align: 'right', dataIndex: 'records' },
                  ]}
                />
              </Card>
            </Col>
          ))}
      </Row>
      <Card size="small" title={`构成数值的记录（${records.data?.total ?? 0} 条）`} style={{ marginTop: 16 }} id="records">
        {records.error ? (
          <QueryError error={records.error} retry={records.refetch} />
        ) : (
          <Table
            rowKey={(r) => `${r.ref}:${r.onDate}:${r.title}`}
            size="small"
            loading={records.isPending}
            dataSource={records.data?.items ?? []}
            scroll={{ x: 640 }}
            pagination={{
              current: offset / RECORDS_PAGE + 1,
              pageSize: RECORDS_PAGE,
              total: records.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => setOffset((p - 1) * RECORDS_PAGE),
            }}
            columns={[
              { title: '记录', dataIndex: 'title', render: (v: string, r) => (r.href ? <Link to={r.href}>{v}</Link> : v) },
              { title: '单位', dataIndex: 'orgName' },
              { title: '日期', dataIndex: 'onDate', render: (v: string | null) => v ?? '—' },
              ...(f.aggregate === 'count'
                ? []
                : [
                    {
                      title: f.aggregate === 'share' ? '计入' : '数值',
                      align: 'right' as const,
                      render: (_: unknown, r: { value: number }) => (f.aggregate === 'share' ? (r.value ? '是' : '否') : formatFigure(r.value, f.unit)),
                    },
                  ]),
              ...f.dimensions
                .filter((x) => x.key !== 'org' && x.key !== 'body')
                .map((x) => ({
                  title: x.label,
                  render: (_: unknown, r: { dims: { key: string; valueLabel: string | null }[] }) => r.dims.find((y) => y.key === x.key)?.valueLabel ?? '—',
                })),
            ]}
          />
        )}
      </Card>
    </>
  );
}
