/**
 * One consultation: the draft and its period, 下一步 (截止 after the period, then 公布意见采纳情况 once every comment
 * is answered), the comments grouped by article or paragraph — with the commenter's name and contact, which only
 * staff see — answered one by one or a selection at a time (采纳 / 部分采纳 / 不予采纳 with the reason), and the
 * published report with its portal link.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, List, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { consultationOutcomes } from '../../../../src/domain/consultation/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { applyServerError } from '../../lib/forms';
import { chinaTime } from '../../lib/format';
import { type ConsultationDetail, consultationKeys, useConsultation } from './api';

function AnswerModal({ d, commentIds, onClose }: { d: ConsultationDetail; commentIds: string[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { outcome: string; reason: string }) => {
    try {
      const next = await api.post<ConsultationDetail>(`/api/consultations/${d.id}/answers`, { commentIds, ...v });
      qc.setQueryData(consultationKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: consultationKeys.list });
      message.success('已答复');
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title={`答复 ${commentIds.length} 条意见`}
      okText="确认答复"
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
      <Form form={form} layout="vertical" initialValues={{ outcome: 'adopted' }}>
        <Form.Item name="outcome" label="采纳情况" rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(consultationOutcomes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="answer-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReportModal({ d, onClose }: { d: ConsultationDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: { summary: string; finalTextUrl?: string }) => {
    try {
      const next = await api.post<ConsultationDetail>(`/api/consultations/${d.id}/transitions/publishReport`, {
        expectedVersion: d.version,
        input: { summary: v.summary, ...(v.finalTextUrl ? { finalTextUrl: v.finalTextUrl } : {}) },
      });
      qc.setQueryData(consultationKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: consultationKeys.all });
      message.success('意见采纳情况已公布');
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="公布意见采纳情况"
      okText="公布"
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
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="report-problem" />}
      <Form form={form} layout="vertical">
        <Form.Item name="summary" label="意见采纳情况说明" rules={[{ required: true, message: '请填写说明' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="report-summary" />
        </Form.Item>
        <Form.Item name="finalTextUrl" label="定稿文本链接" extra="本站路径（以 / 开头）或 http(s) 网址，可不填">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ConsultationPage() {
  const { id = '' } = useParams();
  const q = useConsultation(id);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const [selected, setSelected] = useState<string[]>([]);
  const [answering, setAnswering] = useState<string[] | null>(null);
  const [reporting, setReporting] = useState(false);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const answers = new Map(d.answers.map((a) => [a.id, a]));
  const act = async (t: { id: string; label: string }) => {
    if (t.id === 'publishReport') return setReporting(true);
    try {
      const next = await api.post<ConsultationDetail>(`/api/consultations/${d.id}/transitions/${t.id}`, { expectedVersion: d.version, input: {} });
      qc.setQueryData(consultationKeys.detail(d.id), next);
      message.success(`${t.label}：已办理`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <PageTitle title={d.title} sub={<Link to="/consultations">← 公开征求意见</Link>} extra={<Tag data-testid="consultation-state">{d.stateLabel}</Tag>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="起草单位">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="征求意见期限">
            {d.startsOn} 至 {d.endsOn}（{d.days} 日，一般不少于 {d.minimumDays} 日）
          </Descriptions.Item>
          <Descriptions.Item label="意见">
            {d.comments} 条，未答复 {d.unanswered} 条
          </Descriptions.Item>
          {d.shortenedReason && (
            <Descriptions.Item label="缩短期限的说明" span={3}>
              {d.shortenedReason}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="门户网站" span={3}>
            <a href={`/portal/consultations/${d.id}`} target="_blank" rel="noreferrer">
              /portal/consultations/{d.id}
            </a>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {inGuidanceOrder(d.transitions, guidance).map((t) => (
            <StepButton key={t.id} guidance={guidance} id={t.id} testId={`step-${t.id}`} onClick={() => act(t)}>
              {t.label}
            </StepButton>
          ))}
          {d.abilities.answer && (
            <Button disabled={selected.length === 0} onClick={() => setAnswering(selected)} data-testid="answer-selected">
              答复所选意见（{selected.length}）
            </Button>
          )}
        </Space>
      </Card>

      {d.reportSummary && (
        <Card size="small" title="意见采纳情况（已公布）" style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.reportSummary}</Typography.Paragraph>
          <Typography.Text type="secondary">公布日期：{d.reportedOn}</Typography.Text>
          {d.finalTextUrl && (
            <div>
              <a href={d.finalTextUrl}>定稿文本</a>
            </div>
          )}
        </Card>
      )}

      <Card size="small" title="公众意见（按条款）" style={{ marginBottom: 16 }}>
        {d.groups.length === 0 && <Typography.Text type="secondary">尚未收到意见</Typography.Text>}
        {d.groups.map((g) => {
          const anchorText = d.anchors.find((a) => a.id === g.anchor)?.text;
          return (
            <div key={g.anchor} style={{ marginBottom: 16 }} data-testid={`group-${g.anchor}`}>
              <Space style={{ marginBottom: 4 }}>
                <Typography.Text strong>{g.label}</Typography.Text>
                {d.abilities.answer && (
                  <Button size="small" onClick={() => setAnswering(g.comments.map((c) => c.id))}>
                    整组答复（{g.comments.length}）
                  </Button>
                )}
              </Space>
              {anchorText && <Typography.Paragraph type="secondary">{anchorText}</Typography.Paragraph>}
              <List
                size="small"
                bordered
                dataSource={g.comments}
                renderItem={(c) => {
                  const a = c.answerId ? answers.get(c.answerId) : undefined;
                  return (
                    <List.Item
                      actions={
                        d.abilities.answer
                          ? [
                              <Button key="a" size="small" type="link" onClick={() => setAnswering([c.id])} data-testid={`answer-${c.number}`}>
                                {a ? '修改答复' : '答复'}
                              </Button>,
                            ]
                          : []
                      }
                    >
                      <Space direction="vertical" size={2} style={{ width: '100%' }}>
                        <Space wrap>
                          {d.abilities.answer && (
                            <Checkbox
                              checked={selected.includes(c.id)}
                              onChange={(e) => setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}
                            />
                          )}
                          <Typography.Text strong>意见 {c.number}</Typography.Text>
                          <Typography.Text type="secondary">{chinaTime(c.submittedAt)}</Typography.Text>
                          {(c.commenterName || c.commenterContact) && (
                            <Typography.Text type="secondary">（{[c.commenterName, c.commenterContact].filter(Boolean).join('，')}，不公开）</Typography.Text>
                          )}
                        </Space>
                        <Typography.Text>{c.text}</Typography.Text>
                        {a ? (
                          <Typography.Text>
                            <Tag color={a.outcome === 'adopted' ? 'success' : a.outcome === 'partlyAdopted' ? 'processing' : 'default'}>{a.outcomeLabel}</Tag>
                            {a.reason}
                          </Typography.Text>
                        ) : (
                          <Tag color="warning">未答复</Tag>
                        )}
                      </Space>
                    </List.Item>
                  );
                }}
              />
            </div>
          );
        })}
      </Card>

      <Card size="small" title="草案全文与记录">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.draftText}</Typography.Paragraph>
        <Link to={`/record/publicConsultation/${d.id}`}>全过程记录</Link>
      </Card>

      {answering && (
        <AnswerModal
          d={d}
          commentIds={answering}
          onClose={() => {
            setAnswering(null);
            setSelected([]);
          }}
        />
      )}
      {reporting && <ReportModal d={d} onClose={() => setReporting(false)} />}
    </>
  );
}

export default ConsultationPage;
