/**
 * 访问日志: who read whose personal data — the case file, the case's record, evidence and instrument files, 双公示
 * export files — when and from where. Searched by supervisors and administrators; each sees the reads by users of
 * their own subtree. The log is append-only; searching it is not itself logged.
 */
import { Card, DatePicker, Input, Result, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { accessActions, accessResourceTypes, type AccessAction } from '../../../../src/domain/accessLog';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { chinaTime } from '../../lib/format';
import { roleLabels } from '../../lib/labels';
import { PAGE_SIZE, useAccessLog, type AccessEntry, type AccessLogFilter } from './api';

const actionColors: Partial<Record<AccessAction, string>> = {
  'case.read': 'blue',
  'case.record': 'geekblue',
  'record.list': 'purple',
  'evidence.download': 'orange',
  'instrument.read': 'cyan',
  'instrument.download': 'cyan',
  'creditExport.create': 'red',
  'creditExport.download': 'red',
};

/** Where a row's resource is shown in the console, if anywhere. */
function resourceLink(e: AccessEntry): string | null {
  if (e.matterType === 'case' && e.matterId) return `/cases/${e.matterId}`;
  if (e.resourceType === 'creditExport') return '/publicity?tab=exports';
  return null;
}

export default function AccessLogPage() {
  const { abilities } = useSession();
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  const filter: AccessLogFilter = {
    user: params.get('user') ?? undefined,
    action: params.get('action') ?? undefined,
    resourceId: params.get('resourceId') ?? undefined,
    subject: params.get('subject') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: Number(params.get('page') ?? 1) || 1,
  };
  const allowed = abilities.accessLog;
  const q = useAccessLog(filter, allowed);

  if (!allowed) return <Result status="403" title="无权查看" subTitle="只有执法监督人员和系统管理员可以查看访问日志。" />;

  return (
    <div>
      <PageTitle
        title="访问日志"
        sub="查看或下载含当事人个人信息的数据（案件卷宗、案件全过程记录、证据文件、文书、双公示导出文件）时自动记录：谁、何时、从何处、查看了谁的什么。只增不改；限本机构及下级人员的访问。"
      />
      {q.error && <QueryError error={q.error} retry={() => q.refetch()} />}
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={`u${filter.user ?? ''}`}
            defaultValue={filter.user}
            placeholder="用户名或姓名"
            aria-label="用户"
            allowClear
            maxLength={64}
            style={{ width: 180 }}
            onSearch={(v) => set({ user: v.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder="访问类型"
            aria-label="访问类型"
            value={filter.action}
            onChange={(v) => set({ action: v })}
            style={{ width: 220 }}
            options={Object.entries(accessActions).map(([value, label]) => ({ value, label }))}
          />
          <Input.Search
            key={`s${filter.subject ?? ''}`}
            defaultValue={filter.subject}
            placeholder="当事人名称或证件号码"
            aria-label="当事人"
            allowClear
            maxLength={100}
            style={{ width: 220 }}
            onSearch={(v) => set({ subject: v.trim() || undefined })}
          />
          <Input.Search
            key={`r${filter.resourceId ?? ''}`}
            defaultValue={filter.resourceId}
            placeholder="案件、文书或文件编号"
            aria-label="资源编号"
            allowClear
            maxLength={64}
            style={{ width: 240 }}
            onSearch={(v) => set({ resourceId: v.trim() || undefined })}
          />
          <DatePicker.RangePicker
            aria-label="日期"
            value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        </Space>
        <Table<AccessEntry>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的访问记录' }}
          scroll={{ x: 1200 }}
          pagination={{
            current: filter.page,
            pageSize: PAGE_SIZE,
            total: q.data?.total ?? 0,
            showTotal: (n) => `共 ${n} 条`,
            showSizeChanger: false,
            onChange: (p) => set({ page: p > 1 ? String(p) : undefined }),
          }}
          columns={[
            { title: '时间（北京时间）', dataIndex: 'at', width: 170, render: (v: string) => chinaTime(v) },
            {
              title: '用户',
              key: 'user',
              width: 200,
              render: (_, e) => (
                <div>
                  <Tooltip title={e.username}>{e.displayName}</Tooltip>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {e.orgName} · {e.roles.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r).join('、')}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              title: '访问',
              dataIndex: 'action',
              width: 190,
              render: (v: AccessAction, e) => <Tag color={actionColors[v]}>{e.actionLabel}</Tag>,
            },
            {
              title: '当事人',
              key: 'subject',
              width: 220,
              render: (_, e) =>
                e.subjectName || e.subjectCode ? (
                  <div>
                    {e.subjectName ?? '—'}
                    {e.subjectCode && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.subjectCode}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                ) : (
                  '—'
                ),
            },
            {
              title: '资源',
              key: 'resource',
              render: (_, e) => {
                const link = resourceLink(e);
                const label = (
                  <span>
                    {accessResourceTypes[e.resourceType] ?? e.resourceType} <Typography.Text code>{e.resourceId.slice(0, 13)}</Typography.Text>
                  </span>
                );
                return (
                  <div>
                    {link ? <Link to={link}>{label}</Link> : label}
                    {e.note && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.note}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                );
              },
            },
            {
              title: '来源',
              key: 'from',
              width: 190,
              render: (_, e) => (
                <div>
                  <Tooltip title={e.userAgent ?? ''}>{e.ip || '—'}</Tooltip>
                  <div>
                    <Typography.Text type="secondary" copyable={{ text: e.requestId, tooltips: ['复制请求编号', '已复制'] }} style={{ fontSize: 12 }}>
                      请求 {e.requestId.slice(0, 8)}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
