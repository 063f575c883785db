/**
 * One publication (行政执法公示): what is public now and every earlier version, its legal time
 * limits, and the steps the caller may take — 公示, 更正, 登记决定被变更或撤销, 撤回, 信用修复,
 * 提请/批准/不批准不予公示 — each a transition of the publication workflow, sent with the version
 * the page showed. The buttons are the transitions the server returned; nothing here decides who may act.
 */
import { ExportOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Collapse, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { formatYuan } from '../../../../src/domain/discretion/money';
import { exemptionGrounds, publicationChannels, withdrawalGrounds, type PublicationChannel } from '../../../../src/domain/publicity/rules';
import type { PublicContent } from '../../../../src/modules/publicity/content';
import type { publicationInputs } from '../../../../src/modules/publicity/routes';
import { findingLabels } from '../../../../src/modules/inspections/vocabulary';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { DeadlineTag } from '../cases/parts';
import { publicityKeys, usePublication, type PublicationDetail, type PublicationVersion } from './api';
import { StateTag } from './PublicityPage';

type TransitionName = keyof typeof publicationInputs;

/** A field of a transition's form. A `correction` field starts from the current version and is sent inside `content` only when changed. */
type Field = (
  | { kind: 'text' | 'textarea'; required?: boolean; max: number }
  | { kind: 'date'; required: true }
  | { kind: 'select'; required?: boolean; options: Record<string, string> }
) & { name: string; label: string; correction?: { key: keyof CorrectionFields; from: (c: PublicContent) => string | null | undefined } };
type CorrectionFields = NonNullable<z.input<(typeof publicationInputs)['correct']>['content']>;

type PenaltyText = 'violation' | 'facts' | 'basis' | 'penaltyText';
const penaltyFix = (key: PenaltyText, label: string, kind: 'text' | 'textarea', max: number): Field => ({
  name: key,
  label,
  kind,
  max,
  correction: { key, from: (c) => (c.kind === 'penalty' ? c[key] : undefined) },
});
const partyName: Field = { name: 'partyName', label: '当事人名称', kind: 'text', max: 200, correction: { key: 'partyName', from: (c) => c.party.name } };

const reason = (label: string, max = 500): Field => ({ name: 'reason', label, kind: 'textarea', required: true, max });
const opinion: Field = { name: 'opinion', label: '意见', kind: 'textarea', required: true, max: 500 };

/** Every transition's form; the type makes a new transition without a form a compile error. */
const forms: Record<TransitionName, { intro?: string; fields: Field[]; danger?: boolean }> = {
  publish: { intro: '公示现行决定书内容（个人信息按规定遮蔽），并起算公示期。', fields: [] },
  correct: {
    intro: '更正后生成新的公示版本，原版本保留并标注“已更正”（市场监督管理行政处罚信息公示规定 第十二条）。只填写需要更正的内容。',
    fields: [
      reason('更正理由'),
      partyName,
      { name: 'partyAddress', label: '当事人住所', kind: 'text', max: 200, correction: { key: 'partyAddress', from: (c) => c.party.address } },
      penaltyFix('violation', '违法行为类型', 'text', 200),
      penaltyFix('facts', '主要违法事实', 'textarea', 5000),
      penaltyFix('basis', '处罚依据', 'textarea', 1000),
      penaltyFix('penaltyText', '处罚内容', 'textarea', 1000),
    ],
  },
  noticeRevocation: {
    intro: '行政处罚决定被变更、撤销或确认违法、无效的，应当在知道之日起 3 个工作日内撤回公示（同上 第十一条）。登记后起算撤回期限。',
    fields: [
      { name: 'noticedOn', label: '知道之日', kind: 'date', required: true },
      { name: 'ground', label: '情形', kind: 'select', required: true, options: withdrawalGrounds },
      { name: 'note', label: '说明（文书、机关）', kind: 'textarea', required: true, max: 500 },
    ],
  },
  withdraw: {
    danger: true,
    intro: '撤回后门户不再显示该决定，已公示的版本保留在全过程记录中并标注撤回理由。',
    fields: [{ name: 'ground', label: '情形', kind: 'select', required: true, options: withdrawalGrounds }, reason('撤回理由')],
  },
  expire: { intro: '公示期满，停止公示（系统每日自动办理）。', fields: [] },
  repair: {
    intro: '当事人申请信用修复、提前停止公示（同上 第十四条：公示满规定期限、已履行处罚决定等条件）。',
    fields: [
      { name: 'applicant', label: '申请人', kind: 'text', required: true, max: 200 },
      { name: 'appliedOn', label: '申请日期', kind: 'date', required: true },
      reason('审查意见及理由'),
    ],
  },
  proposeExemption: {
    intro: '涉及国家秘密、商业秘密、个人隐私等依法不予公开的情形，载明理由，报局领导批准。',
    fields: [{ name: 'ground', label: '情形', kind: 'select', required: true, options: exemptionGrounds }, reason('理由', 1000)],
  },
  approveExemption: { fields: [opinion] },
  rejectExemption: { fields: [opinion] },
};

/** The correction of a random-inspection result: the finding, its description, the entity's name. */
const correctInspectionResult: (typeof forms)['correct'] = {
  intro: '更正后生成新的公示版本，原版本保留并标注“已更正”。只修改需要更正的内容。',
  fields: [
    reason('更正理由'),
    partyName,
    {
      name: 'finding',
      label: '检查结果',
      kind: 'select',
      options: findingLabels,
      correction: { key: 'finding', from: (c) => (c.kind === 'inspectionResult' ? c.finding : undefined) },
    },
    {
      name: 'description',
      label: '情况说明',
      kind: 'textarea',
      max: 2000,
      correction: { key: 'description', from: (c) => (c.kind === 'inspectionResult' ? c.description : undefined) },
    },
  ],
};
const formOf = (t: TransitionName, kind: string) => (t === 'correct' && kind === 'inspectionResult' ? correctInspectionResult : forms[t]);

const deadlineStatus: Record<string, ReactNode> = { open: <Tag color="blue">进行中</Tag>, met: <Tag color="green">已履行</Tag>, cancelled: <Tag>已撤销</Tag> };

const versionStatus: Record<PublicationVersion['status'], { label: string; color: string }> = {
  current: { label: '现行版本', color: 'green' },
  superseded: { label: '已更正', color: 'default' },
  withdrawn: { label: '已撤回', color: 'red' },
  ended: { label: '已停止公示', color: 'default' },
};

export default function PublicationPage() {
  const { id = '' } = useParams();
  const { data: p, error, refetch } = usePublication(id);
  const [acting, setActing] = useState<{ id: TransitionName; label: string } | null>(null);
  if (error) return <QueryError error={error} retry={refetch} />;
  if (!p) return <Card loading />;
  const current = p.versions.find((v) => v.status === 'current') ?? p.versions.at(-1);
  const inspection = p.kind === 'inspectionResult';
  return (
    <>
      <PageTitle
        title={inspection ? `${p.partyName}：抽查检查结果` : p.number}
        sub={inspection ? `${p.number} · ${p.bodyName}` : `${p.partyName} · ${p.bodyName}`}
        extra={
          <Space wrap>
            <StateTag state={p.state} label={p.stateLabel} />
            {p.source.matterType === 'case' ? (
              <Link to={`/cases/${p.source.matterId}`}>案件</Link>
            ) : (
              <Link to={`/inspections/tasks/${p.source.matterId}`}>抽查任务</Link>
            )}
            <Link to={`/record/publication/${p.id}`}>执法全过程记录</Link>
            <a href={`/portal/decisions/${p.id}`} target="_blank" rel="noreferrer">
              <ExportOutlined /> 门户页面
            </a>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={inspection ? '检查对象' : '当事人'}>{p.partyName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{p.partyUscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={inspection ? '检查结果' : '违法行为'}>{p.violation}</Descriptions.Item>
          {!inspection && <Descriptions.Item label="罚款">{p.fineFen ? formatYuan(p.fineFen) : '—'}</Descriptions.Item>}
          <Descriptions.Item label={inspection ? '检查日期' : '决定日期'}>{p.decidedOn}</Descriptions.Item>
          <Descriptions.Item label="公示渠道">{p.channels.map((c) => publicationChannels[c as PublicationChannel] ?? c).join('、')}</Descriptions.Item>
          <Descriptions.Item label="公示日期">{p.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="公示期至">{p.expiresOn ?? (inspection && p.publishedOn ? '（至撤回）' : '—')}</Descriptions.Item>
          <Descriptions.Item label="版本">{p.currentVersion ? `第 ${p.currentVersion} 版` : '尚未公示'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        {p.matter.transitions.length === 0 ? (
          <Typography.Text type="secondary">{p.matter.final ? '本公示已办结。' : '当前没有您可以办理的环节。'}</Typography.Text>
        ) : (
          <Space wrap>
            {p.matter.transitions.map((t) => (
              <Button
                key={t.id}
                type={t.id === 'publish' ? 'primary' : 'default'}
                danger={formOf(t.id as TransitionName, p.kind)?.danger}
                onClick={() => setActing({ id: t.id as TransitionName, label: t.label })}
              >
                {t.label}
              </Button>
            ))}
          </Space>
        )}
      </Card>

      <Card size="small" title="期限" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={p.deadlines}
          locale={{ emptyText: '无' }}
          columns={[
            { title: '期限', dataIndex: 'label' },
            { title: '起算日', dataIndex: 'start', width: 120 },
            {
              title: '届满日',
              key: 'due',
              width: 200,
              render: (_, d) => (d.status === 'open' ? <DeadlineTag due={d.due} overdue={d.overdue} warning={d.warning} /> : d.due),
            },
            { title: '状态', dataIndex: 'status', width: 100, render: (s: string) => deadlineStatus[s] ?? s },
          ]}
        />
      </Card>

      <Card size="small" title={`公示版本（${p.versions.length}）`}>
        {p.versions.length === 0 ? (
          <Typography.Text type="secondary">尚未公示</Typography.Text>
        ) : (
          <Timeline
            items={[...p.versions].reverse().map((v) => ({
              color: v.status === 'current' ? 'green' : v.status === 'withdrawn' ? 'red' : 'gray',
              content: <VersionView v={v} open={v === current} />,
            }))}
          />
        )}
      </Card>

      {acting && <TransitionModal p={p} transition={acting} onClose={() => setActing(null)} current={current} />}
    </>
  );
}

function VersionView({ v, open }: { v: PublicationVersion; open: boolean }) {
  const c = v.content;
  return (
    <div data-testid={`version-${v.version}`}>
      <Space wrap>
        <Typography.Text strong>第 {v.version} 版</Typography.Text>
        <Tag color={versionStatus[v.status].color}>{versionStatus[v.status].label}</Tag>
        <Typography.Text type="secondary">
          公示于 {v.publishedOn} · 记录第 {v.ledgerSeq} 条
        </Typography.Text>
        {v.statusOn && (
          <Typography.Text type="secondary">
            {v.statusOn}
            {v.statusReason ? `：${v.statusReason}` : ''}
          </Typography.Text>
        )}
      </Space>
      <Collapse
        size="small"
        style={{ marginTop: 8 }}
        defaultActiveKey={open ? ['summary'] : []}
        items={
          c.kind === 'inspectionResult'
            ? [
                {
                  key: 'summary',
                  label: '公示内容',
                  children: (
                    <Descriptions size="small" column={1} bordered>
                      <Descriptions.Item label="检查对象">
                        {c.party.name}
                        {c.party.uscc ? ` ${c.party.uscc}` : ''}
                      </Descriptions.Item>
                      <Descriptions.Item label="抽查任务">
                        {c.task.name}（{c.task.periodStart} 至 {c.task.periodEnd}）
                      </Descriptions.Item>
                      <Descriptions.Item label="抽查事项">{c.items.map((i) => `${i.code} ${i.name}`).join('；') || '—'}</Descriptions.Item>
                      <Descriptions.Item label="检查日期">{c.inspectedOn}</Descriptions.Item>
                      <Descriptions.Item label="检查结果">{c.findingLabel}</Descriptions.Item>
                      {c.description && <Descriptions.Item label="情况说明">{c.description}</Descriptions.Item>}
                      <Descriptions.Item label="检查实施机关">{c.body.name}</Descriptions.Item>
                    </Descriptions>
                  ),
                },
              ]
            : [
                {
                  key: 'summary',
                  label: '公示内容',
                  children: (
                    <Descriptions size="small" column={1} bordered>
                      <Descriptions.Item label="当事人">
                        {c.party.name}（{c.party.typeLabel}）{c.party.uscc ? ` ${c.party.uscc}` : ''}
                        {c.party.idNumber ? ` ${c.party.idNumber}` : ''}
                      </Descriptions.Item>
                      {c.party.legalRep && <Descriptions.Item label="法定代表人">{c.party.legalRep}</Descriptions.Item>}
                      {c.party.address && <Descriptions.Item label="住所">{c.party.address}</Descriptions.Item>}
                      <Descriptions.Item label="违法行为类型">{c.violation}</Descriptions.Item>
                      <Descriptions.Item label="主要违法事实">{c.facts}</Descriptions.Item>
                      <Descriptions.Item label="处罚依据">{c.basis}</Descriptions.Item>
                      <Descriptions.Item label="处罚内容">{c.penaltyText}</Descriptions.Item>
                      <Descriptions.Item label="处罚机关">{c.body.name}</Descriptions.Item>
                      <Descriptions.Item label="决定日期">{c.decidedOn}</Descriptions.Item>
                    </Descriptions>
                  ),
                },
                {
                  key: 'text',
                  label: '决定书全文（公示文本）',
                  children: (
                    <div className="fz-instrument-text">
                      {c.text.map((t, i) => (
                        <p key={i} style={{ margin: '0 0 6px' }}>
                          {t}
                        </p>
                      ))}
                    </div>
                  ),
                },
              ]
        }
      />
    </div>
  );
}

function TransitionModal({
  p,
  transition,
  current,
  onClose,
}: {
  p: PublicationDetail;
  transition: { id: TransitionName; label: string };
  current?: PublicationVersion;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const spec = formOf(transition.id, p.kind);
  const content = current?.content;
  const initial: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.kind === 'date') initial[f.name] = dayjs(chinaToday());
    else if (f.correction && content) initial[f.name] = f.correction.from(content) ?? undefined;
  }
  const send = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const input: Record<string, unknown> = {};
      const correction: Record<string, string> = {};
      for (const f of spec.fields) {
        const v = values[f.name];
        if (f.kind === 'date') input[f.name] = (v as dayjs.Dayjs).format('YYYY-MM-DD');
        else if (f.correction) {
          const s = typeof v === 'string' ? v.trim() : '';
          if (s && s !== String(initial[f.name] ?? '').trim()) correction[f.correction.key] = s;
        } else if (v !== undefined && v !== '') input[f.name] = v;
      }
      if (transition.id === 'correct') input.content = correction;
      return api.post<PublicationDetail>(`/api/publicity/publications/${p.id}/transitions/${transition.id}`, { expectedVersion: p.matter.version, input });
    },
    onSuccess: (next) => {
      qc.setQueryData(publicityKeys.detail(p.id), next);
      qc.invalidateQueries({ queryKey: publicityKeys.all });
      message.success(`${transition.label}：已办理`);
      onClose();
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Modal
      open
      title={transition.label}
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
      width={spec.fields.length > 3 ? 720 : 520}
      destroyOnHidden
    >
      {spec.intro && <Typography.Paragraph type="secondary">{spec.intro}</Typography.Paragraph>}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {spec.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, whitespace: f.kind !== 'date' && f.kind !== 'select', message: `请填写${f.label}` }] : []}
          >
            {f.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.kind === 'select' ? (
              <Select aria-label={f.label} options={Object.entries(f.options).map(([value, label]) => ({ value, label }))} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={f.max} />
            ) : (
              <Input maxLength={f.max} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
