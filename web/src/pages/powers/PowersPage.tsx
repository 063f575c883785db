import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, DatePicker, Input, Menu, Row, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { powerCategoryIds, powerCategoryLabels, type PowerCategory } from '../../../../src/domain/powers';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { chinaToday } from '../../lib/format';
import { exportUrl, usePowerBodies, usePowers, usePowerSummary, type PowerFilter, type PowerItem } from './api';
import { ImportPowersModal } from './ImportPowersModal';
import { BasisLinks, CategoryTag } from './parts';
import { PowerFormModal, type PowerFormTarget } from './PowerFormModal';

type TreeRow = PowerItem & { children?: TreeRow[] };

/** Sub-items under their parent (the table shows them as expandable rows). */
function asTree(items: PowerItem[]): TreeRow[] {
  const ids = new Set(items.map((i) => i.id));
  const subs = new Map<string, TreeRow[]>();
  for (const i of items) if (i.parentId && ids.has(i.parentId)) subs.set(i.parentId, [...(subs.get(i.parentId) ?? []), { ...i }]);
  return items.filter((i) => !i.parentId || !ids.has(i.parentId)).map((i) => (subs.has(i.id) ? { ...i, children: subs.get(i.id) } : { ...i }));
}

/** 权责清单: browse by category, filter, look at the list as of any date, import and export. */
export default function PowersPage() {
  const { abilities } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter: PowerFilter = {
    bodyId: params.get('bodyId') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    category: params.get('category') ?? undefined,
    q: params.get('q') ?? undefined,
    asOf: params.get('asOf') ?? undefined,
  };
  const set = (patch: Partial<PowerFilter>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const bodies = usePowerBodies();
  const list = usePowers(filter);
  const summary = usePowerSummary({ bodyId: filter.bodyId, asOf: filter.asOf });
  const [form, setForm] = useState<PowerFormTarget>(null);
  const [importing, setImporting] = useState(false);
  const today = chinaToday();
  const units = bodies.data?.find((b) => b.id === filter.bodyId)?.units ?? [];
  const canAdd = abilities.managePowers && (bodies.data ?? []).some((b) => b.abilities.add);
  const rows = useMemo(() => asTree(list.data?.items ?? []), [list.data]);

  const menuItems = [
    {
      key: 'all',
      label: (
        <Space>
          <span>全部</span>
          <Badge count={summary.data?.total ?? 0} showZero color="#8c8c8c" overflowCount={9999} />
        </Space>
      ),
    },
    ...powerCategoryIds.map((c) => {
      const s = summary.data?.categories.find((x) => x.category === c);
      return {
        key: c,
        label: (
          <Space>
            <span>{powerCategoryLabels[c]}</span>
            <Badge count={(s?.items ?? 0) + (s?.subItems ?? 0)} showZero color={s?.items ? '#1f4fa3' : '#d9d9d9'} overflowCount={9999} />
          </Space>
        ),
      };
    }),
  ];

  return (
    <div>
      <PageTitle
        title="权责清单"
        sub="每项职权均须有法律、法规、规章依据（职权法定）；清单的新增、变更和取消均经局领导批准并记入执法全过程记录。"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportUrl({ bodyId: filter.bodyId, asOf: filter.asOf })} data-testid="export-powers">
              导出 Excel
            </Button>
            {canAdd && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                导入 Excel
              </Button>
            )}
            {canAdd && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ mode: 'add', bodyId: filter.bodyId })}>
                新增事项
              </Button>
            )}
          </Space>
        }
      />
      {filter.asOf && filter.asOf !== today && (
        <Alert
          type={filter.asOf < today ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`正在查看 ${filter.asOf} 有效的权责清单${filter.asOf > today ? '（含已批准、尚未生效的调整）' : ''}`}
          action={
            <Button size="small" onClick={() => set({ asOf: undefined })}>
              回到今天
            </Button>
          }
        />
      )}
      {list.error && <QueryError error={list.error} retry={() => list.refetch()} />}
      <Row gutter={16}>
        <Col xs={24} md={6} xl={4}>
          <Card title="职权类别" size="small" styles={{ body: { padding: 0 } }}>
            <Menu
              mode="inline"
              selectedKeys={[filter.category ?? 'all']}
              items={menuItems}
              style={{ borderInlineEnd: 0 }}
              onClick={(e) => set({ category: e.key === 'all' ? undefined : e.key })}
            />
            {summary.data && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, padding: '8px 16px', margin: 0 }}>
                主项 {summary.data.items} 项，子项 {summary.data.subItems} 项
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} md={18} xl={20}>
          <Card>
            <Space wrap style={{ marginBottom: 16 }}>
              <Select
                allowClear
                placeholder="全部执法主体"
                style={{ width: 220 }}
                value={filter.bodyId}
                loading={bodies.isPending}
                options={(bodies.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
                onChange={(v) => set({ bodyId: v, unitId: undefined })}
              />
              <Select
                allowClear
                placeholder="全部承办机构"
                style={{ width: 200 }}
                value={filter.unitId}
                disabled={!filter.bodyId}
                options={units.map((u) => ({ value: u.id, label: u.name }))}
                onChange={(v) => set({ unitId: v })}
              />
              <Input.Search
                key={filter.q ?? ''}
                defaultValue={filter.q}
                placeholder="事项名称或编码"
                allowClear
                maxLength={50}
                style={{ width: 220 }}
                onSearch={(v) => set({ q: v.trim() || undefined })}
              />
              <DatePicker
                placeholder="查看某日的清单"
                value={filter.asOf ? dayjs(filter.asOf) : null}
                allowClear
                data-testid="as-of"
                onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
              />
              {Object.values(filter).some(Boolean) && (
                <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
                  清除筛选
                </Button>
              )}
            </Space>
            <Table<TreeRow>
              rowKey="id"
              size="middle"
              loading={list.isFetching}
              dataSource={rows}
              scroll={{ x: 900 }}
              expandable={{ defaultExpandAllRows: false }}
              pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项（不含子项）`, hideOnSinglePage: true }}
              onRow={(r) => ({ onDoubleClick: () => navigate(`/powers/${r.id}${filter.asOf ? `?asOf=${filter.asOf}` : ''}`) })}
              columns={[
                {
                  title: '事项编码',
                  dataIndex: 'code',
                  width: 160,
                  render: (v: string, r) => (
                    <div>
                      <Typography.Text className="fz-mono">{v}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          自 {r.validFrom} 起
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
                {
                  title: '事项名称',
                  dataIndex: 'name',
                  width: 300,
                  render: (v: string, r) => <Link to={`/powers/${r.id}${filter.asOf ? `?asOf=${filter.asOf}` : ''}`}>{r.parentId ? `子项：${v}` : v}</Link>,
                },
                { title: '职权类别', dataIndex: 'category', width: 96, render: (c: PowerCategory) => <CategoryTag category={c} /> },
                { title: '承办机构', dataIndex: 'unitName', width: 120 },
                { title: '设定依据', dataIndex: 'basis', render: (b: PowerItem['basis']) => <BasisLinks basis={b} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <PowerFormModal target={form} onClose={() => setForm(null)} onSaved={(id) => navigate(`/powers/${id}`)} />
      <ImportPowersModal open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
