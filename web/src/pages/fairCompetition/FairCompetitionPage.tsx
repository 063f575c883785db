/**
 * 公平竞争审查台账: the reviews of the caller's units with counts by outcome and year (reviewed, may issue, must amend,
 * may not issue, running, 会审, 第十二条 exceptions); a measure on its own can be submitted for review here.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { fcKeys, type Register, type ReviewDetail, useRegister } from './api';

type Row = Register['items'][number];
type YearRow = Register['byYear'][number];

function RequestModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { orgId?: string; title: string; text: string }) => {
    try {
      const r = await api.post<ReviewDetail>('/api/fair-competition/reviews', v);
      qc.invalidateQueries({ queryKey: fcKeys.all });
      message.success('已提请公平竞争审查');
      navigate(`/fair-competition/${r.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="提请公平竞争审查"
      okText="提请"
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
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="起草单位" extra="不选则为本人所在单位">
          <OrgTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="title" label="政策措施名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="text" label="政策措施文本" rules={[{ required: true, message: '请填写文本' }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FairCompetitionPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const q = useRegister(year);
  const [requesting, setRequesting] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="公平竞争审查"
        sub="起草单位对照《公平竞争审查条例》第八条至第十一条逐项审查，适用第十二条的详细说明；未经审查的政策措施不得出台（第十八条）"
        extra={
          <Space>
            <InputNumber placeholder="年度" min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} />
            <Button type="primary" onClick={() => setRequesting(true)}>
              提请审查
            </Button>
          </Space>
        }
      />
      <Table<YearRow>
        size="small"
        rowKey="year"
        pagination={false}
        style={{ marginBottom: 16 }}
        dataSource={q.data?.byYear ?? []}
        data-testid="fc-by-year"
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '审查件数', dataIndex: 'reviewed' },
          { title: '可以出台', dataIndex: 'mayIssue' },
          { title: '应当修改', dataIndex: 'mustAmend' },
          { title: '不得出台', dataIndex: 'mayNotIssue' },
          { title: '审查中', dataIndex: 'pending' },
          { title: '会审', dataIndex: 'joint' },
          { title: '适用第十二条', dataIndex: 'exceptions' },
        ]}
      />
      <Table<Row>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '政策措施', dataIndex: 'title', render: (t: string, r) => <Link to={`/fair-competition/${r.id}`}>{t}</Link> },
          { title: '起草单位', dataIndex: 'orgName', width: 200 },
          {
            title: '状态',
            dataIndex: 'stateLabel',
            width: 160,
            render: (l: string, r) => <Tag color={r.conclusion === 'mayIssue' ? 'success' : r.conclusion ? 'error' : 'processing'}>{l}</Tag>,
          },
          { title: '结论日期', dataIndex: 'concludedOn', width: 110 },
          { title: '会审', dataIndex: 'joint', width: 70, render: (j: boolean) => (j ? '是' : '') },
          { title: '第十二条', dataIndex: 'exceptionUsed', width: 90, render: (j: boolean) => (j ? '适用' : '') },
        ]}
      />
      {requesting && <RequestModal onClose={() => setRequesting(false)} />}
    </>
  );
}

export default FairCompetitionPage;
