/**
 * 政府信息公开申请: the requests the body received (portal, in person, letter …) with their answer period, and one
 * request — the applicant (visible to the office only), correction, third-party consultation, extension, the answer
 * of its type (第三十六条) and the 告知书 issued, each step through the workflow.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { answerTypeLabels, applicantKinds, disclosureChannels, withholdingGroundLabels } from '../../../../src/domain/disclosure/rules';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { applyServerError } from '../../lib/forms';
import { StepModal, type StepField } from '../legality/StepModal';
import { SubjectRemediesCard } from '../remedies/SubjectRemediesCard';
import { type DisclosureDetail, type DisclosureList, disclosureKeys, useDisclosure, useDisclosures } from './api';

type Row = DisclosureList['items'][number];
const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

const stateTag = (r: Pick<Row, 'state' | 'stateLabel' | 'overdue'>) =>
  r.overdue ? <Tag color="error">逾期未答复</Tag> : <Tag color={r.state === 'answered' ? 'success' : 'processing'}>{r.stateLabel}</Tag>;

function RegisterModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, unknown>) => {
    try {
      const r = await api.post<DisclosureDetail>('/api/disclosure-requests', { ...v, receivedOn: (v.receivedOn as Dayjs).format('YYYY-MM-DD') });
      qc.invalidateQueries({ queryKey: disclosureKeys.list });
      message.success(`已登记，查询码 ${r.queryCode}`);
      navigate(`/disclosure/${r.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  const channels = options(disclosureChannels).filter((c) => c.value !== 'portal');
  return (
    <Modal
      open
      title="登记政府信息公开申请"
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
      <Form form={form} layout="vertical" initialValues={{ channel: 'inPerson', applicantKind: 'natural' }}>
        <Form.Item name="channel" label="申请方式" rules={[{ required: true }]}>
          <Select options={channels} />
        </Form.Item>
        <Form.Item name="applicantKind" label="申请人类型" rules={[{ required: true }]}>
          <Select options={options(applicantKinds)} />
        </Form.Item>
        <Form.Item name="applicantName" label="申请人姓名或者名称" rules={[{ required: true, message: '请填写申请人' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="applicantIdNumber" label="身份证明（证件号码）">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="applicantContact" label="联系方式" rules={[{ required: true, message: '请填写联系方式' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="申请公开的政府信息（名称、文号或者特征性描述）" rules={[{ required: true, message: '请填写申请内容' }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="form" label="获取信息的方式、途径">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="receivedOn" label="收到申请日期（第三十一条）" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DisclosureListPage() {
  const q = useDisclosures();
  const [adding, setAdding] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="政府信息公开申请"
        sub="依申请公开：登记、补正、征求第三方意见、延期和答复（《政府信息公开条例》第二十七条至第四十五条）"
        extra={
          q.data?.mayRegister && (
            <Button type="primary" onClick={() => setAdding(true)}>
              登记申请
            </Button>
          )
        }
      />
      <Table<Row>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        data-testid="disclosure-requests"
        columns={[
          { title: '申请内容', dataIndex: 'description', render: (t: string, r) => <Link to={`/disclosure/${r.id}`}>{t}</Link> },
          { title: '申请人', dataIndex: 'applicantName', width: 180 },
          { title: '申请方式', dataIndex: 'channelLabel', width: 130 },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '答复期限', dataIndex: 'answerDue', width: 110, render: (d: string | null) => d ?? '' },
          { title: '答复', dataIndex: 'answerTypeLabel', width: 140, render: (d: string | null) => d ?? '' },
          { title: '状态', key: 'state', width: 120, render: (_: unknown, r) => stateTag(r) },
        ]}
      />
      {adding && <RegisterModal onClose={() => setAdding(false)} />}
    </>
  );
}

const stepFields: Record<string, StepField[]> = {
  requestCorrection: [
    { name: 'items', label: '需要补正的事项', kind: 'textarea' },
    { name: 'dueOn', label: '补正期限', kind: 'date' },
  ],
  receiveCorrection: [
    { name: 'receivedOn', label: '收到补正日期', kind: 'date' },
    { name: 'correctedDescription', label: '补正后的申请内容', kind: 'textarea' },
  ],
  consultThirdParty: [
    { name: 'thirdParty', label: '第三方' },
    { name: 'sentOn', label: '发出征求意见书日期', kind: 'date' },
    { name: 'reason', label: '征求意见的理由', kind: 'textarea' },
  ],
  recordThirdPartyOpinion: [
    { name: 'repliedOn', label: '收到第三方意见日期', kind: 'date' },
    { name: 'opinion', label: '第三方意见', kind: 'select', options: options({ agree: '同意公开', disagree: '不同意公开', none: '逾期未提出意见' }) },
    { name: 'note', label: '第三方意见及理由', kind: 'textarea', required: false },
  ],
  extendAnswer: [{ name: 'reason', label: '延长答复期限的理由（经政府信息公开工作机构负责人同意）', kind: 'textarea' }],
  answer: [
    { name: 'answerType', label: '答复类型（第三十六条）', kind: 'select', options: options(answerTypeLabels) },
    { name: 'ground', label: '不予公开的依据（不予公开、部分公开）', kind: 'select', required: false, options: options(withholdingGroundLabels) },
    { name: 'reason', label: '理由', kind: 'textarea', required: false },
    { name: 'access', label: '获取信息的方式、途径（已主动公开、予以公开、部分公开）', required: false },
    { name: 'otherBodyName', label: '负责公开的行政机关（非本机关负责）', required: false },
    { name: 'otherBodyContact', label: '该机关的联系方式', required: false },
  ],
};

const answerInput = ({ otherBodyName, otherBodyContact, ...v }: Record<string, unknown>) => ({
  ...v,
  ...(otherBodyName || otherBodyContact ? { otherBody: { name: otherBodyName ?? '', contact: otherBodyContact ?? '' } } : {}),
});

export function DisclosureRequestPage() {
  const { id = '' } = useParams();
  const q = useDisclosure(id);
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  const session = useSession();
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  return (
    <>
      <PageTitle title={`政府信息公开申请（${d.queryCode}）`} sub={<Link to="/disclosure">← 政府信息公开申请</Link>} extra={stateTag(d)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="申请人">{d.applicantName}</Descriptions.Item>
          <Descriptions.Item label="申请人类型">{d.applicantKindLabel}</Descriptions.Item>
          <Descriptions.Item label="联系方式">{d.applicantContact}</Descriptions.Item>
          <Descriptions.Item label="申请方式">{d.channelLabel}</Descriptions.Item>
          <Descriptions.Item label="收到申请日期">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="答复期限">{d.answerDue ?? (d.state === 'correcting' ? '待补正后重新计算' : '')}</Descriptions.Item>
          <Descriptions.Item label="申请公开的政府信息" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.description}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="获取方式">{d.form}</Descriptions.Item>
          {d.correction && (
            <Descriptions.Item label="补正" span={3}>
              {d.correction.noticeOn} 告知补正（{d.correction.items}），期限至 {d.correction.dueOn}
              {d.correction.receivedOn ? `；${d.correction.receivedOn} 收到补正` : ''}
            </Descriptions.Item>
          )}
          {d.consultations.map((c) => (
            <Descriptions.Item key={c.sentOn + c.thirdParty} label="征求第三方意见" span={3}>
              {c.sentOn} 征求 {c.thirdParty} 的意见
              {c.repliedOn ? `；${c.repliedOn} ${{ agree: '同意公开', disagree: '不同意公开', none: '逾期未提出意见' }[c.opinion ?? 'none']}` : ''}
              {c.note ? `：${c.note}` : ''}
            </Descriptions.Item>
          ))}
          {d.extension && (
            <Descriptions.Item label="延长答复期限" span={3}>
              {d.extension.on} 经{d.extension.approvedBy}同意延长至 {d.extension.dueOn}（{d.extension.reason}）
            </Descriptions.Item>
          )}
          {d.answer && (
            <Descriptions.Item label={`答复：${d.answerTypeLabel}（${d.answeredOn}）`} span={3}>
              <div data-testid="answer-text">
                {d.answer.sentences.map((s) => (
                  <Typography.Paragraph key={s} style={{ marginBottom: 4 }}>
                    {s}
                  </Typography.Paragraph>
                ))}
              </div>
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
      <Card size="small" title="告知书" style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={d.instruments}
          locale={{ emptyText: '尚未制作告知书' }}
          data-testid="instruments"
          renderItem={(i) => (
            <List.Item>
              <Space wrap>
                <span>
                  {i.title} {i.number}（{i.issuedOn}）
                </span>
                <a href={`/api/instruments/${i.id}/docx`} data-testid={`download-${i.kind}`}>
                  .docx
                </a>
                <a href={`/api/instruments/${i.id}/pdf?disposition=inline`} target="_blank" rel="noreferrer">
                  PDF
                </a>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {/* 复议、诉讼 against the answer (政府信息公开条例 第五十一条): the remedies module takes the request as their subject */}
      <div style={{ marginBottom: 16 }}>
        <SubjectRemediesCard subject={{ type: 'disclosureRequest', id: d.id }} canRegister={session.abilities.registerRemedies} />
      </div>
      <Link to={`/record/disclosureRequest/${d.id}`}>上传申请材料、全过程记录</Link>
      {acting && (
        <StepModal<DisclosureDetail>
          url={`/api/disclosure-requests/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={stepFields[acting.id] ?? []}
          toInput={acting.id === 'answer' ? answerInput : undefined}
          withDate
          onDone={(next) => {
            qc.setQueryData(disclosureKeys.detail(d.id), next);
            qc.invalidateQueries({ queryKey: disclosureKeys.list });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default DisclosureListPage;
