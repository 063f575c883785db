/**
 * 重大行政决策: the decisions the caller sees (承办单位 and the decision body) and the yearly 决策事项目录 of the bodies
 * above them; a body's leader or administrator drafts a catalogue and starts a decision from a published catalogue's item.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { type Catalogue, type CatalogueSummary, type DecisionSummary, mdKeys, useCatalogues, useDecisions } from './api';
import { catalogueForms } from './forms';
import { StepModal } from './StepModal';

const stateColor: Record<string, string> = {
  inLegalityReview: 'orange',
  decided: 'blue',
  published: 'green',
  executing: 'cyan',
  archived: 'default',
  notAdopted: 'red',
};

function CreateCatalogueModal({ onClose }: { onClose: () => void }) {
  const nav = useNavigate();
  const qc = useQueryClient();
  // the items are the catalogue's first revision: the modal reuses the reviseCatalogue form's list of items
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [items, setItems] = useState<null | { bodyId: string; year: number; title: string; standard: string }>(null);
  if (items)
    return (
      <StepModal
        url="/api/major-decisions/catalogues"
        version={0}
        transition={{ id: '', label: '目录事项' }}
        spec={catalogueForms.reviseCatalogue}
        onClose={onClose}
        onDone={() => {}}
        submitTo={async (input) => {
          const r = await api.post<Catalogue>('/api/major-decisions/catalogues', { ...items, items: input.items });
          qc.invalidateQueries({ queryKey: mdKeys.all });
          message.success('已拟定决策事项目录');
          nav(`/major-decisions/catalogues/${r.id}`);
          return r;
        }}
      />
    );
  return (
    <Modal
      open
      title="拟定年度决策事项目录"
      okText="下一步：填写事项"
      cancelText="取消"
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then((v) => setItems({ bodyId: v.bodyId, year: v.year, title: v.title, standard: v.standard ?? '' }))
          .catch((e) => e instanceof Error && setProblem(applyServerError(form, e)))
      }
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} />}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() + 1 }}>
        <Form.Item name="bodyId" label="决策机关" rules={[{ required: true, message: '请选择决策机关（局）' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="title" label="目录名称" rules={[{ required: true, message: '请填写目录名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="standard" label="决策事项标准（第三条第三款）">
          <Input.TextArea autoSize />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function InitiateModal({ catalogue, itemId, onClose }: { catalogue: Catalogue; itemId: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const item = catalogue.items.find((i) => i.id === itemId)!;
  return (
    <Modal
      open
      title={`启动决策程序：${item.title}`}
      okText="启动"
      cancelText="取消"
      onCancel={onClose}
      width={720}
      onOk={() =>
        form
          .validateFields()
          .then(async (v) => {
            try {
              const r = await api.post<{ id: string }>('/api/major-decisions', {
                catalogueItemId: itemId,
                unitId: v.unitId,
                draft: v.draft,
                reasons: v.reasons,
                marketActivity: !!v.marketActivity,
              });
              qc.invalidateQueries({ queryKey: mdKeys.all });
              message.success('已启动决策程序');
              nav(`/major-decisions/${r.id}`);
            } catch (e) {
              setProblem(applyServerError(form, e));
            }
          })
          .catch(() => {})
      }
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} layout="vertical" initialValues={{ unitId: item.unitId, marketActivity: true }}>
        <Form.Item name="unitId" label="决策承办单位（第十一条）" rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="draft" label="决策草案（第十二条）" rules={[{ required: true, message: '请填写决策草案' }]}>
          <Input.TextArea autoSize={{ minRows: 4 }} />
        </Form.Item>
        <Form.Item name="reasons" label="拟解决的主要问题、理由和依据、必要性与可行性（第十条）" rules={[{ required: true, message: '请填写' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="marketActivity" valuePropName="checked">
          <Checkbox>决策草案涉及市场主体经济活动（须经公平竞争审查，第二十九条第（一）项）</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MajorDecisionsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'catalogues' ? 'catalogues' : 'decisions';
  const decisions = useDecisions();
  const catalogues = useCatalogues();
  const session = useSession();
  const [creating, setCreating] = useState(false);
  const canCreate = session.user.roles.some((r) => r === 'admin' || r === 'leader');
  return (
    <>
      <PageTitle
        title="重大行政决策"
        sub="《重大行政决策程序暂行条例》：决策事项目录 → 公众参与、专家论证、风险评估 → 合法性审查 → 集体讨论决定 → 公布 → 执行与决策后评估 → 归档"
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'catalogues' ? { tab: k } : {})}
        items={[
          {
            key: 'decisions',
            label: '重大行政决策',
            children: decisions.error ? (
              <QueryError error={decisions.error} retry={decisions.refetch} />
            ) : (
              <Card size="small">
                <Table<DecisionSummary>
                  size="small"
                  rowKey="id"
                  loading={decisions.isPending}
                  dataSource={decisions.data?.items ?? []}
                  locale={{ emptyText: '暂无重大行政决策；从已公布的决策事项目录中启动' }}
                  columns={[
                    { title: '决策事项', dataIndex: 'title', render: (t: string, r) => <Link to={`/major-decisions/${r.id}`}>{t}</Link> },
                    { title: '年度', dataIndex: 'year', width: 70 },
                    { title: '决策机关', dataIndex: 'bodyName', width: 180 },
                    { title: '承办单位', dataIndex: 'unitName', width: 200 },
                    { title: '环节', dataIndex: 'stateLabel', width: 220, render: (l: string, r) => <Tag color={stateColor[r.state]}>{l}</Tag> },
                    { title: '公布日期', dataIndex: 'publishedOn', width: 110, render: (x: string | null) => x ?? '—' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'catalogues',
            label: '决策事项目录',
            children: catalogues.error ? (
              <QueryError error={catalogues.error} retry={catalogues.refetch} />
            ) : (
              <Card
                size="small"
                extra={
                  canCreate && (
                    <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                      拟定年度目录
                    </Button>
                  )
                }
              >
                <Table<CatalogueSummary>
                  size="small"
                  rowKey="id"
                  loading={catalogues.isPending}
                  dataSource={catalogues.data?.items ?? []}
                  locale={{ emptyText: '暂无决策事项目录' }}
                  columns={[
                    { title: '目录', dataIndex: 'title', render: (t: string, r) => <Link to={`/major-decisions/catalogues/${r.id}`}>{t}</Link> },
                    { title: '年度', dataIndex: 'year', width: 70 },
                    { title: '决策机关', dataIndex: 'bodyName', width: 180 },
                    { title: '事项数', dataIndex: 'items', width: 80 },
                    { title: '状态', dataIndex: 'stateLabel', width: 160, render: (l: string) => <Tag>{l}</Tag> },
                    { title: '公布日期', dataIndex: 'publishedOn', width: 110, render: (x: string | null) => x ?? '—' },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {creating && <CreateCatalogueModal onClose={() => setCreating(false)} />}
    </>
  );
}

export default MajorDecisionsPage;
