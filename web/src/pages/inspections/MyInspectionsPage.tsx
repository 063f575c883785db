/** 我的检查任务: an inspector's drawn targets, one card each, with a result form that fits a phone screen. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Radio, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { PageTitle, QueryError } from '../../components/common';
import { findingLabels, inspectionKeys, useMine, type MyAssignment } from './api';

function ResultForm({ a, onDone }: { a: MyAssignment; onDone: () => void }) {
  const [form] = Form.useForm();
  const [lead, setLead] = useState(false);
  const finding = Form.useWatch('finding', form);
  const problem = finding === 'problemFound' || finding === 'correctionOrdered';
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => api.post(`/api/inspections/tasks/${a.taskId}/results`, v),
    onSuccess: onDone,
  });
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate({
      targetId: a.targetId,
      inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
      checkedItems: v.checkedItems,
      finding: v.finding,
      description: v.description ?? '',
      lead: lead && problem ? { violationCode: v.violationCode, note: v.leadNote ?? '' } : null,
    });
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ inspectedOn: dayjs(), checkedItems: a.checkedItemOptions }}>
      {save.error && <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 8 }} />}
      <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="checkedItems" label="已检查的内容" rules={[{ required: true, message: '请勾选已检查的内容' }]}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={a.checkedItemOptions.map((o) => ({ value: o, label: o }))} />
      </Form.Item>
      <Form.Item name="finding" label="检查结果" rules={[{ required: true, message: '请选择检查结果' }]}>
        <Radio.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          options={Object.entries(findingLabels).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="description" label="情况说明">
        <Input.TextArea rows={3} />
      </Form.Item>
      {problem && (
        <Form.Item label="转为案件线索">
          <Switch checked={lead} onChange={setLead} aria-label="转为案件线索" />
        </Form.Item>
      )}
      {problem && lead && (
        <>
          <Form.Item name="violationCode" label="涉嫌违法行为编码" rules={[{ required: true, message: '请填写违法行为编码，如 JG-001' }]}>
            <Input placeholder="如 JG-001 不按规定明码标价" />
          </Form.Item>
          <Form.Item name="leadNote" label="线索说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      <Button type="primary" block size="large" loading={save.isPending} onClick={submit}>
        提交检查结果
      </Button>
    </Form>
  );
}

export default function MyInspectionsPage() {
  const { data, error, refetch } = useMine();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  if (error) return <QueryError error={error} retry={refetch} />;
  const todo = (data ?? []).filter((a) => !a.result);
  return (
    <div className="fz-narrow" style={{ maxWidth: 560 }}>
      <PageTitle title="我的检查任务" sub={`待录入 ${todo.length} 户，共 ${(data ?? []).length} 户`} />
      {data && data.length === 0 && <Empty description="目前没有分派给您的检查对象" />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {(data ?? []).map((a) => (
          <Card
            key={`${a.taskId}-${a.targetId}`}
            size="small"
            title={a.name}
            extra={a.result ? <Tag color="green">{a.result.findingLabel}</Tag> : <Tag color="orange">待录入</Tag>}
          >
            <Typography.Paragraph style={{ marginBottom: 4 }}>{a.address}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {a.taskName} · {a.industry} · {a.riskClass} 类
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">检查人员：{a.inspectors.map((i) => i.name).join('、')}</Typography.Paragraph>
            {!a.result &&
              (open === a.targetId ? (
                <ResultForm
                  a={a}
                  onDone={() => {
                    message.success('已录入检查结果');
                    setOpen(null);
                    qc.invalidateQueries({ queryKey: inspectionKeys.all });
                  }}
                />
              ) : (
                <Button block onClick={() => setOpen(a.targetId)}>
                  录入结果
                </Button>
              ))}
          </Card>
        ))}
      </Space>
    </div>
  );
}
