/**
 * One reconsideration (本机关为被申请人): the act challenged (linked), the request, the answer with its materials bundle
 * (the subject's record entries with inclusion proofs, for the reviewing body to verify), the hearings attended, and the
 * decision — which, changing or revoking the act, flows into the case and withdraws its publication.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { hearingKindLabels } from '../../../../src/domain/remedies/rules';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { type StepField, StepModal } from '../legality/StepModal';
import { type ReconsiderationDetail, remedyKeys, useReconsideration, useRemedyCatalogue } from './api';
import { Deadlines, Hearings, options, outcomeItems, subjectItems } from './parts';

export function ReconsiderationPage() {
  const { id = '' } = useParams();
  const q = useReconsideration(id);
  const cat = useRemedyCatalogue().data;
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const fields: Record<string, StepField[]> = {
    answer: [
      { name: 'answer', label: '书面答复（事实、证据、依据和答复意见）', kind: 'textarea' },
      { name: 'materials', label: '提交的证据、依据和其他有关材料', kind: 'textarea' },
    ],
    attend: [
      {
        name: 'kind',
        label: '方式',
        kind: 'select',
        options: options({ opinion: hearingKindLabels.opinion, hearing: hearingKindLabels.hearing, mediation: hearingKindLabels.mediation }),
      },
      { name: 'heldOn', label: '日期', kind: 'date' },
      { name: 'attendees', label: '本机关出席人员' },
      { name: 'note', label: '情况', kind: 'textarea', required: false },
    ],
    enterDecision: [
      { name: 'outcome', label: '行政复议决定', kind: 'select', options: options(cat?.reconsiderationOutcomes ?? {}) },
      {
        name: 'statedEffect',
        label: '调解书、和解协议对原行政行为的效力（调解、和解的须选择）',
        kind: 'select',
        required: false,
        options: options(cat?.effects ?? {}),
      },
      { name: 'number', label: '决定书文号' },
      { name: 'decidedOn', label: '决定日期', kind: 'date' },
      { name: 'receivedOn', label: '本机关收到决定书之日', kind: 'date' },
      { name: 'summary', label: '决定要旨', kind: 'textarea' },
    ],
  };
  return (
    <>
      <PageTitle
        title={d.title}
        sub={<Link to="/remedies">← 行政复议和行政应诉</Link>}
        extra={<Tag data-testid="remedy-state">{d.outcomeLabel ?? d.stateLabel}</Tag>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          {subjectItems(d)}
          <Descriptions.Item label="申请人">{d.applicant}</Descriptions.Item>
          <Descriptions.Item label="行政复议机关">{d.reviewingBody}</Descriptions.Item>
          <Descriptions.Item label="案号">{d.fileNumber ?? ''}</Descriptions.Item>
          <Descriptions.Item label="收到申请书副本">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="适用法律">{d.lawVersion === '2023' ? '行政复议法（2023年修订）' : '行政复议法（2017年修正）'}</Descriptions.Item>
          {d.selfDecided && <Descriptions.Item label="办理方式">本机关作为行政复议机关办理（历史登记）</Descriptions.Item>}
          <Descriptions.Item label="行政复议请求" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.request}</Typography.Paragraph>
          </Descriptions.Item>
          {outcomeItems(d)}
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
        <Deadlines d={d} />
      </Card>
      {d.answer && (
        <Card
          size="small"
          title={`书面答复（${d.answeredOn}）`}
          style={{ marginBottom: 16 }}
          extra={
            <a href={`/api/reconsiderations/${d.id}/answer-bundle`} data-testid="answer-bundle">
              答复材料清单（含记录包含证明）
            </a>
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.answer}</Typography.Paragraph>
          <Typography.Text type="secondary">材料清单哈希（SHA-256）：{d.bundleHash}</Typography.Text>
        </Card>
      )}
      <Hearings d={d} />
      {d.decisionNumber && (
        <Card size="small" title="行政复议决定" style={{ marginBottom: 16 }} data-testid="remedy-decision">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="决定">{d.outcomeLabel}</Descriptions.Item>
            <Descriptions.Item label="文号">{d.decisionNumber}</Descriptions.Item>
            <Descriptions.Item label="决定日期">{d.decidedOn}</Descriptions.Item>
            <Descriptions.Item label="要旨">{d.decisionSummary}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {d.lawsuits.length > 0 && (
        <Card size="small" title="复议后的行政诉讼" style={{ marginBottom: 16 }}>
          {d.lawsuits.map((l) => (
            <div key={l.id}>
              <Link to={`/remedies/lawsuits/${l.id}`}>{l.title}</Link>（{l.stateLabel}）
            </div>
          ))}
        </Card>
      )}
      <Link to={`/record/reconsideration/${d.id}`}>全过程记录</Link>
      {acting && (
        <StepModal<ReconsiderationDetail>
          url={`/api/reconsiderations/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={fields[acting.id] ?? []}
          withDate
          onDone={(next) => {
            qc.setQueryData(remedyKeys.reconsideration(d.id), next);
            qc.invalidateQueries({ queryKey: remedyKeys.all });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default ReconsiderationPage;
