/**
 * One suit (本机关为被告): the act challenged (linked), the claims, the defence, the hearings with the 负责人出庭应诉
 * record, the judgments and rulings of each instance with their appeal windows, the effective outcome — which flows into
 * the case and the portal — and the execution.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { type StepField, StepModal } from '../legality/StepModal';
import { type LawsuitDetail, remedyKeys, useLawsuit, useRemedyCatalogue } from './api';
import { Deadlines, Hearings, options, outcomeItems, subjectItems } from './parts';

export function LawsuitPage() {
  const { id = '' } = useParams();
  const q = useLawsuit(id);
  const cat = useRemedyCatalogue().data;
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const qc = useQueryClient();
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const judgment = (kinds: Record<string, string>): StepField[] => [
    { name: 'kind', label: '文书类别', kind: 'select', options: options(kinds) },
    { name: 'outcome', label: '裁判结果', kind: 'select', options: options(cat?.judgmentOutcomes ?? {}) },
    { name: 'statedEffect', label: '调解书对原行政行为的效力（调解的须选择）', kind: 'select', required: false, options: options(cat?.effects ?? {}) },
    { name: 'number', label: '案号（文书编号）' },
    { name: 'servedOn', label: '送达日期', kind: 'date' },
    { name: 'summary', label: '裁判要旨', kind: 'textarea' },
  ];
  const fields: Record<string, StepField[]> = {
    defend: [
      { name: 'defence', label: '答辩状（事实、理由和答辩意见）', kind: 'textarea' },
      { name: 'evidence', label: '提交的证据和所依据的规范性文件', kind: 'textarea' },
    ],
    attendHearing: [
      { name: 'heldOn', label: '开庭日期', kind: 'date' },
      { name: 'attendees', label: '本机关出庭人员' },
      { name: 'appearance', label: '负责人出庭应诉情况（行政诉讼法第三条第三款）', kind: 'select', options: options(cat?.appearanceKinds ?? {}) },
      { name: 'headName', label: '出庭负责人姓名', required: false },
      { name: 'headTitle', label: '出庭负责人职务', required: false },
      { name: 'absenceGround', label: '负责人未出庭的理由类别', kind: 'select', required: false, options: options(cat?.absenceGrounds ?? {}) },
      { name: 'absenceReason', label: '负责人未出庭的理由', kind: 'textarea', required: false },
      { name: 'headRequired', label: '属负责人应当出庭的案件（解释第一百二十九条）', kind: 'bool', required: false },
      { name: 'note', label: '庭审情况', kind: 'textarea', required: false },
    ],
    enterJudgment: judgment({ judgment: '判决', ruling: '裁定' }),
    enterFinalJudgment: judgment({ judgment: '判决', ruling: '裁定', mediation: '调解书' }),
    appeal: [
      { name: 'appealedBy', label: '上诉人', kind: 'select', options: options({ bureau: '本机关', plaintiff: '原告' }) },
      { name: 'appealedOn', label: '上诉日期', kind: 'date' },
      { name: 'court', label: '上一级人民法院' },
      { name: 'fileNumber', label: '二审案号', required: false },
    ],
    becomeEffective: [{ name: 'note', label: '说明', kind: 'textarea', required: false }],
    closeSuit: [
      { name: 'execution', label: '执行情况', kind: 'select', options: options(cat?.executionKinds ?? {}) },
      { name: 'on', label: '日期', kind: 'date' },
      { name: 'note', label: '说明', kind: 'textarea' },
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
          <Descriptions.Item label="原告">{d.plaintiff}</Descriptions.Item>
          <Descriptions.Item label="人民法院">{d.court}</Descriptions.Item>
          <Descriptions.Item label="审级">{d.instanceLabel}</Descriptions.Item>
          <Descriptions.Item label="案号">{d.fileNumber ?? ''}</Descriptions.Item>
          <Descriptions.Item label="收到起诉状副本">{d.receivedOn}</Descriptions.Item>
          {d.afterReconsiderationId && (
            <Descriptions.Item label="经行政复议">
              <Link to={`/remedies/reconsiderations/${d.afterReconsiderationId}`}>查看复议</Link>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="诉讼请求" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.claims}</Typography.Paragraph>
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
      {d.defence && (
        <Card size="small" title={`答辩状（${d.defendedOn}）`} style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.defence}</Typography.Paragraph>
        </Card>
      )}
      <Hearings d={d} />
      {d.judgments.length > 0 && (
        <Card size="small" title="判决、裁定" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={d.judgments}
            columns={[
              { title: '审级', dataIndex: 'instanceLabel', width: 70 },
              { title: '文书', dataIndex: 'kindLabel', width: 70 },
              { title: '案号', dataIndex: 'number', width: 200 },
              { title: '结果', dataIndex: 'outcomeLabel', width: 180 },
              { title: '送达', dataIndex: 'servedOn', width: 110 },
              { title: '要旨', dataIndex: 'summary' },
              {
                title: '上诉',
                key: 'appeal',
                width: 140,
                render: (_: unknown, j) => (j.appealedOn ? `${j.appealedBy === 'bureau' ? '本机关' : '原告'} ${j.appealedOn}` : ''),
              },
            ]}
          />
        </Card>
      )}
      {d.execution && (
        <Card size="small" title="执行" style={{ marginBottom: 16 }}>
          {d.execution.kindLabel}（{d.execution.on}）：{d.execution.note}
        </Card>
      )}
      <Link to={`/record/lawsuit/${d.id}`}>全过程记录</Link>
      {acting && (
        <StepModal<LawsuitDetail>
          url={`/api/lawsuits/${d.id}/transitions/${acting.id}`}
          title={acting.label}
          version={d.version}
          fields={fields[acting.id] ?? []}
          withDate
          width={acting.id === 'attendHearing' ? 760 : 640}
          onDone={(next) => {
            qc.setQueryData(remedyKeys.lawsuit(d.id), next);
            qc.invalidateQueries({ queryKey: remedyKeys.all });
          }}
          onClose={() => setActing(null)}
        />
      )}
    </>
  );
}

export default LawsuitPage;
