/**
 * One legality review: the subject and its materials, 下一步, the steps (征求法律顾问、公职律师意见, 退回补充材料, 出具审查意见
 * with the kind's checklist item by item, the opinion and its reasons, the reason for an opinion before the minimum
 * review time), the advisers' opinions, the opinion given and its 合法性审查意见书.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { checklistVerdictLabels, reviewOpinionLabels } from '../../../../src/domain/legality/rules';
import { PageTitle, QueryError } from '../../components/common';
import { chinaToday } from '../../lib/format';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { legalityKeys, matterPages, type ReviewDetail, type ReviewKinds, useAdvisers, useKinds, useReview } from './api';
import { type StepField, StepModal } from './StepModal';

const options = (t: Readonly<Record<string, string>>) => Object.entries(t).map(([value, label]) => ({ value, label }));
const opinionColor: Record<string, string> = { lawful: 'success', lawfulAfterChanges: 'warning', unlawful: 'error' };

function ChecklistInput({ kind }: { kind: ReviewKinds['kinds'][number] }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={kind.checklist}
      style={{ marginBottom: 16 }}
      columns={[
        {
          title: '审查事项',
          dataIndex: 'label',
          render: (l: string, i) => (
            <>
              {l}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.basis.map((b) => b.replace(/@[^#]+#/, ' ')).join('、') || i.sourceNote}
                </Typography.Text>
              </div>
            </>
          ),
        },
        {
          title: '结论',
          key: 'verdict',
          width: 120,
          render: (_: unknown, i) => (
            <Form.Item name={['verdicts', i.id]} rules={[{ required: true, message: '请选择' }]} style={{ marginBottom: 0 }}>
              <Select data-testid={`verdict-${i.id}`} options={options(checklistVerdictLabels)} />
            </Form.Item>
          ),
        },
        {
          title: '说明（不符合的须填写）',
          key: 'note',
          width: 260,
          render: (_: unknown, i) => (
            <Form.Item name={['notes', i.id]} style={{ marginBottom: 0 }}>
              <Input.TextArea autoSize />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const q = useReview(id);
  const kinds = useKinds().data;
  const d = q.data;
  const advisers = useAdvisers().data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const kind = kinds?.kinds.find((k) => k.id === d.kind);
  const label = new Map(kind?.checklist.map((i) => [i.id, i.label]));
  const subjectPage = matterPages[d.subjectType];
  const today = chinaToday();
  const fields: Record<string, StepField[]> = {
    consultAdviser: [
      {
        name: 'adviserId',
        label: '法律顾问或者公职律师',
        kind: 'select',
        options: (advisers?.items ?? [])
          .filter((a) => a.inTerm)
          .map((a) => ({ value: a.id, label: `${a.name}（${a.kind === 'publicLawyer' ? '公职律师' : '法律顾问'}，${a.firm ?? ''}）` })),
      },
      { name: 'opinion', label: '法律意见', kind: 'textarea' },
      { name: 'givenOn', label: '提出意见日期', kind: 'date' },
    ],
    returnMaterials: [{ name: 'reason', label: '退回理由（材料不符合要求的，第二十六条第一款）', kind: 'textarea' }],
    resubmit: [{ name: 'materials', label: '补充后的送审材料', kind: 'textarea', initial: d.materials }],
    withdraw: [{ name: 'reason', label: '撤回理由', kind: 'textarea' }],
    conclude: [
      { name: 'opinion', label: '审查意见', kind: 'select', options: options(reviewOpinionLabels) },
      { name: 'reasons', label: '理由及修改意见（修改后合法、不合法的须填写）', kind: 'textarea', required: false },
      ...(d.earliestOpinionOn && today < d.earliestOpinionOn
        ? [
            {
              name: 'earlyReason',
              label: `提前出具意见的理由（最短审查时间至 ${d.earliestOpinionOn} 届满）`,
              kind: 'textarea' as const,
              required: false,
            },
          ]
        : []),
    ],
  };
  const toInput = (v: Record<string, unknown>) => {
    if (acting?.id !== 'conclude') return v;
    const { verdicts = {}, notes = {}, ...rest } = v as { verdicts?: Record<string, string>; notes?: Record<string, string> };
    return {
      ...rest,
      checklist: (kind?.checklist ?? []).map((i) => ({ item: i.id, verdict: verdicts[i.id], ...(notes[i.id] ? { note: notes[i.id] } : {}) })),
    };
  };
  return (
    <>
      <PageTitle
        title={d.title}
        sub={<Link to="/legality/reviews">← 合法性审查</Link>}
        extra={
          d.opinion ? (
            <Tag color={opinionColor[d.opinion]} data-testid="review-state">
              {reviewOpinionLabels[d.opinion]}
            </Tag>
          ) : (
            <Tag data-testid="review-state">{d.stateLabel}</Tag>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="类别">{d.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="送审机构">{d.unitName}</Descriptions.Item>
          <Descriptions.Item label="送审日期">{d.requestedOn}</Descriptions.Item>
          <Descriptions.Item label="送审事项">{subjectPage ? <Link to={`${subjectPage}/${d.subjectId}`}>查看送审事项</Link> : d.subjectId}</Descriptions.Item>
          <Descriptions.Item label="最短审查时间至">{d.earliestOpinionOn ?? '无规定'}</Descriptions.Item>
          <Descriptions.Item label="法律顾问、公职律师">{d.advisersRequired ? '应当组织提出法律意见（第二十八条）' : '根据需要'}</Descriptions.Item>
          <Descriptions.Item label="送审材料" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.materials}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
        {kind && <Alert type="info" showIcon={false} style={{ marginTop: 8 }} title={kind.gateText} />}
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
        {d.deadlines.length > 0 && (
          <div style={{ marginTop: 12 }}>
            {d.deadlines.map((x) => (
              <Tag key={x.id} color={x.status !== 'open' ? 'default' : x.overdue ? 'error' : x.warning ? 'warning' : 'blue'}>
                {x.label}：{x.due}
                {x.status === 'met' ? '（已履行）' : x.status === 'cancelled' ? '（已取消）' : ''}
              </Tag>
            ))}
          </div>
        )}
      </Card>
      {d.consultations.length > 0 && (
        <Card size="small" title="法律顾问、公职律师的法律意见" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.consultations}
            columns={[
              { title: '姓名', dataIndex: 'adviserName', width: 100 },
              { title: '类别', dataIndex: 'adviserKind', width: 100, render: (k: string) => (k === 'publicLawyer' ? '公职律师' : '法律顾问') },
              { title: '日期', dataIndex: 'givenOn', width: 110 },
              { title: '法律意见', dataIndex: 'opinion' },
            ]}
          />
        </Card>
      )}
      {d.opinion && (
        <Card size="small" title="审查意见" style={{ marginBottom: 16 }} data-testid="review-opinion">
          <Table
            size="small"
            rowKey="item"
            pagination={false}
            dataSource={d.checklist ?? []}
            style={{ marginBottom: 12 }}
            columns={[
              { title: '审查事项', dataIndex: 'item', render: (i: string) => label.get(i) ?? i },
              {
                title: '结论',
                dataIndex: 'verdict',
                width: 90,
                render: (v: keyof typeof checklistVerdictLabels) => (
                  <Tag color={v === 'fail' ? 'error' : v === 'pass' ? 'success' : 'default'}>{checklistVerdictLabels[v]}</Tag>
                ),
              },
              { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
            ]}
          />
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="审查意见">{reviewOpinionLabels[d.opinion]}</Descriptions.Item>
            {d.reasons && <Descriptions.Item label="理由及修改意见">{d.reasons}</Descriptions.Item>}
            {d.earlyReason && <Descriptions.Item label="提前出具意见的理由">{d.earlyReason}</Descriptions.Item>}
            <Descriptions.Item label="出具日期">{d.concludedOn}</Descriptions.Item>
            {d.instrumentId && (
              <Descriptions.Item label="合法性审查意见书">
                <Space>
                  <a href={`/api/instruments/${d.instrumentId}/docx`}>.docx</a>
                  <a href={`/api/instruments/${d.instrumentId}/pdf?disposition=inline`} target="_blank" rel="noreferrer">
                    PDF
                  </a>
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      <Link to={`/record/legalityReview/${d.id}`}>全过程记录</Link>
      {acting && (
        <StepModal<ReviewDetail>
          url={`/api/legality/reviews/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={fields[acting.id] ?? []}
          toInput={toInput}
          withDate
          width={acting.id === 'conclude' ? 980 : 640}
          onDone={(next) => {
            qc.setQueryData(legalityKeys.detail(d.id), next);
            qc.invalidateQueries({ queryKey: legalityKeys.all });
          }}
          onClose={() => setActing(null)}
        >
          {acting.id === 'conclude' && kind && <ChecklistInput kind={kind} />}
        </StepModal>
      )}
    </>
  );
}

export default ReviewPage;
