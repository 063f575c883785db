import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../api/client';
import { useOfficers, useReference } from '../api/queries';
import type { EligibilityResult } from '../api/types';
import { PageTitle } from '../components/common';
import { chinaToday } from '../lib/format';
import { applyServerError } from '../lib/forms';

interface Values {
  officerIds: string[];
  field: string;
  act: string;
  date: Dayjs;
}

/** 持证上岗检查: may these officers carry out this act, in this field, on this date? */
export default function EligibilityPage() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const officers = useOfficers({});
  const ref = useReference();
  const act = Form.useWatch('act', form);
  const check = useMutation({
    mutationFn: (v: Values) =>
      api.post<EligibilityResult>('/api/officers/eligibility', { officerIds: v.officerIds, field: v.field, act: v.act, date: v.date.format('YYYY-MM-DD') }),
    onError: (e) => message.error(applyServerError(form, e)),
  });
  const nameOf = (id: string | null) => officers.data?.find((o) => o.id === id)?.name ?? '';
  const r = check.data;
  const rule = act ? ref.data?.acts[act] : undefined;

  return (
    <div>
      <PageTitle title="持证上岗检查" sub="实施执法行为前，核对执法人员是否持有在该日期有效、覆盖该执法领域的执法证，人数是否符合法定要求。" />
      <Card style={{ marginBottom: 16 }}>
        <Form
          form={form}
          name="eligibility"
          layout="vertical"
          initialValues={{ date: dayjs(chinaToday()) }}
          onFinish={(v) => check.mutate(v)}
          style={{ maxWidth: 720 }}
        >
          <Form.Item label="执法人员" name="officerIds" rules={[{ required: true, type: 'array', min: 1, max: 20, message: '请选择 1–20 名执法人员' }]}>
            <Select
              mode="multiple"
              placeholder="请选择参与的执法人员"
              loading={officers.isPending}
              showSearch={{ optionFilterProp: 'label' }}
              options={(officers.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: `${o.name}（${o.orgName}）` }))}
            />
          </Form.Item>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item label="执法领域" name="field" rules={[{ required: true, message: '请选择执法领域' }]} style={{ flex: 1, minWidth: 200 }}>
              <Select options={Object.entries(ref.data?.fields ?? {}).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item label="执法行为" name="act" rules={[{ required: true, message: '请选择执法行为' }]} style={{ flex: 1, minWidth: 200 }}>
              <Select options={Object.entries(ref.data?.acts ?? {}).map(([value, a]) => ({ value, label: a.label }))} />
            </Form.Item>
            <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker format="YYYY-MM-DD" />
            </Form.Item>
          </div>
          {rule && (
            <Typography.Paragraph type="secondary">
              {rule.label}须由不少于 {rule.minOfficers} 名持证执法人员实施（{rule.basis}）。
            </Typography.Paragraph>
          )}
          <Button type="primary" htmlType="submit" loading={check.isPending}>
            检查
          </Button>
        </Form>
      </Card>
      {r && (
        <Card title="检查结果">
          <Alert
            type={r.allowed ? 'success' : 'error'}
            showIcon
            title={r.allowed ? '符合持证上岗要求，可以实施' : '不符合持证上岗要求，不得实施'}
            description={`${ref.data?.acts[r.act]?.label ?? r.act} · ${ref.data?.fields[r.field] ?? r.field} · ${r.date} · 法定最少 ${r.minOfficers} 人（${r.basis}）`}
            style={{ marginBottom: 16 }}
          />
          {r.qualified.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <Typography.Text strong>符合条件的执法人员</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {r.qualified.map((q) => (
                  <li key={q.officerId}>
                    {nameOf(q.officerId)} <Tag className="fz-mono">执法证 {q.certificateNumber}</Tag>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {r.problems.length > 0 && (
            <div>
              <Typography.Text strong>问题</Typography.Text>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {r.problems.map((p, i) => (
                  <li key={i}>
                    <Typography.Text type="danger">{p.message}</Typography.Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
