/**
 * One 投诉 or 举报: the facts and the respondent, 下一步 (受理 / 不予受理 within 7 working days, 调解 records, 达成调解协议
 * with its 调解书, 终止调解 and its notice; 转为案件线索 for a report), the deadlines, the lead found in mediation
 * (第二十三条), the group handled together, the instruments, and the person who filed — hidden until a handler asks
 * (a supervisor or administrator with a reason); every reveal is an access-log row.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  complaintCategories,
  leadOutcomes,
  mediationModes,
  noDocumentReasons,
  noticeMethods,
  rejectionGrounds,
  reportClosingGrounds,
  terminationGrounds,
} from '../../../../src/domain/complaints/rules';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { inGuidanceOrder, NextStepBanner, StepButton, useGuidance } from '../../components/NextStep';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { type ComplaintDetail, complaintKeys, useComplaint } from './api';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));

/** The fields each step asks for (none of them a person's identity). */
function StepFields({ id }: { id: string }) {
  switch (id) {
    case 'accept':
      return (
        <Form.Item name="noticeMethod" label="告知投诉人的方式" initialValue="portal">
          <Select options={options(noticeMethods)} />
        </Form.Item>
      );
    case 'reject':
      return (
        <>
          <Form.Item name="ground" label="不予受理的理由（第十五条）" rules={[{ required: true, message: '请选择理由' }]}>
            <Select options={options(rejectionGrounds)} />
          </Form.Item>
          <Form.Item name="reason" label="具体理由" rules={[{ required: true, message: '请填写具体理由' }]}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item name="noticeMethod" label="告知投诉人的方式" initialValue="portal">
            <Select options={options(noticeMethods)} />
          </Form.Item>
        </>
      );
    case 'recordAgreement':
      return (
        <>
          <Form.Item name="mode" label="调解方式" initialValue="onSite" rules={[{ required: true }]}>
            <Radio.Group options={options(mediationModes)} />
          </Form.Item>
          <Form.Item name="content" label="调解协议内容" rules={[{ required: true, message: '请填写调解协议内容' }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="makeDocument" label="制作调解书（第二十二条）" initialValue>
            <Radio.Group
              options={[
                { value: true, label: '制作调解书' },
                { value: false, label: '不制作' },
              ]}
            />
          </Form.Item>
          <Form.Item name="noDocumentReason" label="不制作调解书的理由">
            <Select allowClear options={options(noDocumentReasons)} />
          </Form.Item>
        </>
      );
    case 'terminate':
      return (
        <>
          <Form.Item name="ground" label="终止调解的情形（第二十一条）" rules={[{ required: true, message: '请选择情形' }]}>
            <Select options={options(terminationGrounds)} />
          </Form.Item>
          <Form.Item name="reason" label="具体理由" rules={[{ required: true, message: '请填写具体理由' }]}>
            <Input.TextArea autoSize />
          </Form.Item>
        </>
      );
    case 'notifyTermination':
      return (
        <Form.Item name="method" label="告知方式" initialValue="letter" rules={[{ required: true }]}>
          <Select options={options(noticeMethods)} />
        </Form.Item>
      );
    case 'openLead':
      return (
        <>
          <Form.Item name="field" label="执法领域" extra="不选则按事项类别">
            <Select allowClear options={options(complaintCategories)} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea autoSize />
          </Form.Item>
        </>
      );
    case 'close':
      return (
        <>
          <Form.Item name="ground" label="不予处理的理由" rules={[{ required: true, message: '请选择理由' }]}>
            <Select options={options(reportClosingGrounds)} />
          </Form.Item>
          <Form.Item name="reason" label="具体理由" rules={[{ required: true, message: '请填写具体理由' }]}>
            <Input.TextArea autoSize />
          </Form.Item>
          <Form.Item name="method" label="告知举报人的方式">
            <Select allowClear options={options(noticeMethods)} />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

/** A modal form posting to `url`; the answer is the updated complaint. */
function ActModal({
  d,
  title,
  url,
  body,
  children,
  onClose,
}: {
  d: ComplaintDetail;
  title: string;
  url: string;
  body: (v: Record<string, any>) => unknown;
  children: React.ReactNode;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (v: Record<string, any>) => {
    try {
      const next = await api.post<ComplaintDetail>(url, body(v));
      if ((next as { id?: string }).id === d.id) qc.setQueryData(complaintKeys.detail(d.id), next);
      qc.invalidateQueries({ queryKey: complaintKeys.all });
      message.success(`${title}：已办理`);
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title={title}
      okText="确定"
      cancelText="取消"
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="act-problem" />}
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

function PersonCard({ d }: { d: ComplaintDetail }) {
  const [person, setPerson] = useState<{ name: string; phone: string | null; address: string | null } | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const who = d.kind === 'report' ? '举报人' : '投诉人';
  if (d.anonymous) return <Typography.Text type="secondary">匿名举报，未记录举报人信息</Typography.Text>;
  if (!d.personGiven) return <Typography.Text type="secondary">未记录</Typography.Text>;
  if (d.abilities.person === 'none') return <Typography.Text type="secondary">{who}身份信息保密，仅向承办人员提供（第三十三条）</Typography.Text>;
  const reveal = async () => {
    try {
      setPerson(await api.get(`/api/complaints/${d.id}/person${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`));
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };
  if (person)
    return (
      <Descriptions size="small" column={3} data-testid="person">
        <Descriptions.Item label="姓名">{person.name}</Descriptions.Item>
        <Descriptions.Item label="电话">{person.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="地址">{person.address ?? '—'}</Descriptions.Item>
      </Descriptions>
    );
  return (
    <Space wrap>
      {d.abilities.person === 'reason' && (
        <Input placeholder="查看理由（必填）" value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: 240 }} />
      )}
      <Button onClick={reveal} data-testid="reveal-person">
        查看{who}身份信息（记入访问日志）
      </Button>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
    </Space>
  );
}

type Dialog =
  | { kind: 'step'; id: string; label: string }
  | { kind: 'mediation' }
  | { kind: 'lead' }
  | { kind: 'verify' }
  | { kind: 'assign' }
  | { kind: 'groupAccept' }
  | null;

export function ComplaintPage() {
  const { id = '' } = useParams();
  const q = useComplaint(id);
  const d = q.data;
  const guidance = useGuidance(id, d?.version).data;
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  if (!d) return null;
  const close = () => setDialog(null);
  const groupReceived = d.group.filter((g) => g.kind === 'complaint' && g.state === 'received').length;
  return (
    <>
      <PageTitle
        title={`${d.kindLabel}：${d.respondentName}`}
        sub={<Link to="/complaints">← 投诉举报</Link>}
        extra={<Tag data-testid="complaint-state">{d.stateLabel}</Tag>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="收到日期">{d.receivedOn}</Descriptions.Item>
          <Descriptions.Item label="来源渠道">
            {d.channelLabel}
            {d.externalNo ? `（${d.externalNo}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="查询码">{d.queryCode}</Descriptions.Item>
          <Descriptions.Item label="承办机构">{d.orgName}</Descriptions.Item>
          <Descriptions.Item label="事项类别">{d.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label="被投诉（举报）人">
            {d.respondentName}
            {d.respondentUscc ? `（${d.respondentUscc}）` : ''}
            {d.respondentAddress ? `，${d.respondentAddress}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="事实与线索" span={3}>
            {d.summary}
          </Descriptions.Item>
          {d.request && (
            <Descriptions.Item label="投诉请求" span={3}>
              {d.request}
            </Descriptions.Item>
          )}
          {d.rejectionGroundLabel && (
            <Descriptions.Item label={d.kind === 'report' ? '不予处理' : '不予受理'} span={3}>
              {d.rejectionGroundLabel}：{d.decisionReason}
            </Descriptions.Item>
          )}
          {d.terminationGroundLabel && (
            <Descriptions.Item label="终止调解" span={3}>
              {d.terminationGroundLabel}：{d.terminationReason}
            </Descriptions.Item>
          )}
          {d.agreement && (
            <Descriptions.Item label="调解协议" span={3}>
              {d.agreement.reachedOn}：{d.agreement.content}
              {d.agreement.number ? `（调解书 ${d.agreement.number}）` : ''}
            </Descriptions.Item>
          )}
          {d.caseId && (
            <Descriptions.Item label="案件线索" span={3}>
              <Link to={`/cases/${d.caseId}`}>查看案件</Link>
            </Descriptions.Item>
          )}
          {d.siblingId && (
            <Descriptions.Item label="同时提出（第七条）" span={3}>
              <Link to={`/complaints/${d.siblingId}`}>{d.kind === 'report' ? '对应的投诉' : '对应的举报'}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Card size="small" title="办理" style={{ marginBottom: 16 }}>
        <NextStepBanner guidance={guidance} />
        <Space wrap>
          {inGuidanceOrder(d.transitions, guidance).map((t) => (
            <StepButton key={t.id} guidance={guidance} id={t.id} testId={`step-${t.id}`} onClick={() => setDialog({ kind: 'step', id: t.id, label: t.label })}>
              {t.label}
            </StepButton>
          ))}
          {d.abilities.handle && d.state === 'received' && <Button onClick={() => setDialog({ kind: 'assign' })}>分送</Button>}
          {d.abilities.handle && d.state === 'accepted' && <Button onClick={() => setDialog({ kind: 'mediation' })}>记录调解</Button>}
          {d.abilities.handle && d.kind === 'complaint' && d.state !== 'received' && d.state !== 'rejected' && (!d.lead || d.lead.verifiedOn) && (
            <Button onClick={() => setDialog({ kind: 'lead' })}>登记发现的违法线索</Button>
          )}
          {d.abilities.handle && d.lead && !d.lead.verifiedOn && <Button onClick={() => setDialog({ kind: 'verify' })}>核查线索</Button>}
          {d.abilities.handle && groupReceived > 1 && <Button onClick={() => setDialog({ kind: 'groupAccept' })}>同组一并受理（{groupReceived} 件）</Button>}
        </Space>
      </Card>

      <Card size="small" title={d.kind === 'report' ? '举报人' : '投诉人'} style={{ marginBottom: 16 }}>
        <PersonCard d={d} />
      </Card>

      <Card size="small" title="期限" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.deadlines}
          columns={[
            { title: '期限', dataIndex: 'label' },
            { title: '起算', dataIndex: 'start', width: 110 },
            { title: '届满', dataIndex: 'due', width: 110 },
            {
              title: '状态',
              key: 's',
              width: 120,
              render: (_: unknown, r: ComplaintDetail['deadlines'][number]) =>
                r.status === 'met' ? (
                  <Tag color="success">已办理</Tag>
                ) : r.overdue ? (
                  <Tag color="error">已逾期</Tag>
                ) : r.status === 'open' ? (
                  <Tag>进行中</Tag>
                ) : (
                  <Tag>{r.status}</Tag>
                ),
            },
          ]}
        />
      </Card>

      {d.mediations.length > 0 && (
        <Card size="small" title="调解记录" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={d.mediations}
            renderItem={(m) => (
              <List.Item>
                {m.heldOn} {m.modeLabel}（{m.mediators.join('、')}）：{m.summary}
              </List.Item>
            )}
          />
        </Card>
      )}

      {d.lead && (
        <Card size="small" title="调解中发现的违法线索（第二十三条）" style={{ marginBottom: 16 }}>
          {d.lead.foundOn} 发现：{d.lead.description}
          {d.lead.verifiedOn && `；${d.lead.verifiedOn} 核查：${leadOutcomes[d.lead.outcome as keyof typeof leadOutcomes] ?? d.lead.outcome}`}
          {d.lead.caseId && (
            <>
              {' '}
              <Link to={`/cases/${d.lead.caseId}`}>查看案件</Link>
            </>
          )}
        </Card>
      )}

      {d.group.length > 1 && (
        <Card size="small" title="同组（同一被投诉人、同一事项）" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={d.group}
            renderItem={(g) => (
              <List.Item>
                <Link to={`/complaints/${g.id}`}>{g.receivedOn}</Link> {g.stateLabel}
              </List.Item>
            )}
          />
        </Card>
      )}

      {(d.instruments.length > 0 || d.attachments.length > 0) && (
        <Card size="small" title="文书与附件" style={{ marginBottom: 16 }}>
          <List
            size="small"
            dataSource={[
              ...d.instruments.map((i) => ({ key: i.id, node: <Link to={`/instruments/${i.id}`}>{`${i.title} ${i.number}`}</Link> })),
              ...d.attachments.map((a) => ({ key: a.id, node: <a href={`/api/complaints/${d.id}/attachments/${a.id}`}>{`附件：${a.fileName}`}</a> })),
            ]}
            renderItem={(x) => <List.Item key={x.key}>{x.node}</List.Item>}
          />
        </Card>
      )}

      <Typography.Text type="secondary">
        <Link to={`/record/${d.kind}/${d.id}`}>全过程记录</Link>
      </Typography.Text>

      {dialog?.kind === 'step' && (
        <ActModal
          d={d}
          title={dialog.label}
          url={`/api/complaints/${d.id}/transitions/${dialog.id}`}
          body={(v) => ({ expectedVersion: d.version, input: Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) })}
          onClose={close}
        >
          <StepFields id={dialog.id} />
        </ActModal>
      )}
      {dialog?.kind === 'mediation' && (
        <ActModal
          d={d}
          title="记录调解"
          url={`/api/complaints/${d.id}/mediations`}
          body={(v) => ({
            heldOn: v.heldOn,
            mode: v.mode,
            mediators: String(v.mediators)
              .split(/[，,、\s]+/)
              .filter(Boolean),
            summary: v.summary,
          })}
          onClose={close}
        >
          <Form.Item name="heldOn" label="调解日期（YYYY-MM-DD）" initialValue={chinaToday()} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="mode" label="调解方式" initialValue="onSite">
            <Radio.Group options={options(mediationModes)} />
          </Form.Item>
          <Form.Item name="mediators" label="调解人员（以顿号分隔）" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="summary" label="调解情况" rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
        </ActModal>
      )}
      {dialog?.kind === 'lead' && (
        <ActModal d={d} title="登记调解中发现的违法线索" url={`/api/complaints/${d.id}/lead`} body={(v) => v} onClose={close}>
          <Form.Item name="foundOn" label="发现日期（YYYY-MM-DD）" initialValue={chinaToday()} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label="涉嫌违法线索" rules={[{ required: true }]}>
            <Input.TextArea autoSize />
          </Form.Item>
        </ActModal>
      )}
      {dialog?.kind === 'verify' && (
        <ActModal d={d} title="核查线索" url={`/api/complaints/${d.id}/lead/verify`} body={(v) => v} onClose={close}>
          <Form.Item name="verifiedOn" label="核查日期（YYYY-MM-DD）" initialValue={chinaToday()} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="outcome" label="核查结果" initialValue="caseOpened">
            <Radio.Group options={options(leadOutcomes)} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input.TextArea autoSize />
          </Form.Item>
        </ActModal>
      )}
      {dialog?.kind === 'assign' && (
        <ActModal d={d} title="分送（第三十七条）" url={`/api/complaints/${d.id}/assign`} body={(v) => v} onClose={close}>
          <Form.Item name="orgId" label="承办机构" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input />
          </Form.Item>
        </ActModal>
      )}
      {dialog?.kind === 'groupAccept' && (
        <ActModal d={d} title="同组一并受理" url={`/api/complaints/groups/${d.groupId}/transitions/accept`} body={(v) => ({ input: v })} onClose={close}>
          <StepFields id="accept" />
        </ActModal>
      )}
    </>
  );
}

export default ComplaintPage;
