/**
 * One fair-competition review: the measure, 下一步, the conclusion form (each item of 第八条–第十一条 quoted with
 * "含有" to tick and a note; the 第十二条 exceptions with their detailed justification, the absence of a less
 * restrictive alternative and the period; the stakeholders heard, 第十六条; the reason), the joint review's units and
 * opinions, and what was concluded.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { applyServerError } from '../../lib/forms';
import { type Checklist, fcKeys, type ReviewDetail, useChecklist, useReview } from './api';

const CONCLUSIONS = ['approve', 'requireAmendment', 'refuse'];

function StepForm({ d, t, checklist, onClose }: { d: ReviewDetail; t: { id: string; label: string }; checklist: Checklist; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const conclusion = CONCLUSIONS.includes(t.id);
  const submit = async (v: Record<string, unknown>) => {
    let input: Record<string, unknown> = v;
    if (conclusion) {
      const contains = (v.contains ?? {}) as Record<string, boolean>;
      const notes = (v.notes ?? {}) as Record<string, string>;
      input = {
        prohibitionChecks: checklist.items.map((i) => ({ item: i.id, contains: !!contains[i.id], ...(notes[i.id] ? { note: notes[i.id] } : {}) })),
        article12Exceptions: ((v.article12Exceptions as Record<string, unknown>[] | undefined) ?? []).map((e) => ({
          ...e,
          noLessRestrictiveAlternative: !!e.noLessRestrictiveAlternative,
        })),
        stakeholderViews: v.stakeholderViews,
        reason: v.reason,
      };
    }
    try {
      const next = await api.post<ReviewDetail>(`/api/fair-competition/reviews/${d.id}/transitions/${t.id}`, { expectedVersion: d.version, input });
      qc.setQueryData(fcKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: fcKeys.all });
      message.success(`${t.label}：已办理`);
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title={t.label}
      okText="确认办理"
      cancelText="取消"
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={conclusion ? 980 : 640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="fc-problem" />}
      <Form form={form} layout="vertical">
        {t.id === 'startJointReview' && (
          <>
            <Form.Item name="jointUnits" label="会审单位" rules={[{ required: true, message: '请填写会审单位' }]}>
              <Select mode="tags" open={false} placeholder="输入单位名称后回车" />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input.TextArea autoSize />
            </Form.Item>
          </>
        )}
        {t.id === 'recordJointOpinion' && (
          <>
            <Form.Item name="jointUnit" label="会审单位" rules={[{ required: true }]}>
              <Select options={d.jointUnits.map((u) => ({ value: u.name, label: `${u.name}${u.opinion ? '（已提出意见）' : ''}` }))} />
            </Form.Item>
            <Form.Item name="jointOpinion" label="会审意见" rules={[{ required: true, message: '请填写意见' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
        {t.id === 'resubmit' && (
          <>
            <Form.Item name="amendedText" label="修改后的政策措施文本" initialValue={d.measureText} rules={[{ required: true }]}>
              <Input.TextArea autoSize={{ minRows: 6 }} />
            </Form.Item>
            <Form.Item name="note" label="修改说明" rules={[{ required: true, message: '请填写修改说明' }]}>
              <Input.TextArea autoSize />
            </Form.Item>
          </>
        )}
        {conclusion && (
          <>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={checklist.items}
              style={{ marginBottom: 16 }}
              columns={[
                { title: '依据', dataIndex: 'basis', width: 110, render: (b: string) => b.split('#')[1] },
                { title: '不得含有的内容', dataIndex: 'text' },
                {
                  title: '含有',
                  key: 'contains',
                  width: 60,
                  render: (_: unknown, i: { id: string }) => (
                    <Form.Item name={['contains', i.id]} valuePropName="checked" noStyle>
                      <Checkbox data-testid={`contains-${i.id}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '说明',
                  key: 'note',
                  width: 220,
                  render: (_: unknown, i: { id: string }) => (
                    <Form.Item name={['notes', i.id]} noStyle>
                      <Input size="small" />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Form.Item label="适用第十二条的情形（含有上述内容而拟出台的，须逐项说明）">
              <Form.List name="article12Exceptions">
                {(list, { add, remove }) => (
                  <>
                    {list.map((r) => (
                      <Space key={r.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
                        <Form.Item name={[r.name, 'ground']} label="情形" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                          <Select style={{ width: 260 }} options={checklist.exceptionGrounds.map((g) => ({ value: g.id, label: g.label }))} />
                        </Form.Item>
                        <Form.Item name={[r.name, 'justification']} label="详细说明（第十七条第二款）" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                          <Input.TextArea autoSize style={{ width: 300 }} />
                        </Form.Item>
                        <Form.Item
                          name={[r.name, 'noLessRestrictiveAlternative']}
                          label="无影响更小的替代方案"
                          valuePropName="checked"
                          style={{ marginBottom: 0 }}
                        >
                          <Checkbox />
                        </Form.Item>
                        <Form.Item name={[r.name, 'period']} label="实施期限或终止条件" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                          <Input style={{ width: 160 }} />
                        </Form.Item>
                        <MinusCircleOutlined onClick={() => remove(r.name)} aria-label="删除" />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ noLessRestrictiveAlternative: false })}>
                      增加一项
                    </Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item name="stakeholderViews" label="听取利害关系人意见的情况（第十六条）" rules={[{ required: true, message: '请填写' }]}>
              <Input.TextArea autoSize />
            </Form.Item>
            <Form.Item name="reason" label="审查结论的理由" rules={[{ required: true, message: '请填写理由' }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const q = useReview(id);
  const checklist = useChecklist().data;
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const [acting, setActing] = useState<{ id: string; label: string } | null>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const itemText = new Map(checklist?.items.map((i) => [i.id, `${i.basis.split('#')[1]} ${i.text}`]));
  return (
    <>
      <PageTitle title={d.title} sub={<Link to="/fair-competition">← 公平竞争审查</Link>} extra={<Tag data-testid="fc-state">{d.stateLabel}</Tag>} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="起草单位">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="结论">{d.conclusionLabel ?? '尚未作出'}</Descriptions.Item>
          <Descriptions.Item label="结论日期">{d.concludedOn ?? ''}</Descriptions.Item>
          <Descriptions.Item label="政策措施文本" span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{d.measureText}</Typography.Paragraph>
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
      {d.joint && (
        <Card size="small" title="会审" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={d.jointUnits}
            columns={[
              { title: '会审单位', dataIndex: 'name', width: 200 },
              { title: '意见', dataIndex: 'opinion', render: (o: string | null) => o ?? <Tag color="warning">未提出</Tag> },
            ]}
          />
        </Card>
      )}
      {d.conclusion && (
        <Card size="small" title="审查情况" style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="所含禁止内容">
              {(d.checklist ?? [])
                .filter((c) => c.contains)
                .map((c) => (
                  <div key={c.item}>
                    {itemText.get(c.item) ?? c.item}
                    {c.note ? `（${c.note}）` : ''}
                  </div>
                ))}
              {(d.checklist ?? []).every((c) => !c.contains) && '未发现第八条至第十一条所列内容'}
            </Descriptions.Item>
            {d.exceptions.map((e) => (
              <Descriptions.Item key={e.ground} label="适用第十二条">
                {e.groundLabel}：{e.justification}（实施期限：{e.period}）
              </Descriptions.Item>
            ))}
            <Descriptions.Item label="听取意见（第十六条）">{d.stakeholderViews}</Descriptions.Item>
            <Descriptions.Item label="理由">{d.conclusionReason}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Link to={`/record/fairCompetitionReview/${d.id}`}>全过程记录</Link>
      {acting && checklist && <StepForm d={d} t={acting} checklist={checklist} onClose={() => setActing(null)} />}
    </>
  );
}

export default ReviewPage;
