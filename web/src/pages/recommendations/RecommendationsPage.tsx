/**
 * 检察建议、司法建议等: the recommendations the body received — issuing body, kind, 文号, the answer deadline (the date the
 * document states, else two months; overdue shown) — and one recommendation: assigned to a unit, answered, filed with
 * the measures taken.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { recommendationKinds } from '../../../../src/domain/disclosure/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { applyServerError } from '../../lib/forms';
import { StepModal, type StepField } from '../legality/StepModal';
import { type RecommendationDetail, type RecommendationList, recommendationKeys, useRecommendation, useRecommendations } from './api';

type Row = RecommendationList['items'][number];

const stateTag = (r: Pick<Row, 'state' | 'stateLabel' | 'overdue'>) =>
  r.overdue ? <Tag color="error">逾期未回复</Tag> : <Tag color={r.state === 'filed' || r.state === 'answered' ? 'success' : 'processing'}>{r.stateLabel}</Tag>;

function RegisterModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    const d = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : undefined);
    try {
      const r = await api.post<RecommendationDetail>('/api/recommendations', {
        ...v,
        issuedOn: d(v.issuedOn),
        receivedOn: d(v.receivedOn),
        statedDueOn: d(v.statedDueOn),
      });
      qc.invalidateQueries({ queryKey: recommendationKeys.list });
      message.success('已登记');
      navigate(`/recommendations/${r.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="登记检察建议、司法建议等"
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
      <Form form={form} layout="vertical" initialValues={{ kind: 'procuratorial' }}>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select options={Object.entries(recommendationKinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="issuer" label="制发机关" rules={[{ required: true, message: '请填写制发机关' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="documentNumber" label="文号" rules={[{ required: true, message: '请填写文号' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label="建议内容" rules={[{ required: true, message: '请填写建议内容' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="issuedOn" label="制发日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="statedDueOn" label="建议书载明的回复期限（未载明的，自收到之日起两个月）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RecommendationsPage() {
  const q = useRecommendations();
  const [adding, setAdding] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="检察建议、司法建议"
        sub="收到的检察建议书、磋商意见书、司法建议书等：分办、按期回复、归档"
        extra={
          q.data?.mayRegister && (
            <Button type="primary" onClick={() => setAdding(true)}>
              登记建议
            </Button>
          )
        }
      />
      <Table<Row>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="recommendations"
        columns={[
          { title: '文号', dataIndex: 'documentNumber', render: (t: string, r) => <Link to={`/recommendations/${r.id}`}>{t}</Link> },
          { title: '制发机关', dataIndex: 'issuer', width: 180 },
          { title: '类别', dataIndex: 'kindLabel', width: 110 },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '回复期限', dataIndex: 'answerDue', width: 110, render: (d: string | null) => d ?? '' },
          { title: '承办机构', dataIndex: 'unitName', width: 180, render: (d: string | null) => d ?? '' },
          { title: '状态', key: 'state', width: 120, render: (_: unknown, r) => stateTag(r) },
        ]}
      />
      {adding && <RegisterModal onClose={() => setAdding(false)} />}
    </>
  );
}

export function RecommendationPage() {
  const { id = '' } = useParams();
  const q = useRecommendation(id);
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const fields: Record<string, StepField[]> = {
    assign: [
      { name: 'unitId', label: '承办机构', kind: 'select', options: d.units.map((u) => ({ value: u.id, label: u.name })) },
      { name: 'note', label: '分办意见', kind: 'textarea', required: false },
    ],
    answer: [
      { name: 'reply', label: '回复内容', kind: 'textarea' },
      { name: 'answeredOn', label: '回复日期', kind: 'date' },
      { name: 'replyFileId', label: '回复文件', kind: 'select', required: false, options: d.files.map((f) => ({ value: f.id, label: f.fileName })) },
    ],
    file: [
      { name: 'measures', label: '采取的措施及落实情况', kind: 'textarea' },
      { name: 'filedOn', label: '归档日期', kind: 'date' },
    ],
  };
  return (
    <>
      <PageTitle title={`${d.issuer}${d.documentNumber}`} sub={<Link to="/recommendations">← 检察建议、司法建议</Link>} extra={stateTag(d)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类别">{d.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="制发日期">{d.issuedOn}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="回复期限">
            {d.answerDue ?? ''}
            {d.statedDueOn ? '（建议书载明）' : '（收到之日起两个月）'}
          </Descriptions.Item>
          <Descriptions.Item label="承办机构">{d.unitName ?? '未分办'}</Descriptions.Item>
          <Descriptions.Item label="回复日期">{d.answeredOn ?? '未回复'}</Descriptions.Item>
          <Descriptions.Item label="建议内容" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.content}</Typography.Paragraph>
          </Descriptions.Item>
          {d.answer && (
            <Descriptions.Item label="回复内容" span={3}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.answer}</Typography.Paragraph>
            </Descriptions.Item>
          )}
          {d.measures && (
            <Descriptions.Item label={`归档（${d.filedOn}）：采取的措施`} span={3}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.measures}</Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {inGuidanceOrder(d.transitions, guidance).map((t) => (
            <StepButton key={t.id} guidance={guidance} id={t.id} testId={`step-${t.id}`} onClick={() => setActing(t)}>
              {t.label}
            </StepButton>
          ))}
        </Space>
      </Card>
      <Link to={`/record/recommendation/${d.id}`}>上传建议书、回复文件，全过程记录</Link>
      {acting && (
        <StepModal<RecommendationDetail>
          url={`/api/recommendations/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={fields[acting.id] ?? []}
          withDate
          onDone={(next) => {
            qc.setQueryData(recommendationKeys.detail(d.id), next);
            qc.invalidateQueries({ queryKey: recommendationKeys.list });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default RecommendationsPage;
