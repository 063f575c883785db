/**
 * 投诉举报: the complaints and reports of the caller's units — kind, channel, respondent, state, the nearest deadline
 * (overdue in red), the group size — filtered by kind, state and overdue; staff intake (电话、窗口、信件), the import of
 * the 12315 platform's export with its row-level report, and the export (.csv, without any complainant or reporter).
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Radio, Select, Space, Table, Tag, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { complaintCategories, complaintChannels } from '../../../../src/domain/complaints/rules';
import { api, uploadRaw } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { type ComplaintItem, complaintKeys, useComplaints } from './api';

const staffChannels = { phone: complaintChannels.phone, walkIn: complaintChannels.walkIn, letter: complaintChannels.letter };

function IntakeModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const anonymous = Form.useWatch('anonymous', form);
  const submit = async (v: Record<string, any>) => {
    try {
      const r = await api.post<{ items: { id: string; kindLabel: string; queryCode: string }[] }>('/api/complaints', {
        kind: v.kind,
        channel: v.channel,
        ...(v.orgId ? { orgId: v.orgId } : {}),
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        respondent: { name: v.respondentName, uscc: v.respondentUscc || null, address: v.respondentAddress || null },
        category: v.category,
        summary: v.summary,
        request: v.request || null,
        anonymous: !!v.anonymous,
        person: v.anonymous ? null : { name: v.name, phone: v.phone || null, address: v.address || null },
      });
      message.success(`已登记：${r.items.map((i) => `${i.kindLabel}（查询码 ${i.queryCode}）`).join('、')}`);
      qc.invalidateQueries({ queryKey: complaintKeys.all });
      navigate(`/complaints/${r.items[0].id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    }
  };
  return (
    <Modal
      open
      title="登记投诉举报"
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={760}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="intake-problem" />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'complaint', channel: 'phone', receivedOn: dayjs(chinaToday()), category: 'consumerProtection' }}
      >
        <Space wrap>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'complaint', label: '投诉' },
                { value: 'report', label: '举报' },
                { value: 'both', label: '投诉和举报（分别处理）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={Object.entries(staffChannels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="orgId" label="承办机构" extra="不选则为本人所在单位">
            <OrgTreeSelect allowClear style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="respondentName" label="被投诉（举报）人" rules={[{ required: true, message: '请填写被投诉（举报）人' }]}>
            <Input style={{ width: 260 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="respondentUscc" label="统一社会信用代码">
            <Input style={{ width: 200 }} maxLength={30} />
          </Form.Item>
          <Form.Item name="respondentAddress" label="地址">
            <Input style={{ width: 220 }} maxLength={300} />
          </Form.Item>
        </Space>
        <Form.Item name="category" label="事项类别" rules={[{ required: true }]}>
          <Select style={{ width: 200 }} options={Object.entries(complaintCategories).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="summary" label="事实与线索" rules={[{ required: true, message: '请记录事实或线索' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
        {kind !== 'report' && (
          <Form.Item name="request" label="投诉请求">
            <Input.TextArea autoSize maxLength={2000} />
          </Form.Item>
        )}
        {kind === 'report' && (
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>匿名举报（不记录举报人信息）</Checkbox>
          </Form.Item>
        )}
        {!(kind === 'report' && anonymous) && (
          <Space wrap>
            <Form.Item name="name" label={kind === 'report' ? '举报人姓名' : '投诉人姓名'} rules={[{ required: true, message: '请填写姓名' }]}>
              <Input style={{ width: 160 }} maxLength={50} />
            </Form.Item>
            <Form.Item name="phone" label="电话号码" rules={kind === 'report' ? [] : [{ required: true, message: '投诉应当提供电话号码（第九条）' }]}>
              <Input style={{ width: 160 }} maxLength={20} />
            </Form.Item>
            <Form.Item name="address" label="通讯地址" rules={kind === 'report' ? [] : [{ required: true, message: '投诉应当提供通讯地址（第九条）' }]}>
              <Input style={{ width: 260 }} maxLength={200} />
            </Form.Item>
          </Space>
        )}
        <Alert type="info" showIcon title="投诉人、举报人的身份信息单独保密保存，只向承办人员提供，每次查看记入访问日志（第三十三条）。" />
      </Form>
    </Modal>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<{ row: number | null; column: string | null; message: string }[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    setBusy(true);
    setErrors(null);
    setProblem(null);
    try {
      const r = await uploadRaw<{ imported: number; skipped: number; complaints: number; reports: number }>('/api/complaints/import', file).promise;
      message.success(`已导入 ${r.imported} 行（投诉 ${r.complaints} 件、举报 ${r.reports} 件），跳过已登记 ${r.skipped} 行`);
      qc.invalidateQueries({ queryKey: complaintKeys.all });
      onClose();
    } catch (e) {
      const details = (e as { details?: { errors?: typeof errors } }).details;
      setProblem(e instanceof Error ? e.message : String(e));
      if (details?.errors) setErrors(details.errors);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="导入全国12315平台导出的投诉举报" footer={null} onCancel={onClose} width={720} destroyOnHidden>
      <p>
        上传 .xlsx 或 UTF-8 编码的 .csv 文件；逐行校验，任何一行有错误即整体不导入。<a href="/api/complaints/import/template.csv">下载导入模板</a>
      </p>
      <Upload.Dragger
        accept=".xlsx,.csv"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(f) => {
          send(f);
          return false;
        }}
      >
        <p>点击或拖入文件</p>
      </Upload.Dragger>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      {errors && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey={(_, i) => String(i)}
          dataSource={errors}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '行', dataIndex: 'row', width: 60 },
            { title: '列', dataIndex: 'column', width: 140 },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}

export function ComplaintsPage() {
  const [kind, setKind] = useState<string>('');
  const [state, setState] = useState<string>('');
  const [overdue, setOverdue] = useState(false);
  const [intake, setIntake] = useState(false);
  const [importing, setImporting] = useState(false);
  const params = new URLSearchParams();
  if (kind) params.set('kind', kind);
  if (state) params.set('state', state);
  if (overdue) params.set('overdue', 'true');
  const q = useComplaints(params.toString());
  if (q.error) return <QueryError error={q.error} retry={q.refetch} />;
  return (
    <>
      <PageTitle
        title="投诉举报"
        sub="投诉：七个工作日内决定是否受理、调解、终止调解；举报：按行政处罚程序核查，转为案件线索"
        extra={
          <Space>
            <Button href={`/api/complaints/export.csv?${params.toString()}`}>导出登记表</Button>
            <Button onClick={() => setImporting(true)}>导入12315数据</Button>
            <Button type="primary" onClick={() => setIntake(true)} data-testid="new-complaint">
              登记投诉举报
            </Button>
          </Space>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          options={[
            { value: '', label: '全部' },
            { value: 'complaint', label: '投诉' },
            { value: 'report', label: '举报' },
          ]}
          optionType="button"
        />
        <Select
          style={{ width: 180 }}
          value={state}
          onChange={setState}
          options={[
            { value: '', label: '全部状态' },
            { value: 'received', label: '待处理' },
            { value: 'accepted', label: '调解中' },
            { value: 'terminated', label: '终止调解待告知' },
          ]}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          只看逾期
        </Checkbox>
      </Space>
      <Table<ComplaintItem>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '类别', dataIndex: 'kindLabel', width: 70 },
          { title: '渠道', dataIndex: 'channelLabel', width: 120 },
          {
            title: '被投诉（举报）人',
            dataIndex: 'respondentName',
            render: (t: string, r) => (
              <Space>
                <Link to={`/complaints/${r.id}`}>{t}</Link>
                {r.groupSize > 1 && <Tag color="purple">同组 {r.groupSize} 件</Tag>}
              </Space>
            ),
          },
          { title: '事项', dataIndex: 'categoryLabel', width: 120 },
          { title: '承办机构', dataIndex: 'orgName', width: 170 },
          {
            title: '期限',
            key: 'due',
            width: 230,
            render: (_: unknown, r) =>
              r.due ? <Tag color={r.due.overdue ? 'error' : 'default'}>{`${r.due.label} ${r.due.due}${r.due.overdue ? ' 已逾期' : ''}`}</Tag> : '—',
          },
          { title: '状态', dataIndex: 'stateLabel', width: 150, render: (l: string) => <Tag>{l}</Tag> },
        ]}
      />
      {intake && <IntakeModal onClose={() => setIntake(false)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </>
  );
}

export default ComplaintsPage;
