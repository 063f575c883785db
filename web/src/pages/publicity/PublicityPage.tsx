/**
 * 行政执法公示 in the staff console: the publications of the caller's bodies (state, deadline,
 * expiry), the supervision overview (late and missing publications, publication rate per body,
 * random-inspection results) and the 双公示 export for the credit platform.
 */
import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, List, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { publicationKinds, publicationStates, publishedKinds, type PublicationKind, type PublicationState } from '../../../../src/domain/publicity/rules';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { Hash, PageTitle, QueryError } from '../../components/common';
import { chinaTime, chinaToday, formatBytes } from '../../lib/format';
import { DeadlineTag } from '../cases/parts';
import {
  PAGE_SIZE,
  publicityKeys,
  useCreditExports,
  useOverview,
  usePublications,
  type CreditExport,
  type CreditExportError,
  type PublicationListItem,
} from './api';

const stateColors: Partial<Record<PublicationState, string>> = {
  scheduled: 'gold',
  published: 'green',
  corrected: 'cyan',
  withdrawalDue: 'orange',
  withdrawn: 'red',
  exemptionProposed: 'purple',
  exempted: 'default',
  expired: 'default',
  repaired: 'blue',
};
export const StateTag = ({ state, label }: { state: PublicationState; label?: string }) => (
  <Tag color={stateColors[state]}>{label ?? publicationStates[state] ?? state}</Tag>
);

const tabs = { list: '公示信息', overview: '公示监督', exports: '双公示导出' } as const;
type TabKey = keyof typeof tabs;

export default function PublicityPage() {
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | null) ?? 'list';
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const items = (Object.keys(tabs) as TabKey[]).filter((k) => k !== 'exports' || abilities.exportCredit);
  return (
    <div>
      <PageTitle
        title="行政执法公示"
        sub="行政处罚决定和双随机抽查结果自动生成公示，20 个工作日内公示；更正、撤回、信用修复和不予公示均留版本、写入全过程记录。"
        extra={
          <a href="/portal/decisions" target="_blank" rel="noreferrer">
            <ExportOutlined /> 公示门户
          </a>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(new URLSearchParams({ tab: k }), { replace: true })}
        items={items.map((key) => ({ key, label: tabs[key] }))}
      />
      {tab === 'list' && <PublicationList params={params} setParams={setParams} set={set} />}
      {tab === 'overview' && <OverviewPanel />}
      {tab === 'exports' && abilities.exportCredit && <ExportsPanel />}
    </div>
  );
}

function PublicationList({
  params,
  setParams,
  set,
}: {
  params: URLSearchParams;
  setParams: (next: URLSearchParams, o: { replace: boolean }) => void;
  set: (k: string, v: string | undefined) => void;
}) {
  const navigate = useNavigate();
  const filter = {
    state: (params.get('state') as PublicationState | null) ?? undefined,
    kind: (params.get('kind') as PublicationKind | null) ?? undefined,
    q: params.get('q') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
  };
  const q = usePublications(filter);
  return (
    <Card>
      {q.error && <QueryError error={q.error} retry={() => q.refetch()} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="公示状态"
          aria-label="公示状态"
          value={filter.state}
          onChange={(v) => set('state', v)}
          style={{ width: 220 }}
          options={Object.entries(publicationStates).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="公示类别"
          aria-label="公示类别"
          value={filter.kind}
          onChange={(v) => set('kind', v)}
          style={{ width: 180 }}
          options={publishedKinds.map((value) => ({ value, label: publicationKinds[value] }))}
        />
        <Input.Search
          key={filter.q ?? ''}
          defaultValue={filter.q}
          placeholder="当事人、统一社会信用代码或文号"
          aria-label="当事人或文号"
          allowClear
          maxLength={100}
          style={{ width: 260 }}
          onSearch={(v) => set('q', v.trim() || undefined)}
        />
        <DateRangeFilter params={params} setParams={setParams} label="决定日期" />
      </Space>
      <Table<PublicationListItem>
        rowKey="id"
        size="middle"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: '暂无公示信息' }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: q.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          showSizeChanger: false,
          onChange: (p) => set('page', p > 1 ? String(p) : undefined),
        }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/publicity/${r.id}`) })}
        columns={[
          {
            title: '文号 / 违法行为（检查结果）',
            key: 'number',
            render: (_, r) => (
              <div>
                <Space size={4}>
                  {r.kind !== 'penalty' && <Tag>{publicationKinds[r.kind]}</Tag>}
                  <Link to={`/publicity/${r.id}`}>{r.number}</Link>
                </Space>
                <div>
                  <Typography.Text type="secondary">{r.violation}</Typography.Text>
                </div>
              </div>
            ),
          },
          { title: '当事人', dataIndex: 'partyName' },
          {
            title: '状态',
            dataIndex: 'state',
            width: 190,
            render: (v: PublicationState, r) => (
              <Space size={4} wrap>
                <StateTag state={v} label={r.stateLabel} />
                {r.currentVersion > 1 && <Tag>第 {r.currentVersion} 版</Tag>}
              </Space>
            ),
          },
          { title: '罚款', dataIndex: 'fineFen', width: 120, render: (v: number) => (v ? formatYuan(v) : '—') },
          { title: '决定（检查）日期', dataIndex: 'decidedOn', width: 130 },
          { title: '公示日期', dataIndex: 'publishedOn', width: 110, render: (v: string | null) => v ?? '—' },
          { title: '公示期至', dataIndex: 'expiresOn', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '待办期限',
            dataIndex: 'nextDue',
            width: 160,
            render: (v: string | null) => <DeadlineTag due={v} overdue={!!v && v < chinaToday()} warning={false} />,
          },
        ]}
      />
    </Card>
  );
}

const rateColumns = [
  { title: '执法机关', dataIndex: 'bodyName' },
  { title: '应公示', dataIndex: 'required', width: 90 },
  { title: '已公示', dataIndex: 'published', width: 90 },
  { title: '按期公示', dataIndex: 'onTime', width: 100 },
  { title: '公示率', dataIndex: 'rate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
  { title: '及时率', dataIndex: 'onTimeRate', width: 100, render: (v: number | null) => (v === null ? '—' : `${v}%`) },
];

function OverviewPanel() {
  const q = useOverview();
  if (q.error) return <QueryError error={q.error} retry={() => q.refetch()} />;
  const o = q.data;
  if (!o) return <Card loading />;
  const problems = o.overdue.length + o.missing.length + o.inspectionResults.overdue.length;
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space size={48} wrap>
          <Statistic title="逾期未办的公示事项" value={o.overdue.length} styles={{ content: { color: o.overdue.length ? '#cf1322' : undefined } }} />
          <Statistic title="应公示而未公示的处罚决定" value={o.missing.length} styles={{ content: { color: o.missing.length ? '#cf1322' : undefined } }} />
          <Statistic
            title="逾期未公示的抽查结果"
            value={o.inspectionResults.overdue.length}
            styles={{ content: { color: o.inspectionResults.overdue.length ? '#cf1322' : undefined } }}
          />
          <Statistic title="待公示的抽查结果" value={o.inspectionResults.pending.length} />
        </Space>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">统计日期 {o.today}</Typography.Text>
        </div>
      </Card>
      {problems === 0 && <Alert type="success" showIcon style={{ marginBottom: 16 }} title="没有逾期或缺失的公示" />}
      {o.overdue.length > 0 && (
        <Card size="small" title="逾期未办的公示事项" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={o.overdue}
            renderItem={(d) => (
              <List.Item>
                <Space wrap>
                  <DeadlineTag due={d.due} overdue warning />
                  <span>{d.label}</span>
                  <Link to={`/publicity/${d.matterId}`}>{d.title}</Link>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      {o.missing.length > 0 && (
        <Card size="small" title="应公示而未公示的行政处罚决定" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="caseId"
            pagination={false}
            dataSource={o.missing}
            columns={[
              { title: '文号', dataIndex: 'number', render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link> },
              { title: '当事人', dataIndex: 'partyName' },
              { title: '决定日期', dataIndex: 'decidedOn', width: 120 },
              { title: '执法机关', dataIndex: 'bodyName' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="行政处罚决定公示率（按执法机关）" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="bodyName"
          pagination={false}
          dataSource={o.rates}
          columns={rateColumns}
          locale={{ emptyText: '暂无应公示的行政处罚决定' }}
        />
      </Card>
      <Card size="small" title="双随机抽查结果公示（检查结束之日起 20 个工作日内）">
        {[...o.inspectionResults.overdue.map((x) => ({ ...x, overdue: true })), ...o.inspectionResults.pending.map((x) => ({ ...x, overdue: false }))].map(
          (x) => (
            <div key={x.taskId} style={{ marginBottom: 8 }}>
              <Space wrap>
                <DeadlineTag due={x.due} overdue={x.overdue} warning={!x.overdue} label="公示期限" />
                <Link to={`/inspections/tasks/${x.taskId}`}>{x.taskName}</Link>
                <Typography.Text type="secondary">{x.bodyName}</Typography.Text>
              </Space>
            </div>
          ),
        )}
        <Table
          size="small"
          rowKey="bodyName"
          pagination={false}
          dataSource={o.inspectionResults.rates}
          columns={rateColumns}
          locale={{ emptyText: '暂无已结束的抽查任务' }}
        />
      </Card>
    </>
  );
}

function ExportsPanel() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useCreditExports(true);
  const [format, setFormat] = useState<CreditExport['format']>('xlsx');
  const [last, setLast] = useState<{ items: number; errors: CreditExportError[]; downloadUrl: string } | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<{ id: string; items: number; errors: CreditExportError[]; downloadUrl: string }>('/api/publicity/credit-exports', { format }),
    onSuccess: (r) => {
      setLast(r);
      qc.invalidateQueries({ queryKey: publicityKeys.exports });
      message.success(`已导出 ${r.items} 条`);
    },
  });
  return (
    <>
      <Card size="small" title="导出双公示数据（行政处罚）" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          增量导出：上次导出以后新公示、更正或撤回的行政处罚信息，按国家行政处罚信用信息数据项（CF_
          字段）逐项校验；校验不通过的记录不导出，列入错误报告，修正后下次导出。
        </Typography.Paragraph>
        <Space wrap>
          <Select
            aria-label="文件格式"
            value={format}
            onChange={setFormat}
            style={{ width: 160 }}
            options={[
              { value: 'xlsx', label: 'Excel（.xlsx）' },
              { value: 'csv', label: 'CSV（UTF-8）' },
              { value: 'json', label: 'JSON' },
            ]}
          />
          <Button type="primary" icon={<DownloadOutlined />} loading={create.isPending} onClick={() => create.mutate()}>
            导出
          </Button>
        </Space>
        {create.error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={create.error.message} />}
        {last && (
          <Alert
            style={{ marginTop: 12 }}
            type={last.errors.length ? 'warning' : 'success'}
            showIcon
            title={
              <span data-testid="export-result">
                导出 {last.items} 条，{last.errors.length ? `${last.errors.length} 项校验未通过` : '全部校验通过'}
              </span>
            }
            description={
              <>
                <a href={last.downloadUrl}>下载导出文件</a>
                {last.errors.length > 0 && <ErrorTable errors={last.errors} />}
              </>
            }
          />
        )}
      </Card>
      <Card size="small" title="导出记录">
        {list.error && <QueryError error={list.error} retry={() => list.refetch()} />}
        <Table<CreditExport>
          size="small"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          locale={{ emptyText: <Empty description="尚未导出" /> }}
          expandable={{ rowExpandable: (r) => r.errors.length > 0, expandedRowRender: (r) => <ErrorTable errors={r.errors} /> }}
          columns={[
            { title: '导出时间', dataIndex: 'createdAt', width: 180, render: (v: string) => chinaTime(v) },
            { title: '执法机关', dataIndex: 'bodyName' },
            { title: '格式', dataIndex: 'format', width: 80 },
            { title: '条数', dataIndex: 'items', width: 80 },
            {
              title: '校验未通过',
              dataIndex: 'errors',
              width: 110,
              render: (e: CreditExportError[]) => (e.length ? <Tag color="orange">{e.length} 项</Tag> : '—'),
            },
            { title: '经办人', dataIndex: 'createdBy', width: 110 },
            {
              title: '文件',
              key: 'file',
              render: (_, r) => (
                <Space>
                  <a href={r.downloadUrl}>下载（{formatBytes(r.fileSize)}）</a>
                  <Hash value={r.fileHash} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

function ErrorTable({ errors }: { errors: CreditExportError[] }) {
  return (
    <Table<CreditExportError>
      size="small"
      style={{ marginTop: 8 }}
      pagination={{ pageSize: 10 }}
      rowKey={(e) => `${e.publicationId}-${e.field}-${e.code}`}
      dataSource={errors}
      columns={[
        { title: '文号', dataIndex: 'number', render: (v: string, e) => <Link to={`/publicity/${e.publicationId}`}>{v}</Link> },
        { title: '字段', dataIndex: 'field', width: 140 },
        { title: '说明', dataIndex: 'message' },
      ]}
    />
  );
}
