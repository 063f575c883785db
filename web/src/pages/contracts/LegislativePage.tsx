/**
 * 立法征询: requests of higher bodies for comments on draft laws and rules — who asked, the draft, the reply date they
 * gave (overdue shown), the bureau's reply; a request is registered and answered here (the reply's file is uploaded on
 * the record page).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { applyServerError } from '../../lib/forms';
import { StepModal } from '../legality/StepModal';
import { contractKeys, type LegislativeDetail, type LegislativeList, useLegislative, useLegislativeOne } from './api';

type Row = LegislativeList['items'][number];

const stateTag = (r: Pick<Row, 'state' | 'stateLabel' | 'overdue' | 'repliedLate'>) =>
  r.overdue ? (
    <Tag color="error">逾期未答复</Tag>
  ) : (
    <Tag color={r.state === 'replied' ? (r.repliedLate ? 'warning' : 'success') : 'processing'}>{r.stateLabel}</Tag>
  );

function RegisterModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    const d = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : undefined);
    try {
      const r = await api.post<LegislativeDetail>('/api/legislative-consultations', { ...v, receivedOn: d(v.receivedOn), dueOn: d(v.dueOn) });
      qc.invalidateQueries({ queryKey: contractKeys.legislative });
      message.success('已登记');
      navigate(`/legislative-consultations/${r.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="登记立法征询"
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
      <Form form={form} layout="vertical">
        <Form.Item name="requester" label="征求意见机关" rules={[{ required: true, message: '请填写征求意见机关' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="draftTitle" label="草案名称" rules={[{ required: true, message: '请填写草案名称' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueOn" label="要求答复日期（征求意见机关确定）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LegislativeListPage() {
  const q = useLegislative();
  const [adding, setAdding] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="立法征询"
        sub="上级机关就法律、法规、规章草案征求意见的登记、答复和归档"
        extra={
          q.data?.mayRegister && (
            <Button type="primary" onClick={() => setAdding(true)}>
              登记立法征询
            </Button>
          )
        }
      />
      <Table<Row>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="legislative"
        columns={[
          { title: '草案名称', dataIndex: 'draftTitle', render: (t: string, r) => <Link to={`/legislative-consultations/${r.id}`}>{t}</Link> },
          { title: '征求意见机关', dataIndex: 'requester', width: 200 },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '要求答复日期', dataIndex: 'dueOn', width: 120, render: (d: string | null) => d ?? '' },
          { title: '答复日期', dataIndex: 'repliedOn', width: 110, render: (d: string | null) => d ?? '' },
          { title: '状态', key: 'state', width: 120, render: (_: unknown, r) => stateTag(r) },
        ]}
      />
      {adding && <RegisterModal onClose={() => setAdding(false)} />}
    </>
  );
}

export function LegislativeConsultationPage() {
  const { id = '' } = useParams();
  const q = useLegislativeOne(id);
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  return (
    <>
      <PageTitle title={d.draftTitle} sub={<Link to="/legislative-consultations">← 立法征询</Link>} extra={stateTag(d)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="征求意见机关">{d.requester}</Descriptions.Item>
          <Descriptions.Item label="收到日期">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="要求答复日期">{d.dueOn ?? '未要求'}</Descriptions.Item>
          <Descriptions.Item label="答复日期">{d.repliedOn ?? '未答复'}</Descriptions.Item>
          <Descriptions.Item label="答复意见" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.reply ?? ''}</Typography.Paragraph>
          </Descriptions.Item>
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
      <Link to={`/record/legislativeConsultation/${d.id}`}>上传答复文件、全过程记录</Link>
      {acting && (
        <StepModal<LegislativeDetail>
          url={`/api/legislative-consultations/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={[
            { name: 'reply', label: '答复意见', kind: 'textarea' },
            { name: 'repliedOn', label: '答复日期', kind: 'date' },
            { name: 'replyFileId', label: '答复文件', kind: 'select', required: false, options: d.files.map((f) => ({ value: f.id, label: f.fileName })) },
          ]}
          onDone={(next) => {
            qc.setQueryData(contractKeys.legislativeDetail(d.id), next);
            qc.invalidateQueries({ queryKey: contractKeys.legislative });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default LegislativeListPage;
