/**
 * 合法性审查: the legal office's queue (reviews at the office or returned for materials), every review the caller sees
 * with its opinion, and the register of 法律顾问 and 公职律师 with the matters they gave opinions on.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { reviewOpinionLabels } from '../../../../src/domain/legality/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { applyServerError } from '../../lib/forms';
import { type AdviserList, legalityKeys, type ReviewList, useAdvisers, useReviews } from './api';

type Row = ReviewList['items'][number];
const opinionColor: Record<string, string> = { lawful: 'success', lawfulAfterChanges: 'warning', unlawful: 'error' };
const opinionLabels: Record<string, string> = reviewOpinionLabels;

function Reviews({ open }: { open: boolean }) {
  const q = useReviews(open);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{ pageSize: 50 }}
      data-testid={open ? 'legality-queue' : 'legality-all'}
      columns={[
        { title: '送审事项', dataIndex: 'title', render: (t: string, r) => <Link to={`/legality/reviews/${r.id}`}>{t}</Link> },
        { title: '类别', dataIndex: 'kindLabel', width: 130 },
        { title: '送审机构', dataIndex: 'unitName', width: 200 },
        { title: '送审日期', dataIndex: 'requestedOn', width: 110 },
        { title: '最短审查时间至', dataIndex: 'earliestOpinionOn', width: 130, render: (d: string | null) => d ?? '—' },
        { title: '审查时限', dataIndex: 'nextDue', width: 110, render: (d: string | null) => d ?? '—' },
        {
          title: '状态',
          key: 'state',
          width: 150,
          render: (_: unknown, r) =>
            r.opinion ? <Tag color={opinionColor[r.opinion]}>{opinionLabels[r.opinion]}</Tag> : <Tag color="processing">{r.stateLabel}</Tag>,
        },
      ]}
    />
  );
}

function AdviserModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    const d = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : undefined);
    try {
      await api.post('/api/legality/advisers', { ...v, termStart: d(v.termStart), termEnd: d(v.termEnd), firm: v.firm || undefined });
      qc.invalidateQueries({ queryKey: legalityKeys.advisers });
      message.success('已登记');
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="登记法律顾问或者公职律师"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'adviser' }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'adviser', label: '法律顾问' },
              { value: 'publicLawyer', label: '公职律师' },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="qualification"
          label="资格"
          rules={[{ required: true, message: '请填写资格' }]}
          extra="如：律师执业证（专职律师）、公职律师证、法律职业资格"
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="certificateNumber" label="证书编号" rules={[{ required: true, message: '请填写证书编号' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="firm" label="所在律师事务所或者单位">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="termStart" label="聘任（任职）期自" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="termEnd" label="聘任（任职）期至">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type AdviserRow = AdviserList['items'][number];

function Advisers() {
  const q = useAdvisers();
  const [adding, setAdding] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      {q.data?.mayManage && (
        <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>
          登记法律顾问或者公职律师
        </Button>
      )}
      <Table<AdviserRow>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={false}
        data-testid="advisers"
        expandable={{
          rowExpandable: (r) => r.opinions.length > 0,
          expandedRowRender: (r) => (
            <ul style={{ margin: 0 }}>
              {r.opinions.map((o) => (
                <li key={`${o.reviewId}-${o.givenOn}`}>
                  {o.givenOn} <Link to={`/legality/reviews/${o.reviewId}`}>{o.title}</Link>：{o.opinion}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '类别', dataIndex: 'kind', width: 100, render: (k: string) => (k === 'publicLawyer' ? '公职律师' : '法律顾问') },
          { title: '资格', dataIndex: 'qualification' },
          { title: '证书编号', dataIndex: 'certificateNumber', width: 190 },
          { title: '所在单位', dataIndex: 'firm', render: (f: string | null) => f ?? '' },
          { title: '聘任（任职）期', key: 'term', width: 220, render: (_: unknown, r) => `${r.termStart} 至 ${r.termEnd ?? '—'}` },
          { title: '状态', dataIndex: 'inTerm', width: 90, render: (t: boolean) => (t ? <Tag color="success">在聘</Tag> : <Tag>不在聘期</Tag>) },
          { title: '提出法律意见', key: 'n', width: 110, render: (_: unknown, r) => `${r.opinions.length} 件` },
        ]}
      />
      {adding && <AdviserModal onClose={() => setAdding(false)} />}
    </>
  );
}

export function LegalityPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'queue';
  return (
    <>
      <PageTitle
        title="合法性审查"
        sub="规范性文件、重大行政决策、合同由法制审核机构进行合法性审查；未经合法性审查或者经审查不合法的，不得进入下一环节（重大行政决策程序暂行条例 第二十五条）"
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'queue', label: '待审查', children: <Reviews open /> },
          { key: 'all', label: '全部', children: <Reviews open={false} /> },
          { key: 'advisers', label: '法律顾问、公职律师', children: <Advisers /> },
        ]}
      />
    </>
  );
}

export default LegalityPage;
