/**
 * 年度报告: the reports of the bodies the user reads (法治政府建设年度报告, 行政执法数据年度公开, 政府信息公开工作年度报告),
 * and the form that generates one for a body and a year from the kept figure sets.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { reportKinds } from '../../../../src/domain/annualReports/layouts';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { reportKeys, stateColor, useReports } from './api';

function GenerateForm({ bodies }: { bodies: { id: string; name: string }[] }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: { bodyId: string; year: number; kind: string }) => api.post<{ id: string }>('/api/annual-reports', v),
    onSuccess: (r) => {
      qc.invalidateQueries({ queryKey: reportKeys.all });
      message.success('已生成报告草稿');
      navigate(`/annual-reports/${r.id}`);
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Card size="small" title="生成年度报告" style={{ marginBottom: 16 }}>
      <p style={{ marginTop: 0 }}>按本机关本年度和上年度的执法记录计算并留存统计指标集，按报告格式填入数字（含同比），存为草稿。</p>
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form
        form={form}
        layout="inline"
        initialValues={{ bodyId: bodies[0]?.id, year: Number(chinaToday().slice(0, 4)), kind: 'lawBasedGovernment' }}
        onFinish={(v) => {
          setProblem(null);
          send.mutate(v);
        }}
      >
        <Form.Item name="bodyId" label="机关" rules={[{ required: true, message: '请选择机关' }]}>
          <Select style={{ width: 240 }} options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="kind" label="报告类别" rules={[{ required: true }]}>
          <Select style={{ width: 220 }} options={Object.entries(reportKinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending}>
            生成报告
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}

export default function AnnualReportsPage() {
  const list = useReports();
  if (list.error) return <QueryError error={list.error} retry={list.refetch} />;
  const data = list.data;
  return (
    <>
      <PageTitle title="年度报告" sub="法治政府建设年度报告（4月1日之前公开）、行政执法数据年度公开（1月31日前）、政府信息公开工作年度报告（1月31日前）" />
      {data && data.bodies.length > 0 && <GenerateForm bodies={data.bodies} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: '报告', dataIndex: 'title', render: (v: string, r) => <Link to={`/annual-reports/${r.id}`}>{v}</Link> },
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '年度', dataIndex: 'year' },
          { title: '状态', render: (_, r) => <Tag color={stateColor[r.state]}>{r.stateLabel}</Tag> },
          { title: '公开期限', dataIndex: 'due' },
          { title: '公开日期', render: (_, r) => r.publishedOn ?? '—' },
        ]}
      />
    </>
  );
}
