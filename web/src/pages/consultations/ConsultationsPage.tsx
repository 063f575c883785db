/**
 * 公开征求意见: the drafts of the caller's units put out for comment, with their period, the comments received and
 * those still unanswered; a draft on its own can be put out for comment here (a normative document's or a major
 * decision's consultation is opened from its own page).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { type ConsultationDetail, type ConsultationItem, consultationKeys, useConsultations } from './api';

const stateColor: Record<string, string> = { open: 'processing', closed: 'warning', reported: 'success' };

function OpenModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { orgId?: string; title: string; text: string; startsOn: dayjs.Dayjs; days: number; shortenedReason?: string }) => {
    try {
      const d = await api.post<ConsultationDetail>('/api/consultations', {
        ...(v.orgId ? { orgId: v.orgId } : {}),
        title: v.title,
        text: v.text,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        days: v.days,
        ...(v.shortenedReason ? { shortenedReason: v.shortenedReason } : {}),
      });
      message.success('已公开征求意见');
      qc.invalidateQueries({ queryKey: consultationKeys.all });
      navigate(`/consultations/${d.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="公开征求意见"
      okText="发布"
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
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="open-problem" />}
      <Form form={form} layout="vertical" initialValues={{ startsOn: dayjs(chinaToday()), days: 30 }}>
        <Form.Item name="orgId" label="起草单位" extra="不选则为本人所在单位">
          <OrgTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="title" label="草案名称" rules={[{ required: true, message: '请填写草案名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="text"
          label="草案全文"
          extra="按“第一条……”分条书写，公众可针对每一条、每一款提出意见"
          rules={[{ required: true, message: '请填写草案全文' }]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} />
        </Form.Item>
        <Form.Item name="startsOn" label="公布日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="days"
          label="征求意见期限（日）"
          extra="一般不少于30日（重大行政决策程序暂行条例第十五条；优化营商环境条例第六十二条）"
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item name="shortenedReason" label="缩短期限的说明" extra="少于30日的，须说明理由（如情况紧急），随草案一并公布">
          <Input.TextArea autoSize />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ConsultationsPage() {
  const q = useConsultations();
  const [opening, setOpening] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="公开征求意见"
        sub="草案公开征求意见、按条款汇总公众意见、逐条或分组答复、公布意见采纳情况"
        extra={
          <Button type="primary" onClick={() => setOpening(true)} data-testid="open-consultation">
            公开征求意见
          </Button>
        }
      />
      <Table<ConsultationItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '草案', dataIndex: 'title', render: (t: string, r) => <Link to={`/consultations/${r.id}`}>{t}</Link> },
          { title: '起草单位', dataIndex: 'orgName', width: 200 },
          { title: '征求意见期限', key: 'period', width: 230, render: (_: unknown, r) => `${r.startsOn} 至 ${r.endsOn}（${r.days} 日）` },
          { title: '意见', dataIndex: 'comments', width: 80 },
          { title: '未答复', dataIndex: 'unanswered', width: 80, render: (n: number) => (n ? <Tag color="warning">{n}</Tag> : 0) },
          { title: '状态', dataIndex: 'stateLabel', width: 150, render: (l: string, r) => <Tag color={stateColor[r.state]}>{l}</Tag> },
        ]}
      />
      {opening && <OpenModal onClose={() => setOpening(false)} />}
    </>
  );
}

export default ConsultationsPage;
