/**
 * 强制措施与期限 on the case page: the case's 查封、扣押 with their due dates (决定、延长、检测期间、解除或处理), the
 * 先行登记保存 items awaiting their 处理决定 (seven working days), the 实名举报人 notice of the filing decision and the
 * push of the penalty information to the party's registration place, and the 办案期限's further extension by collective
 * discussion. The buttons are the server's abilities (GET /api/cases/:id/measures); each act answers with the card's data.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TCaseMeasures } from '../../../../src/modules/cases/measure-routes';
import { api, ApiError } from '../../api/client';
import { keys } from '../../api/queries';
import { caseKeys, type CaseDetail } from './api';
import { DeadlineTag } from './parts';

type Measure = TCaseMeasures['measures'][number];
type Due = Measure['deadline'];
interface CaseFile {
  id: string;
  fileName: string;
  contentType: string;
}

type Dialog =
  | { kind: 'impose' }
  | { kind: 'extend'; m: Measure }
  | { kind: 'testing'; m: Measure }
  | { kind: 'end'; m: Measure }
  | { kind: 'preservation'; evidenceId: string; title: string }
  | { kind: 'reporter' }
  | { kind: 'push' }
  | { kind: 'discussion' };

const measureKeys = (id: string) => ['cases', 'measures', id] as const;
const DAY = 'YYYY-MM-DD';
const day = (d: Dayjs | undefined) => (d ? d.format(DAY) : undefined);

function DueTag({ d }: { d: Due }) {
  if (!d) return <Typography.Text type="secondary">—</Typography.Text>;
  if (d.status === 'open') return <DeadlineTag due={d.due} overdue={d.overdue} warning={d.warning} />;
  return <Tag color={d.status === 'met' ? 'green' : 'default'}>{d.status === 'met' ? `已完成（期限 ${d.due}）` : '已取消'}</Tag>;
}

export function MeasuresCard({ c, files, today }: { c: CaseDetail; files: readonly CaseFile[]; today: string }) {
  const q = useQuery({ queryKey: measureKeys(c.id), queryFn: () => api.get<TCaseMeasures>(`/api/cases/${encodeURIComponent(c.id)}/measures`) });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const data = q.data;
  if (q.error) return <Alert type="error" showIcon title="强制措施与期限加载失败" description={q.error.message} />;
  if (!data) return null;
  const a = data.abilities;
  const decision = c.deadlines.filter((d) => d.ruleId === 'penalty.decision').at(-1);
  const furtherExtension = c.abilities.extendDeadline && decision?.status === 'open' && decision.extended;
  const nothing = !data.measures.length && !data.preservations.length && !data.reporter && !data.push && !a.imposeMeasure && !furtherExtension;
  if (nothing) return null;

  return (
    <Card
      title="强制措施与期限"
      data-testid="case-measures"
      extra={
        <Space>
          {a.imposeMeasure && (
            <Button size="small" type="primary" data-testid="measure-impose" onClick={() => setDialog({ kind: 'impose' })}>
              决定查封、扣押
            </Button>
          )}
          {furtherExtension && (
            <Button size="small" data-testid="deadline-discussion" onClick={() => setDialog({ kind: 'discussion' })}>
              集体讨论继续延期
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Title level={5}>查封、扣押（《行政强制法》第二十四条—第二十八条）</Typography.Title>
      {data.measures.length ? (
        <List
          size="small"
          dataSource={data.measures}
          renderItem={(m) => (
            <List.Item
              data-testid={`measure-${m.id}`}
              actions={
                m.status === 'active'
                  ? [
                      a.extendMeasure && !m.extension && (
                        <Button key="x" size="small" onClick={() => setDialog({ kind: 'extend', m })}>
                          延长
                        </Button>
                      ),
                      a.recordMeasureTesting && (
                        <Button key="t" size="small" onClick={() => setDialog({ kind: 'testing', m })}>
                          检测期间
                        </Button>
                      ),
                      a.endMeasure && (
                        <Button key="e" size="small" danger onClick={() => setDialog({ kind: 'end', m })}>
                          解除或处理
                        </Button>
                      ),
                    ].filter(Boolean)
                  : []
              }
            >
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color="volcano">{m.kindLabel}</Tag>
                  <Typography.Text>{m.items.map((i) => `${i.name} ${i.quantity}`).join('；')}</Typography.Text>
                  {m.status === 'active' ? <DueTag d={m.deadline} /> : <Tag color="green">{m.status === 'released' ? '已解除' : '已处理'}</Tag>}
                  {m.extension && <Tag color="geekblue">已延长 {m.extension.days} 日</Tag>}
                </Space>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.imposedOn} 起，期限 {m.periodDays} 日，{m.place}；决定书 {m.decisionNumber ?? '—'}
                    {m.testing.length ? `；检测期间 ${m.testing.map((t) => `${t.from}至${t.to}`).join('、')}（不计入）` : ''}
                    {m.extension ? `；延长通知书 ${m.extension.number ?? '—'}` : ''}
                    {m.ended ? `；${m.ended.on} ${m.ended.groundLabel}${m.ended.number ? `（${m.ended.number}）` : ''}` : ''}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未采取查封、扣押措施" />
      )}

      {data.preservations.length > 0 && (
        <>
          <Typography.Title level={5}>先行登记保存（《行政处罚法》第五十六条：七日内作出处理决定）</Typography.Title>
          <List
            size="small"
            dataSource={data.preservations}
            renderItem={(p) => (
              <List.Item
                actions={
                  !p.decision && a.decidePreservation
                    ? [
                        <Button key="d" size="small" onClick={() => setDialog({ kind: 'preservation', evidenceId: p.evidenceId, title: p.title })}>
                          处理决定
                        </Button>,
                      ]
                    : []
                }
              >
                <Space wrap>
                  <Typography.Text>
                    {p.collectedOn} {p.title}
                  </Typography.Text>
                  <DueTag d={p.deadline} />
                  {p.decision && (
                    <Typography.Text type="secondary">
                      {p.decision.decidedOn} {p.decision.label}（{p.decision.number ?? '—'}）{p.decision.late && <Tag color="red">逾期作出</Tag>}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </>
      )}

      {data.reporter && (
        <>
          <Typography.Title level={5}>告知实名举报人（投诉举报处理暂行办法 第三十一条：五个工作日内）</Typography.Title>
          <Space wrap data-testid="case-reporter">
            <Typography.Text>
              举报人 {data.reporter.name}
              {data.reporter.phone ? `（${data.reporter.phone}）` : ''}
            </Typography.Text>
            <DueTag d={data.reporter.deadline} />
            {data.reporter.notices.map((n) => (
              <Tag key={`${n.notifiedOn}${n.method}`} color="green">
                {n.notifiedOn} {n.method}告知{n.decision === 'filed' ? '立案' : '不予立案'}
              </Tag>
            ))}
            {a.notifyReporter && data.reporter.deadline?.status === 'open' && (
              <Button size="small" data-testid="reporter-notify" onClick={() => setDialog({ kind: 'reporter' })}>
                登记告知
              </Button>
            )}
          </Space>
        </>
      )}

      {data.push && (
        <>
          <Typography.Title level={5}>推送至当事人登记地（行政处罚信息公示规定 第十条：十个工作日内）</Typography.Title>
          <Space wrap data-testid="case-push">
            <DueTag d={data.push.deadline} />
            {data.push.done && (
              <Typography.Text type="secondary">
                {data.push.done.pushedOn} 经{data.push.done.via}推送至{data.push.done.recipient}
              </Typography.Text>
            )}
            {a.recordPublicityPush && data.push.deadline?.status === 'open' && (
              <Button size="small" data-testid="push-record" onClick={() => setDialog({ kind: 'push' })}>
                登记推送
              </Button>
            )}
          </Space>
        </>
      )}

      {dialog && <MeasureDialog dialog={dialog} c={c} data={data} files={files} today={today} onClose={() => setDialog(null)} />}
    </Card>
  );
}

/** One form per act; what the server refuses is shown in the dialog and nothing is changed. */
function MeasureDialog({
  dialog,
  c,
  data,
  files,
  today,
  onClose,
}: {
  dialog: Dialog;
  c: CaseDetail;
  data: TCaseMeasures;
  files: readonly CaseFile[];
  today: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/cases/${encodeURIComponent(c.id)}`;
  const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(today), 'day');
  const dateItem = (name: string, label: string, future = false) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]} initialValue={dayjs(today)}>
      <DatePicker allowClear={false} disabledDate={future ? undefined : notAfterToday} />
    </Form.Item>
  );
  const text = (name: string, label: string, area = false, required = true) => (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      {area ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} /> : <Input maxLength={200} />}
    </Form.Item>
  );
  const approver = (
    <Form.Item name="approvedBy" label="批准的负责人" rules={[{ required: true, message: '请选择批准的负责人' }]} initialValue={data.approvers[0]?.id}>
      <Select options={data.approvers.map((x) => ({ value: x.id, label: x.name }))} />
    </Form.Item>
  );
  const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

  const titles: Record<Dialog['kind'], string> = {
    impose: '决定查封、扣押',
    extend: '延长查封、扣押期限',
    testing: '登记检测、检验、检疫或者技术鉴定期间',
    end: '解除查封、扣押或作出处理决定',
    preservation: '先行登记保存证据处理决定',
    reporter: '告知举报人是否立案',
    push: '推送行政处罚信息至当事人登记地',
    discussion: '集体讨论决定继续延长办案期限',
  };

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      switch (dialog.kind) {
        case 'impose':
          await api.post(`${base}/measures`, {
            kind: v.kind,
            reason: v.reason,
            basis: v.basis,
            items: v.items,
            place: v.place,
            imposedOn: day(v.imposedOn),
            periodDays: v.periodDays,
            approvedBy: v.approvedBy,
            officerIds: v.officerIds,
            fileIds: v.fileIds ?? [],
          });
          break;
        case 'extend':
          await api.post(`${base}/measures/${dialog.m.id}/extend`, { extendedOn: day(v.extendedOn), days: v.days, reason: v.reason });
          break;
        case 'testing':
          await api.post(`${base}/measures/${dialog.m.id}/testing`, { from: day(v.period[0]), to: day(v.period[1]), reason: v.reason });
          break;
        case 'end':
          await api.post(`${base}/measures/${dialog.m.id}/end`, {
            endedOn: day(v.endedOn),
            kind: v.kind,
            ground: v.ground,
            reason: v.reason,
            approvedBy: v.approvedBy,
          });
          break;
        case 'preservation':
          await api.post(`${base}/evidence/${dialog.evidenceId}/preservation-decision`, { decidedOn: day(v.decidedOn), decision: v.decision, note: v.note });
          break;
        case 'reporter':
          await api.post(`${base}/reporter-notices`, { notifiedOn: day(v.notifiedOn), method: v.method, note: v.note || null });
          break;
        case 'push':
          await api.post(`${base}/publicity-push`, { pushedOn: day(v.pushedOn), via: v.via, recipient: v.recipient, note: v.note || null });
          break;
        case 'discussion':
          await api.post(`${base}/deadlines/extend`, {
            ruleId: 'penalty.decision',
            reason: v.reason,
            discussion: { heldOn: day(v.heldOn), chair: v.chair, attendees: v.attendees, minutes: v.minutes, extendTo: day(v.extendTo) },
          });
          break;
      }
      await Promise.all([
        qc.invalidateQueries({ queryKey: measureKeys(c.id) }),
        qc.invalidateQueries({ queryKey: caseKeys.detail(c.id) }),
        qc.invalidateQueries({ queryKey: keys.matter('case', c.id) }),
      ]);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const kind = Form.useWatch('kind', form);
  return (
    <Modal open title={titles[dialog.kind]} onCancel={onClose} onOk={submit} confirmLoading={busy} okText="提交" width={640} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {'m' in dialog && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="措施">
            {dialog.m.kindLabel} {dialog.m.items.map((i) => i.name).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="期限">{dialog.m.deadline?.due ?? '—'}</Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical">
        {dialog.kind === 'impose' && (
          <>
            <Form.Item name="kind" label="措施" initialValue="seize" rules={[{ required: true }]}>
              <Radio.Group options={opts(data.vocabulary.kinds)} />
            </Form.Item>
            {text('reason', '理由', true)}
            {text('basis', '依据（法律、法规条文）')}
            <Form.List name="items" initialValue={[{ name: '', quantity: '' }]}>
              {(rows, { add, remove }) => (
                <Form.Item label="场所、设施或者财物（清单）" required>
                  {rows.map((r) => (
                    <Space key={r.key} align="baseline">
                      <Form.Item name={[r.name, 'name']} rules={[{ required: true, message: '名称' }]}>
                        <Input placeholder="名称" />
                      </Form.Item>
                      <Form.Item name={[r.name, 'quantity']} rules={[{ required: true, message: '数量' }]}>
                        <Input placeholder="数量" style={{ width: 100 }} />
                      </Form.Item>
                      <Form.Item name={[r.name, 'note']}>
                        <Input placeholder="备注" />
                      </Form.Item>
                      {rows.length > 1 && <MinusCircleOutlined onClick={() => remove(r.name)} />}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', quantity: '' })}>
                    添加一项
                  </Button>
                </Form.Item>
              )}
            </Form.List>
            {text('place', '地点')}
            {dateItem('imposedOn', '实施日期')}
            <Form.Item name="periodDays" label="期限（日，不超过三十日）" initialValue={30} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} precision={0} />
            </Form.Item>
            {approver}
            <Form.Item
              name="officerIds"
              label="执法人员（两名以上，持证）"
              initialValue={c.investigatorIds}
              rules={[{ required: true, message: '请选择执法人员' }]}
            >
              <Select mode="multiple" options={c.investigators.map((x) => ({ value: x.id, label: x.name }))} />
            </Form.Item>
            <Form.Item name="fileIds" label="音像记录（音频或视频文件）" rules={[{ required: true, message: '查封、扣押须附音像记录' }]}>
              <Select
                mode="multiple"
                options={files.filter((f) => /^(video|audio)\//.test(f.contentType)).map((f) => ({ value: f.id, label: f.fileName }))}
                notFoundContent="本案尚无音像记录，请先在证据中上传"
              />
            </Form.Item>
          </>
        )}
        {dialog.kind === 'extend' && (
          <>
            {dateItem('extendedOn', '批准日期')}
            <Form.Item name="days" label="延长日数（不超过三十日）" initialValue={30} rules={[{ required: true }]}>
              <InputNumber min={1} max={30} precision={0} />
            </Form.Item>
            {text('reason', '延长的理由（情况复杂）', true)}
          </>
        )}
        {dialog.kind === 'testing' && (
          <>
            <Form.Item name="period" label="检测、检验、检疫或者技术鉴定期间" rules={[{ required: true, message: '请填写期间' }]}>
              <DatePicker.RangePicker />
            </Form.Item>
            {text('reason', '事项（如：送检验）')}
          </>
        )}
        {dialog.kind === 'end' && (
          <>
            <Form.Item name="kind" label="方式" initialValue="release" rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'release', label: '解除（第二十八条）' },
                  { value: 'dispose', label: '作出处理决定（第二十七条）' },
                ]}
              />
            </Form.Item>
            <Form.Item name="ground" label={kind === 'dispose' ? '处理决定' : '解除的情形'} rules={[{ required: true, message: '请选择' }]}>
              <Select options={opts(kind === 'dispose' ? data.vocabulary.disposalGrounds : data.vocabulary.releaseGrounds)} />
            </Form.Item>
            {text('reason', '理由', true)}
            {dateItem('endedOn', '日期')}
            {approver}
          </>
        )}
        {dialog.kind === 'preservation' && (
          <>
            <Typography.Paragraph>{dialog.title}</Typography.Paragraph>
            <Form.Item name="decision" label="处理决定" rules={[{ required: true, message: '请选择处理决定' }]}>
              <Select options={opts(data.vocabulary.preservationDecisions)} />
            </Form.Item>
            {text('note', '说明', true)}
            {dateItem('decidedOn', '决定日期')}
          </>
        )}
        {dialog.kind === 'reporter' && (
          <>
            {dateItem('notifiedOn', '告知日期')}
            {text('method', '告知方式（电话、书面、短信等）')}
            {text('note', '备注', true, false)}
          </>
        )}
        {dialog.kind === 'push' && (
          <>
            {dateItem('pushedOn', '推送日期')}
            {text('via', '经由（本省市场监督管理部门）')}
            {text('recipient', '接收的登记地（住所地）市场监督管理部门')}
            {text('note', '备注', true, false)}
          </>
        )}
        {dialog.kind === 'discussion' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="办案期限已经负责人批准延长；再次延长须负责人集体讨论决定，并确定延长的期限（《市场监督管理行政处罚程序规定》第六十四条）"
            />
            {dateItem('heldOn', '讨论日期')}
            {text('chair', '主持人')}
            <Form.Item
              name="attendees"
              label="参加的负责人"
              rules={[{ required: true, message: '请填写参加人' }]}
              getValueFromEvent={(v: string[]) => v.map((name) => ({ name }))}
              getValueProps={(v?: { name: string }[]) => ({ value: (v ?? []).map((x) => x.name) })}
            >
              <Select mode="tags" placeholder="输入姓名后回车" />
            </Form.Item>
            {text('minutes', '讨论记录', true)}
            {text('reason', '延期理由', true)}
            {dateItem('extendTo', '延长至', true)}
          </>
        )}
      </Form>
    </Modal>
  );
}
