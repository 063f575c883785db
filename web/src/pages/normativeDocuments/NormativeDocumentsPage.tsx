/**
 * 规范性文件: the documents the caller sees (起草 to 清理), the annual drafting plans, the cleanup view (what
 * calls for a decision: a cited law changed, validity ending or over, the filing review's objection) and the
 * bureau's own library of published documents by status (现行有效 / 已修改 / 已废止 / 已失效).
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { normativeStates } from '../../../../src/domain/normativeDocuments/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { type DocumentListItem, normativeKeys, useCleanupView, useDocuments, usePlans } from './api';
import { LibraryTag } from './DocumentPage';

const columns = [
  { title: '标题', dataIndex: 'title', render: (t: string, r: DocumentListItem) => <Link to={`/normative-documents/${r.id}`}>{t}</Link> },
  { title: '文号', dataIndex: 'number', width: 170, render: (n: string | null) => n ?? '—' },
  {
    title: '状态',
    key: 'state',
    width: 200,
    render: (_: unknown, r: DocumentListItem) => (
      <Space size={4} wrap>
        <Tag>{r.stateLabel}</Tag>
        <LibraryTag status={r.libraryStatus} label={r.libraryStatusLabel} />
        {r.openFlags > 0 && <Tag color="orange">上位法变化 {r.openFlags}</Tag>}
      </Space>
    ),
  },
  { title: '起草单位', dataIndex: 'unitName', width: 180 },
  { title: '版本', dataIndex: 'versionNo', width: 60 },
  { title: '公布日期', dataIndex: 'publishedOn', width: 110, render: (x: string | null) => x ?? '—' },
  { title: '有效期至', dataIndex: 'expiresOn', width: 110, render: (x: string | null) => x ?? '—' },
  { title: '下一期限', dataIndex: 'nextDue', width: 110, render: (x: string | null) => x ?? '—' },
];

function DraftModal({ onClose, planItem }: { onClose: () => void; planItem?: { id: string; title: string; unitId: string } }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.post<{ id: string }>('/api/normative-documents', {
        unitId: v.unitId,
        ...(planItem ? { planItemId: planItem.id } : {}),
        title: v.title,
        affectsRights: !!v.affectsRights,
        concernsMarket: !!v.concernsMarket,
        articles: String(v.articles)
          .split(/\n+/)
          .map((t) => t.trim())
          .filter(Boolean)
          .map((text) => ({ text: text.replace(/^第[一二三四五六七八九十百零]+条\s*/, '') })),
        necessity: v.necessity,
        impact: v.impact,
        citations: String(v.citations ?? '')
          .split(/[\s,，、]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: normativeKeys.all });
      message.success('草案已登记');
      onClose();
      nav(`/normative-documents/${r.id}`);
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Modal
      open
      title="起草规范性文件"
      okText="登记草案"
      cancelText="取消"
      width={760}
      onCancel={onClose}
      confirmLoading={send.isPending}
      onOk={() =>
        form
          .validateFields()
          .then((v) => send.mutate(v))
          .catch(() => {})
      }
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} layout="vertical" initialValues={{ title: planItem?.title, unitId: planItem?.unitId }}>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="unitId" label="起草单位" rules={[{ required: true, message: '请选择起草单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Space>
          <Form.Item name="affectsRights" valuePropName="checked">
            <Checkbox>涉及公民、法人和其他组织权利义务</Checkbox>
          </Form.Item>
          <Form.Item name="concernsMarket" valuePropName="checked">
            <Checkbox>涉及经营者经济活动</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="articles" label="条文（每行一条，按顺序编为第一条、第二条……）" rules={[{ required: true, whitespace: true, message: '请填写条文' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} />
        </Form.Item>
        <Form.Item name="necessity" label="起草说明：制定必要性和依据" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="impact" label="起草说明：主要内容及影响" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="citations" label="所依据的上位法条文（法律法规数据库条文编号，如 价格法@1997-12-29#第十二条）">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DocumentsTab() {
  const [state, setState] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [drafting, setDrafting] = useState(false);
  const { data, error, refetch, isFetching } = useDocuments({ state, q: q || undefined });
  if (error) return <QueryError error={error} retry={refetch} />;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          style={{ width: 200 }}
          value={state}
          onChange={setState}
          options={Object.entries(normativeStates).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search placeholder="标题或文号" allowClear onSearch={setQ} style={{ width: 240 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrafting(true)}>
          起草规范性文件
        </Button>
      </Space>
      <Table size="small" rowKey="id" loading={isFetching && !data} dataSource={data?.items ?? []} columns={columns} pagination={{ pageSize: 20 }} />
      {drafting && <DraftModal onClose={() => setDrafting(false)} />}
    </>
  );
}

function PlansTab() {
  const { data, error, refetch } = usePlans();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [itemFor, setItemFor] = useState<string | null>(null);
  const [itemForm] = Form.useForm();
  const [draftFor, setDraftFor] = useState<{ id: string; title: string; unitId: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const createPlan = useMutation({
    mutationFn: (v: { year: number; note?: string }) => api.post('/api/normative-documents/plans', { year: v.year, note: v.note ?? '' }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: normativeKeys.plans });
      message.success('制定计划已编制');
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  const addItem = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/normative-documents/plans/${itemFor}/items`, v),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: normativeKeys.plans });
      setItemFor(null);
    },
    onError: (e) => setProblem(applyServerError(itemForm, e)),
  });
  if (error) return <QueryError error={error} retry={refetch} />;
  return (
    <>
      {problem && <Alert type="error" showIcon closable onClose={() => setProblem(null)} style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} layout="inline" style={{ marginBottom: 12 }} onFinish={(v) => createPlan.mutate(v)} initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit" loading={createPlan.isPending}>
          编制年度计划
        </Button>
      </Form>
      {(data?.items ?? []).map((plan) => (
        <Card
          key={plan.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={`${plan.bodyName} ${plan.year} 年度规范性文件制定计划`}
          extra={plan.manage && <Button onClick={() => setItemFor(plan.id)}>增加项目</Button>}
        >
          {plan.note && <Typography.Paragraph type="secondary">{plan.note}</Typography.Paragraph>}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={plan.items}
            locale={{ emptyText: '尚无项目' }}
            columns={[
              { title: '文件名称', dataIndex: 'title' },
              { title: '起草单位', dataIndex: 'unitName', width: 200 },
              { title: '计划季度', dataIndex: 'plannedQuarter', width: 90, render: (x: number | null) => (x ? `第${x}季度` : '—') },
              { title: '必要性', dataIndex: 'reason' },
              {
                title: '进展',
                key: 'doc',
                width: 180,
                render: (_, i) =>
                  i.documentId ? (
                    <Link to={`/normative-documents/${i.documentId}`}>{i.documentStateLabel}</Link>
                  ) : (
                    <Button size="small" onClick={() => setDraftFor({ id: i.id, title: i.title, unitId: i.unitId })}>
                      开始起草
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={!!itemFor}
        title="增加制定计划项目"
        onCancel={() => setItemFor(null)}
        okText="增加"
        cancelText="取消"
        confirmLoading={addItem.isPending}
        onOk={() =>
          itemForm
            .validateFields()
            .then((v) => addItem.mutate(v))
            .catch(() => {})
        }
        destroyOnHidden
      >
        <Form form={itemForm} layout="vertical">
          <Form.Item name="title" label="文件名称" rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="unitId" label="起草单位" rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="plannedQuarter" label="计划季度">
            <Select aria-label="计划季度" allowClear options={[1, 2, 3, 4].map((x) => ({ value: x, label: `第${x}季度` }))} />
          </Form.Item>
          <Form.Item name="reason" label="制定必要性和依据" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      {draftFor && <DraftModal planItem={draftFor} onClose={() => setDraftFor(null)} />}
    </>
  );
}

function CleanupTab() {
  const { data, error, refetch } = useCleanupView();
  if (error) return <QueryError error={error} retry={refetch} />;
  return (
    <>
      <Card size="small" title="待清理" style={{ marginBottom: 16 }}>
        <Table<DocumentListItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data?.due ?? []}
          locale={{ emptyText: '目前没有需要作出清理决定的文件' }}
          columns={[
            columns[0],
            columns[1],
            columns[2],
            {
              title: '原因',
              key: 'reasons',
              render: (_: unknown, r: DocumentListItem) =>
                (r as DocumentListItem & { reasons: { kind: string; label: string }[] }).reasons.map((x) => <div key={x.kind}>{x.label}</div>),
            },
          ]}
        />
      </Card>
      <Card size="small" title="清理决定">
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20 }}
          dataSource={data?.decisions ?? []}
          columns={[
            { title: '决定日期', dataIndex: 'decidedOn', width: 110 },
            {
              title: '文件',
              dataIndex: 'title',
              render: (t: string, r: { documentId: string }) => <Link to={`/normative-documents/${r.documentId}`}>{t}</Link>,
            },
            { title: '文号', dataIndex: 'number', width: 170, render: (n: string | null) => n ?? '—' },
            { title: '类型', dataIndex: 'kindLabel', width: 110 },
            { title: '结果', dataIndex: 'outcomeLabel', width: 90 },
            { title: '理由', dataIndex: 'reason' },
          ]}
        />
      </Card>
    </>
  );
}

function LibraryTab() {
  const [status, setStatus] = useState<string | undefined>();
  const { data, error, refetch } = useDocuments({});
  if (error) return <QueryError error={error} retry={refetch} />;
  const items = (data?.items ?? []).filter((i) => i.libraryStatus && (!status || i.libraryStatus === status));
  return (
    <>
      <Typography.Paragraph type="secondary">
        本局公布的规范性文件及其效力状态（与门户网站“规范性文件”栏目一致）。上位法见“法律法规”；文件所引用的上位法条文修改或废止时，文件出现在“清理”中。
      </Typography.Paragraph>
      <Select
        allowClear
        placeholder="效力状态"
        aria-label="效力状态"
        style={{ width: 160, marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={[
          { value: 'effective', label: '现行有效' },
          { value: 'amended', label: '已修改' },
          { value: 'repealed', label: '已废止' },
          { value: 'invalid', label: '已失效' },
        ]}
      />
      <Table size="small" rowKey="id" dataSource={items} columns={columns} pagination={{ pageSize: 20 }} />
    </>
  );
}

export default function NormativeDocumentsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'documents';
  return (
    <>
      <PageTitle title="规范性文件" sub="制定计划、起草、征求意见、公平竞争审查、合法性审核、集体审议、统一登记编号、公布、备案、清理" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'documents' ? {} : { tab: k })}
        items={[
          { key: 'documents', label: '文件', children: <DocumentsTab /> },
          { key: 'plans', label: '制定计划', children: <PlansTab /> },
          { key: 'cleanup', label: '清理', children: <CleanupTab /> },
          { key: 'library', label: '本局文件库', children: <LibraryTab /> },
        ]}
      />
    </>
  );
}
