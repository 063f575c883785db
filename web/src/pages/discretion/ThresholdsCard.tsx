/** 较大数额: the thresholds of the caller's org and the orgs above it, the defaults, and (for managers) a new dated rule. */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { parseYuan } from '../../../../src/domain/discretion/money';
import { thresholdKinds } from '../../../../src/domain/discretion/vocabulary';
import { api } from '../../api/client';
import { useOrgs } from '../../api/queries';
import { useSession } from '../../auth/session';
import { discretionKeys, useThresholds } from './api';
import { ArticleLink, yuan } from './parts';

interface Row {
  id: string;
  orgName: string;
  kind: string;
  validFrom: string;
  validTo: string | null;
  naturalPersonFen: number;
  organisationFen: number;
  articleId: string;
  documentNumber: string | null;
  note: string;
}

export function ThresholdsCard() {
  const q = useThresholds();
  const { abilities, user } = useSession();
  const [adding, setAdding] = useState(false);
  const rows: Row[] = [...(q.data?.items ?? []), ...(q.data?.defaults ?? []).map((d) => ({ ...d, orgName: '默认标准', documentNumber: null }))];
  return (
    <Card
      title="较大数额标准（听证、重大执法决定法制审核）"
      size="small"
      style={{ marginTop: 16 }}
      extra={
        abilities.manageDiscretion && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            规定本机关标准
          </Button>
        )
      }
    >
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        loading={q.isPending}
        dataSource={rows}
        data-testid="thresholds"
        columns={[
          { title: '机关', dataIndex: 'orgName', render: (n: string) => (n === '默认标准' ? <Tag>默认标准</Tag> : n) },
          { title: '用于', dataIndex: 'kind', render: (k: keyof typeof thresholdKinds) => thresholdKinds[k] },
          { title: '有效期', render: (_: unknown, r) => `${r.validFrom} 起${r.validTo ? `至 ${r.validTo}` : ''}` },
          { title: '公民', dataIndex: 'naturalPersonFen', render: yuan },
          { title: '法人或者其他组织', dataIndex: 'organisationFen', render: yuan },
          { title: '依据', dataIndex: 'articleId', render: (id: string) => <ArticleLink id={id} /> },
          { title: '文件', render: (_: unknown, r) => r.documentNumber ?? r.note },
        ]}
      />
      <AddThreshold open={adding} orgId={user.orgId} onClose={() => setAdding(false)} />
    </Card>
  );
}

function AddThreshold({ open, orgId, onClose }: { open: boolean; orgId: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const orgs = useOrgs();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.post('/api/discretion/thresholds', {
        orgId: v.orgId,
        kind: v.kind,
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
        naturalPersonFen: parseYuan(String(v.naturalPerson)),
        organisationFen: parseYuan(String(v.organisation)),
        articleId: v.articleId,
        documentNumber: v.documentNumber || null,
        note: v.note,
      });
      message.success('已规定较大数额标准');
      await queryClient.invalidateQueries({ queryKey: discretionKeys.thresholds });
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : '保存失败');
    }
  };
  return (
    <Modal open={open} title="规定较大数额标准" onCancel={onClose} onOk={save} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ orgId, kind: 'hearing', articleId: '行政处罚法@2021-01-22#第六十三条' }}>
        <Form.Item label="机关" name="orgId" rules={[{ required: true }]}>
          <Select options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item label="用于" name="kind" rules={[{ required: true }]}>
          <Select options={Object.entries(thresholdKinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="生效日期" name="validFrom" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="失效日期（空为长期）" name="validTo">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="公民（元）" name="naturalPerson" rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="法人或者其他组织（元）" name="organisation" rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="依据条文" name="articleId" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label="文号" name="documentNumber">
          <Input />
        </Form.Item>
        <Form.Item label="说明" name="note" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
