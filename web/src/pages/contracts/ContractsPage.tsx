/** 合同合法性审查: the contracts of the caller's units with their review and state; a new contract is registered here. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { contractCategories } from '../../../../src/domain/legality/contracts';
import { reviewOpinionLabels } from '../../../../src/domain/legality/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { type ContractDetail, type ContractList, contractKeys, useContracts } from './api';

type Row = ContractList['items'][number];
export const yuan = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

function RegisterModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    const d = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : undefined);
    try {
      const r = await api.post<ContractDetail>('/api/contracts', {
        ...v,
        unitId: v.unitId || undefined,
        counterpartyUscc: v.counterpartyUscc || undefined,
        amountFen: Math.round(Number(v.amountYuan ?? 0) * 100),
        amountYuan: undefined,
        termStart: d(v.termStart),
        termEnd: d(v.termEnd),
      });
      qc.invalidateQueries({ queryKey: contractKeys.all });
      message.success('已登记合同');
      navigate(`/contracts/${r.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="登记拟签订的合同"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={720}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ category: 'procurement' }}>
        <Form.Item name="unitId" label="承办机构" extra="不选则为本人所在单位">
          <OrgTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="category" label="合同类别" rules={[{ required: true }]}>
          <Select options={Object.entries(contractCategories).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="合同名称" rules={[{ required: true, message: '请填写合同名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="counterparty" label="合同相对人" rules={[{ required: true, message: '请填写相对人' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="counterpartyUscc" label="相对人统一社会信用代码">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="amountYuan" label="合同金额（元）" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0} precision={2} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="termStart" label="合同期限自">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="termEnd" label="合同期限至">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label="合同主要内容" rules={[{ required: true, message: '请填写主要内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ContractsPage() {
  const q = useContracts();
  const [adding, setAdding] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="合同合法性审查"
        sub="本机关签订的采购、委托、合作等合同，签订前须经合法性审查；未经审查或者经审查不合法的，不得签订"
        extra={
          q.data?.mayRegister && (
            <Button type="primary" onClick={() => setAdding(true)}>
              登记合同
            </Button>
          )
        }
      />
      <Table<Row>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="contracts"
        columns={[
          { title: '合同名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/contracts/${r.id}`}>{t}</Link> },
          { title: '类别', dataIndex: 'categoryLabel', width: 100 },
          { title: '相对人', dataIndex: 'counterparty', width: 200 },
          { title: '金额', dataIndex: 'amountFen', width: 150, align: 'right', render: (f: number) => yuan(f) },
          {
            title: '合法性审查',
            key: 'review',
            width: 120,
            render: (_: unknown, r) =>
              !r.review ? (
                <Tag>未送审</Tag>
              ) : r.review.opinion ? (
                <Tag color={r.review.opinion === 'unlawful' ? 'error' : 'success'}>
                  {reviewOpinionLabels[r.review.opinion as keyof typeof reviewOpinionLabels]}
                </Tag>
              ) : (
                <Tag color="processing">审查中</Tag>
              ),
          },
          { title: '状态', dataIndex: 'stateLabel', width: 140 },
          { title: '签订日期', dataIndex: 'signedOn', width: 110, render: (d: string | null) => d ?? '' },
        ]}
      />
      {adding && <RegisterModal onClose={() => setAdding(false)} />}
    </>
  );
}

export default ContractsPage;
