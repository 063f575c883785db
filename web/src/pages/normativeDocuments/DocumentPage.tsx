/**
 * One normative document (规范性文件): its text as articles, 起草说明, the steps with the NextStep banner (a
 * step a gate stops is disabled with the gate's reason), deadlines, versions, cleanups. The buttons are the
 * transitions the server returned; nothing here decides who may act.
 */
import { ExportOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { cleanupKinds, cleanupOutcomes } from '../../../../src/domain/normativeDocuments/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { NextStepBanner, StepButton, inGuidanceOrder, useGuidance } from '../../components/NextStep';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { DeadlineTag } from '../cases/parts';
import { type DocumentDetail, normativeKeys, type TransitionName, useDocument } from './api';
import { forms } from './forms';

const statusColor: Record<string, string> = { effective: 'green', amended: 'blue', repealed: 'red', invalid: 'default' };
export const LibraryTag = ({ status, label }: { status: string | null; label: string | null }) =>
  status && label ? <Tag color={statusColor[status]}>{label}</Tag> : null;

function TransitionModal({ d, t, onClose }: { d: DocumentDetail; t: { id: TransitionName; label: string }; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const spec = forms[t.id];
  const initial: Record<string, unknown> = { date: dayjs(chinaToday()) };
  for (const f of spec.fields) if (f.kind === 'date' && f.required) initial[f.name] = dayjs(chinaToday());
  if (t.id === 'openComment') initial.days = d.settings.commentMinDays;
  const send = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const input: Record<string, unknown> = {};
      for (const f of spec.fields) {
        const v = values[f.name];
        if (v === undefined || v === null || v === '') continue;
        if (f.kind === 'date') input[f.name] = (v as dayjs.Dayjs).format('YYYY-MM-DD');
        else if (f.kind === 'names')
          input[f.name] = String(v)
            .split(/[,，、\s]+/)
            .map((s) => s.trim())
            .filter(Boolean);
        else input[f.name] = v;
      }
      const date = spec.date && values.date ? (values.date as dayjs.Dayjs).format('YYYY-MM-DD') : undefined;
      return api.post<DocumentDetail>(`/api/normative-documents/${d.id}/transitions/${t.id}`, {
        expectedVersion: d.matter.version,
        input,
        ...(date ? { date } : {}),
      });
    },
    onSuccess: (next) => {
      qc.setQueryData(normativeKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: normativeKeys.all });
      qc.invalidateQueries({ queryKey: ['guidance'] });
      message.success(`${t.label}：已办理`);
      onClose();
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Modal
      open
      title={t.label}
      okText="确认办理"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ danger: spec.danger }}
      onOk={() =>
        form
          .validateFields()
          .then((v) => send.mutate(v))
          .catch(() => {})
      }
      width={640}
      destroyOnHidden
    >
      {spec.intro && <Typography.Paragraph type="secondary">{spec.intro}</Typography.Paragraph>}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {spec.date && (
          <Form.Item name="date" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        {spec.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, whitespace: f.kind === 'text' || f.kind === 'textarea', message: `请填写${f.label}` }] : []}
          >
            {f.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.kind === 'select' ? (
              <Select aria-label={f.label} options={Object.entries(f.options).map(([value, label]) => ({ value, label }))} />
            ) : f.kind === 'number' ? (
              <InputNumber min={1} max={180} style={{ width: '100%' }} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={f.max} />
            ) : (
              <Input maxLength={f.kind === 'text' ? f.max : 500} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function CleanupModal({ d, onClose }: { d: DocumentDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: { kind: string; round?: string; outcome: string; reason: string; decidedOn: dayjs.Dayjs; flagIds?: string[] }) =>
      api.post<DocumentDetail>(`/api/normative-documents/${d.id}/cleanups`, {
        ...v,
        round: v.round ?? '',
        flagIds: v.flagIds ?? [],
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        expectedVersion: d.matter.version,
      }),
    onSuccess: (next) => {
      qc.setQueryData(normativeKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: normativeKeys.all });
      message.success('清理决定已登记');
      onClose();
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Modal
      open
      title="清理决定"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={send.isPending}
      onOk={() =>
        form
          .validateFields()
          .then((v) => send.mutate(v))
          .catch(() => {})
      }
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: d.openFlags.length ? 'lawChange' : 'periodic',
          outcome: 'keep',
          decidedOn: dayjs(chinaToday()),
          flagIds: d.openFlags.map((f) => f.id),
        }}
      >
        <Form.Item name="kind" label="清理类型" rules={[{ required: true }]}>
          <Select aria-label="清理类型" options={Object.entries(cleanupKinds).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="round" label="清理批次">
          <Input maxLength={200} placeholder="如：2026年度规范性文件清理" />
        </Form.Item>
        <Form.Item name="outcome" label="清理结果" rules={[{ required: true }]}>
          <Select
            aria-label="清理结果"
            options={Object.entries(cleanupOutcomes)
              .filter(([k]) => d.state !== 'expired' || k === 'invalid')
              .map(([value, label]) => ({ value, label: d.state === 'expired' && value === 'invalid' ? '确认失效' : label }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {d.openFlags.length > 0 && (
          <Form.Item name="flagIds" label="所答复的上位法变化">
            <Select
              mode="multiple"
              aria-label="所答复的上位法变化"
              options={d.openFlags.map((f) => ({ value: f.id, label: `${f.articleId}（${f.change}）` }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function ReviseModal({ d, onClose }: { d: DocumentDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      api.put<DocumentDetail>(`/api/normative-documents/${d.id}`, {
        expectedVersion: d.matter.version,
        title: v.title,
        affectsRights: !!v.affectsRights,
        concernsMarket: !!v.concernsMarket,
        articles: String(v.articles)
          .split(/\n+/)
          .map((t) => t.trim())
          .filter(Boolean)
          .map((text) => ({ text: text.replace(/^第[一二三四五六七八九十百零]+条\s*/, '') })),
        necessity: v.necessity,
        impact: v.impact,
        citations: String(v.citations ?? '')
          .split(/[\s,，、]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    onSuccess: (next) => {
      qc.setQueryData(normativeKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: normativeKeys.all });
      message.success('草案已修改');
      onClose();
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Modal
      open
      title="修改草案"
      okText="保存"
      cancelText="取消"
      width={760}
      onCancel={onClose}
      confirmLoading={send.isPending}
      onOk={() =>
        form
          .validateFields()
          .then((v) => send.mutate(v))
          .catch(() => {})
      }
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: d.title,
          affectsRights: d.affectsRights,
          concernsMarket: d.concernsMarket,
          articles: d.articles.map((a) => a.text).join('\n'),
          necessity: d.necessity,
          impact: d.impact,
          citations: d.citations.map((c) => c.articleId).join(' '),
        }}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Form.Item name="affectsRights" valuePropName="checked">
            <Checkbox>涉及公民、法人和其他组织权利义务</Checkbox>
          </Form.Item>
          <Form.Item name="concernsMarket" valuePropName="checked">
            <Checkbox>涉及经营者经济活动</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name="articles" label="条文（每行一条）" rules={[{ required: true, whitespace: true, message: '请填写条文' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} />
        </Form.Item>
        <Form.Item name="necessity" label="起草说明：制定必要性和依据" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="impact" label="起草说明：主要内容及影响" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={10000} />
        </Form.Item>
        <Form.Item name="citations" label="所依据的上位法条文（条文编号，空格分隔）">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DocumentPage() {
  const { id = '' } = useParams();
  const { data: d, error, refetch } = useDocument(id);
  const guidance = useGuidance(id, d?.matter.version).data;
  const [acting, setActing] = useState<{ id: TransitionName; label: string } | null>(null);
  const [cleaning, setCleaning] = useState(false);
  const [revising, setRevising] = useState(false);
  if (error) return <QueryError error={error} retry={refetch} />;
  if (!d) return <Card loading />;
  const transitions = inGuidanceOrder(
    d.matter.transitions.filter((t) => t.id !== 'supersede'),
    guidance,
  );
  const cleanable = d.abilities.cleanup && ['published', 'filed', 'inForce', 'expired'].includes(d.state);
  return (
    <>
      <PageTitle
        title={d.title}
        sub={`${d.number ?? '（未编号）'} · ${d.bodyName} · 起草单位：${d.unitName} · 第 ${d.versionNo} 版`}
        extra={
          <Space wrap>
            <Tag>{d.stateLabel}</Tag>
            <LibraryTag status={d.libraryStatus} label={d.libraryStatusLabel} />
            {d.instrumentId && (
              <a href={`/api/instruments/${d.instrumentId}/docx`}>
                <FileWordOutlined /> 正式文本（.docx）
              </a>
            )}
            {d.libraryStatus && (
              <a href={`/portal/normative-documents/${d.id}`} target="_blank" rel="noreferrer">
                <ExportOutlined /> 门户页面
              </a>
            )}
            <Link to={`/record/normativeDocument/${d.id}`}>全过程记录</Link>
          </Space>
        }
      />
      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {transitions.map((t) => (
            <StepButton
              key={t.id}
              guidance={guidance}
              id={t.id}
              testId={`step-${t.id}`}
              danger={forms[t.id as TransitionName]?.danger}
              onClick={() => setActing({ id: t.id as TransitionName, label: t.label })}
            >
              {t.label}
            </StepButton>
          ))}
          {d.abilities.edit && d.state === 'drafting' && (
            <Button onClick={() => setRevising(true)} data-testid="revise">
              修改草案
            </Button>
          )}
          {cleanable && (
            <Button onClick={() => setCleaning(true)} data-testid="cleanup">
              清理决定
            </Button>
          )}
        </Space>
      </Card>

      <Card size="small" style={{ marginBottom: 16 }} title="基本情况">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="涉及权利义务">{d.affectsRights ? '是（须公开征求意见）' : '否'}</Descriptions.Item>
          <Descriptions.Item label="涉及经营者经济活动">{d.concernsMarket ? '是（须公平竞争审查）' : '否'}</Descriptions.Item>
          <Descriptions.Item label="暂行、试行">{d.provisional ? '是' : '否'}</Descriptions.Item>
          {d.commentSkipReason && <Descriptions.Item label="不公开征求意见的理由">{d.commentSkipReason}</Descriptions.Item>}
          {d.consultationId && (
            <Descriptions.Item label="公开征求意见">
              <Link to={`/consultations/${d.consultationId}`}>查看</Link>
            </Descriptions.Item>
          )}
          {d.fairReviewId && (
            <Descriptions.Item label="公平竞争审查">
              <Link to={`/fair-competition/${d.fairReviewId}`}>查看</Link>
            </Descriptions.Item>
          )}
          {d.legalityReviewId && (
            <Descriptions.Item label="合法性审核">
              <Link to={`/legality/reviews/${d.legalityReviewId}`}>查看</Link>
            </Descriptions.Item>
          )}
          {d.deliberation && (
            <Descriptions.Item label="集体审议">
              {d.deliberation.meetingOn} {d.deliberation.meeting}：{d.deliberation.resultLabel}（出席：{d.deliberation.attendees.join('、')}）
            </Descriptions.Item>
          )}
          <Descriptions.Item label="公布日期">{d.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="施行日期">{d.effectiveOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{d.expiresOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="备案">
            {d.filedOn ? `${d.filedOn} 报送${d.filedWith ?? ''}${d.filingResultLabel ? `；${d.filingResultLabel}（${d.filingResultOn}）` : ''}` : '—'}
          </Descriptions.Item>
          {d.endedOn && <Descriptions.Item label="终止">{`${d.endedOn}：${d.endedReason ?? ''}`}</Descriptions.Item>}
          <Descriptions.Item label="适用规则">
            {d.settings.label}：征求意见不少于 {d.settings.commentMinDays} 日；备案机关 {d.settings.filingWith}
          </Descriptions.Item>
        </Descriptions>
        {d.openFlags.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={`所依据的上位法有 ${d.openFlags.length} 处变化，须作出清理决定`}
            description={d.openFlags.map((f) => f.articleId).join('、')}
          />
        )}
      </Card>

      <Card size="small" title="文本" style={{ marginBottom: 16 }}>
        {d.articles.map((a) => (
          <div key={a.label}>
            {a.chapter && (
              <Typography.Paragraph strong style={{ textAlign: 'center' }}>
                {a.chapter}
              </Typography.Paragraph>
            )}
            <Typography.Paragraph>
              <Typography.Text strong>{a.label}</Typography.Text>　{a.text}
            </Typography.Paragraph>
          </div>
        ))}
        <Typography.Title level={5}>起草说明</Typography.Title>
        <Typography.Paragraph>{d.necessity}</Typography.Paragraph>
        <Typography.Paragraph>{d.impact}</Typography.Paragraph>
        {d.citations.length > 0 && (
          <Typography.Paragraph type="secondary">
            依据：
            {d.citations.map((c) => (
              <Link key={c.articleId} to={`/laws/articles/${encodeURIComponent(c.articleId)}`} style={{ marginRight: 8 }}>
                《{c.title}》{c.label}
              </Link>
            ))}
          </Typography.Paragraph>
        )}
        {d.interpretation && (
          <>
            <Typography.Title level={5}>政策解读</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.interpretation}</Typography.Paragraph>
          </>
        )}
      </Card>

      <Card size="small" title="期限" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.deadlines}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '期限', dataIndex: 'label' },
            { title: '起算日', dataIndex: 'start', width: 120 },
            {
              title: '届满日',
              key: 'due',
              width: 200,
              render: (_, x) => (x.status === 'open' ? <DeadlineTag due={x.due} overdue={x.overdue} warning={x.warning} /> : x.due),
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => ({ open: '进行中', met: '已履行', cancelled: '已撤销' })[s] ?? s },
          ]}
        />
      </Card>

      <Card size="small" title={`版本（${d.versions.length}）`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.versions}
          columns={[
            {
              title: '版本',
              dataIndex: 'versionNo',
              width: 80,
              render: (n: number, v) => (v.id === d.id ? `第 ${n} 版（本页）` : <Link to={`/normative-documents/${v.id}`}>第 {n} 版</Link>),
            },
            { title: '文号', dataIndex: 'number', render: (n: string | null) => n ?? '—' },
            { title: '状态', dataIndex: 'stateLabel' },
            { title: '公布日期', dataIndex: 'publishedOn', render: (x: string | null) => x ?? '—' },
            { title: '终止日期', dataIndex: 'endedOn', render: (x: string | null) => x ?? '—' },
          ]}
        />
      </Card>

      <Card size="small" title="清理记录">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.cleanups}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '决定日期', dataIndex: 'decidedOn', width: 120 },
            { title: '类型', dataIndex: 'kindLabel', width: 120 },
            { title: '批次', dataIndex: 'round' },
            { title: '结果', dataIndex: 'outcomeLabel', width: 100 },
            { title: '理由', dataIndex: 'reason' },
            { title: '新版本', dataIndex: 'newVersionId', render: (x: string | null) => (x ? <Link to={`/normative-documents/${x}`}>查看</Link> : '—') },
          ]}
        />
      </Card>
      {acting && <TransitionModal d={d} t={acting} onClose={() => setActing(null)} />}
      {cleaning && <CleanupModal d={d} onClose={() => setCleaning(false)} />}
      {revising && <ReviseModal d={d} onClose={() => setRevising(false)} />}
    </>
  );
}
