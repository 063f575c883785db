/** 双随机、一公开: plans and tasks, the target pool (search, import), the inspector pool, the item list, statistics. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { ImportTargetsModal } from './ImportTargetsModal';
import { StatsPanel } from './StatsPanel';
import { inspectionKeys, type riskClassLabels, useInspectors, useItems, usePlans, useTargets, type Plan, type Task } from './api';

const stateColor: Record<string, string> = { draft: 'default', committed: 'gold', drawn: 'blue', completed: 'purple', published: 'green' };

function TaskFormModal({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const [form] = Form.useForm();
  const items = useItems();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post<Task>('/api/inspections/tasks', v),
    onSuccess: (t) => {
      qc.invalidateQueries({ queryKey: inspectionKeys.plans });
      message.success('已制定抽查任务');
      onClose();
      navigate(`/inspections/tasks/${t.id}`);
    },
  });
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate({
      planId: plan.id,
      name: v.name,
      itemIds: v.itemIds,
      jointOrgIds: [],
      perTarget: v.perTarget,
      differentUnits: v.differentUnits,
      excludeRecentDays: v.excludeRecentDays ?? 0,
      filter: { industries: v.industries ?? [], divisionCodes: [], riskClasses: v.riskClasses ?? [] },
      ratios: { A: v.A, B: v.B, C: v.C, D: v.D },
      targetCounts: Object.fromEntries((['A', 'B', 'C', 'D'] as const).filter((c) => typeof v[`count${c}`] === 'number').map((c) => [c, v[`count${c}`]])),
      periodStart: v.period[0].format('YYYY-MM-DD'),
      periodEnd: v.period[1].format('YYYY-MM-DD'),
    });
  };
  return (
    <Modal
      title={`新建抽查任务 — ${plan.title}`}
      open
      onOk={submit}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      confirmLoading={create.isPending}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ perTarget: 2, differentUnits: true, A: 3, B: 5, C: 10, D: 20, period: [dayjs(`${plan.year}-01-01`), dayjs(`${plan.year}-12-31`)] }}
      >
        <Form.Item name="name" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="itemIds" label="抽查事项" rules={[{ required: true, message: '至少选择一个抽查事项' }]}>
          <Select mode="multiple" options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}（${i.fieldLabel}）` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="industries" label="行业（不选为全部）">
            <Select mode="tags" style={{ minWidth: 220 }} />
          </Form.Item>
          <Form.Item name="riskClasses" label="信用风险分类（不选为全部）">
            <Select mode="multiple" style={{ minWidth: 200 }} options={['A', 'B', 'C', 'D'].map((c) => ({ value: c, label: `${c} 类` }))} />
          </Form.Item>
        </Space>
        <Typography.Text strong>各信用风险分类的抽查比例（%）</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {(['A', 'B', 'C', 'D'] as const).map((c) => (
            <Form.Item
              key={c}
              name={c}
              label={`${c} 类`}
              rules={[
                { required: true, message: '必填' },
                { type: 'number', min: 0, max: 100, message: '0 到 100' },
              ]}
            >
              <InputNumber min={0} max={100} step={1} addonAfter="%" />
            </Form.Item>
          ))}
        </Space>
        <Typography.Text strong>或按户数抽取（填写后该类不按比例）</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {(['A', 'B', 'C', 'D'] as const).map((c) => (
            <Form.Item key={c} name={`count${c}`} label={`${c} 类户数`}>
              <InputNumber min={0} max={1_000_000} step={1} precision={0} addonAfter="户" />
            </Form.Item>
          ))}
        </Space>
        <Space wrap>
          <Form.Item name="perTarget" label="每户检查人员" rules={[{ required: true }]}>
            <InputNumber min={2} max={5} />
          </Form.Item>
          <Form.Item name="excludeRecentDays" label="近期已检查的不抽（天）">
            <InputNumber min={0} max={3650} />
          </Form.Item>
          <Form.Item name="differentUnits" valuePropName="checked" label=" ">
            <Checkbox>检查人员来自不同科所</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="period" label="检查期间" rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PlansTab({ manage, bodyId }: { manage: boolean; bodyId: string }) {
  const plans = usePlans();
  const [taskFor, setTaskFor] = useState<Plan | null>(null);
  const qc = useQueryClient();
  const addPlan = useMutation({
    mutationFn: () =>
      api.post('/api/inspections/plans', { bodyId, year: new Date().getFullYear(), title: `${new Date().getFullYear()}年度双随机抽查工作计划` }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inspectionKeys.plans }),
  });
  if (plans.error) return <QueryError error={plans.error} retry={plans.refetch} />;
  return (
    <>
      {manage && !plans.data?.length && (
        <Button icon={<PlusOutlined />} onClick={() => addPlan.mutate()} loading={addPlan.isPending}>
          制定本年度抽查计划
        </Button>
      )}
      {(plans.data ?? []).map((p) => (
        <Card
          key={p.id}
          title={`${p.year} 年 · ${p.title}`}
          extra={
            p.abilities.manage && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setTaskFor(p)}>
                新建任务
              </Button>
            )
          }
          style={{ marginBottom: 16 }}
        >
          <Typography.Paragraph type="secondary">{p.note}</Typography.Paragraph>
          <List
            dataSource={p.tasks}
            locale={{ emptyText: '尚无任务' }}
            renderItem={(t) => (
              <List.Item extra={<Tag color={stateColor[t.state]}>{t.stateLabel}</Tag>}>
                <List.Item.Meta title={<Link to={`/inspections/tasks/${t.id}`}>{t.name}</Link>} description={`${t.periodStart} 至 ${t.periodEnd}`} />
              </List.Item>
            )}
          />
        </Card>
      ))}
      {taskFor && <TaskFormModal plan={taskFor} onClose={() => setTaskFor(null)} />}
    </>
  );
}

function TargetsTab({ manage, bodyId }: { manage: boolean; bodyId: string }) {
  const [f, setF] = useState<{ q?: string; riskClass?: string; industry?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const [importing, setImporting] = useState(false);
  const { data, error, refetch, isFetching } = useTargets(f);
  if (error) return <QueryError error={error} retry={refetch} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="名称、统一社会信用代码或地址"
          onSearch={(q) => setF({ ...f, q: q || undefined, page: 1 })}
          style={{ width: 320 }}
          aria-label="检索检查对象"
        />
        <Select
          allowClear
          placeholder="信用风险分类"
          style={{ width: 180 }}
          onChange={(riskClass) => setF({ ...f, riskClass, page: 1 })}
          options={(data?.facets.riskClasses ?? []).map((r) => ({ value: r.riskClass, label: `${r.riskClass} 类（${r.count}）` }))}
        />
        <Select
          allowClear
          placeholder="行业"
          style={{ width: 180 }}
          onChange={(industry) => setF({ ...f, industry, page: 1 })}
          options={(data?.facets.industries ?? []).map((r) => ({ value: r.industry, label: `${r.industry}（${r.count}）` }))}
        />
        {manage && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入名录
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{
          current: f.page,
          pageSize: f.pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t.toLocaleString()} 户`,
          onChange: (page, pageSize) => setF({ ...f, page, pageSize }),
        }}
        columns={[
          {
            title: '统一社会信用代码',
            dataIndex: 'uscc',
            render: (v: string, r) => (
              <Space>
                <span className="fz-mono">{v}</span>
                {r.usccFlagged && <Tag color="orange">待核实</Tag>}
              </Space>
            ),
          },
          { title: '名称', dataIndex: 'name' },
          { title: '行业', dataIndex: 'industry' },
          { title: '住所', dataIndex: 'address', responsive: ['lg'] },
          {
            title: '风险分类',
            dataIndex: 'riskClass',
            render: (c: keyof typeof riskClassLabels) => <Tag color={{ A: 'green', B: 'blue', C: 'orange', D: 'red' }[c]}>{c} 类</Tag>,
          },
          { title: '状态', dataIndex: 'status', render: (s: string) => ({ active: '存续', suspended: '歇业', closed: '注销' })[s] ?? s },
        ]}
      />
      <ImportTargetsModal bodyId={bodyId} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

function InspectorsTab() {
  const [field, setField] = useState<string | undefined>('food');
  const { data, error, refetch, isFetching } = useInspectors({ field });
  if (error) return <QueryError error={error} retry={refetch} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>按执法领域判断能否被抽取：</Typography.Text>
        <Select
          allowClear
          value={field}
          onChange={setField}
          style={{ width: 200 }}
          options={[
            { value: 'food', label: '食品安全' },
            { value: 'specialEquipment', label: '特种设备安全' },
            { value: 'pricing', label: '价格监管' },
            { value: 'productQuality', label: '产品质量' },
          ]}
        />
      </Space>
      <Table
        rowKey="officerId"
        size="small"
        loading={isFetching}
        dataSource={data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (v: string, r) => <Link to={`/officers/${r.officerId}`}>{v}</Link> },
          { title: '科所', dataIndex: 'orgName' },
          {
            title: '执法证',
            dataIndex: 'certificates',
            render: (cs: { number: string; status: string; validTo: string }[]) =>
              cs.map((c) => (
                <div key={c.number}>
                  <span className="fz-mono">{c.number}</span> {c.status}（至 {c.validTo}）
                </div>
              )),
          },
          { title: '可选派', dataIndex: 'available', render: (a: boolean, r) => (a ? '是' : `否：${r.unavailableReason ?? ''}`) },
          {
            title: '能否抽取',
            key: 'eligible',
            render: (_: unknown, r) =>
              r.eligible === null ? (
                '—'
              ) : r.eligible ? (
                <Tag color="green">可抽取</Tag>
              ) : (
                <Tag color="red" title={r.reason ?? ''}>
                  {r.reason}
                </Tag>
              ),
          },
          {
            title: '回避关系',
            dataIndex: 'relations',
            render: (rs: { id: string; kindLabel: string; uscc: string | null; note: string }[]) =>
              rs.map((x) => (
                <div key={x.id}>
                  {x.kindLabel}：{x.note}
                </div>
              )),
          },
        ]}
      />
    </>
  );
}

function ItemsTab() {
  const { data, error, refetch } = useItems();
  if (error) return <QueryError error={error} retry={refetch} />;
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={data ?? []}
      pagination={false}
      columns={[
        { title: '编码', dataIndex: 'code' },
        { title: '事项', dataIndex: 'name' },
        { title: '检查对象', dataIndex: 'subjectType' },
        { title: '检查内容', dataIndex: 'content' },
        { title: '方式', dataIndex: 'methodLabel' },
        { title: '领域', dataIndex: 'fieldLabel' },
        { title: '比例', dataIndex: 'ratioNote' },
        { title: '频次', dataIndex: 'frequency' },
        { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
      ]}
    />
  );
}

export default function InspectionsPage() {
  const { abilities, user } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'plans';
  const manage = abilities.manageInspections;
  return (
    <>
      <PageTitle
        title="双随机、一公开"
        sub="随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开"
        extra={
          <Link to="/inspections/mine">
            <Button>我的检查任务</Button>
          </Link>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'plans', label: '抽查计划与任务', children: <PlansTab manage={manage} bodyId={user.orgId} /> },
          { key: 'targets', label: '检查对象名录库', children: <TargetsTab manage={manage} bodyId={user.orgId} /> },
          { key: 'inspectors', label: '执法检查人员名录库', children: <InspectorsTab /> },
          { key: 'items', label: '抽查事项清单', children: <ItemsTab /> },
          { key: 'stats', label: '统计', children: <StatsPanel /> },
        ]}
      />
    </>
  );
}
