import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { deadlineUnitLabels } from '../../../../src/domain/deadlines/rules';
import type { DeadlineResult, DeadlineRule } from '../../../../src/modules/calendar/responses';
import { api } from '../../api/client';
import { chinaToday } from '../../lib/format';
import { applyServerError } from '../../lib/forms';
import { ProvisionalTag } from './ProvisionalTag';

type Rule = DeadlineRule;
type Result = DeadlineResult;
interface Values {
  ruleId: string;
  start: Dayjs;
  extended?: boolean;
  suspensions?: { range: [Dayjs, Dayjs]; reason: string }[];
}

const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
/** 行政处罚法@2021-01-22#第六十四条 → 《行政处罚法》（2021-01-22）第六十四条 */
const citation = (id: string) => {
  const [version, label] = id.split('#');
  const [source, date] = version.split('@');
  return `《${source}》（${date}）${label}`;
};

/** 法定期限计算: a rule, a start date, optional suspensions and extension → the due date with its basis. */
export function DeadlineCalculator() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const rules = useQuery({ queryKey: ['deadline-rules'], queryFn: () => api.get<{ items: Rule[] }>('/api/deadlines/rules') });
  const ruleId = Form.useWatch('ruleId', form);
  const rule = rules.data?.items.find((r) => r.id === ruleId);
  const compute = useMutation({
    mutationFn: (v: Values) =>
      api.post<Result>('/api/deadlines/compute', {
        ruleId: v.ruleId,
        start: fmt(v.start),
        extended: v.extended || undefined,
        suspensions: v.suspensions?.length ? v.suspensions.map((s) => ({ from: fmt(s.range[0]), to: fmt(s.range[1]), reason: s.reason })) : undefined,
      }),
    onError: (e) => message.error(applyServerError(form, e)),
  });
  const r = compute.data;

  return (
    <Card title="法定期限计算" style={{ marginBottom: 16 }}>
      <Form
        form={form}
        name="deadline"
        layout="vertical"
        initialValues={{ start: dayjs(chinaToday()) }}
        onFinish={(v) => compute.mutate(v)}
        style={{ maxWidth: 760 }}
      >
        <Space wrap align="start">
          <Form.Item label="期限规则" name="ruleId" rules={[{ required: true, message: '请选择期限规则' }]} style={{ minWidth: 360 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={rules.isPending}
              options={(rules.data?.items ?? []).map((x) => ({ value: x.id, label: x.label }))}
            />
          </Form.Item>
          <Form.Item
            label={rule?.direction === 'before' ? '事件日期（如听证日）' : '起算事件日期'}
            name="start"
            rules={[{ required: true, message: '请选择日期' }]}
          >
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
        </Space>
        {rule && (
          <Typography.Paragraph type="secondary">
            {rule.event}
            {rule.direction === 'after' ? '之日起' : '前'} {rule.amount} {unitLabel(rule.unit)}；依据：{rule.basis.map(citation).join('、') || rule.sourceNote}
            {rule.restDay.applies && `；届满日为休息日的${rule.restDay.extends ? '顺延' : '不顺延'}`}
          </Typography.Paragraph>
        )}
        {rule?.extension && (
          <Form.Item name="extended" valuePropName="checked">
            <Checkbox>
              已经批准延长 {rule.extension.amount} {unitLabel(rule.extension.unit)}（{rule.extension.approval}）
            </Checkbox>
          </Form.Item>
        )}
        {rule?.suspendable && (
          <Form.List name="suspensions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'range']} rules={[{ required: true, message: '请选择中止期间' }]}>
                      <DatePicker.RangePicker format="YYYY-MM-DD" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'reason']} rules={[{ required: true, min: 2, message: '请填写中止事由' }]}>
                      <Input placeholder="事由，如：检验检测" />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除中止期间" />
                  </Space>
                ))}
                <Form.Item>
                  <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                    添加不计入期限的中止期间（听证、检测、检验、鉴定、公告等）
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
        )}
        <Button type="primary" htmlType="submit" loading={compute.isPending}>
          计算届满日
        </Button>
      </Form>
      {r && (
        <Descriptions bordered column={1} size="small" style={{ marginTop: 16 }} data-testid="deadline-result">
          <Descriptions.Item label="期限">
            {r.label}：{r.description}
          </Descriptions.Item>
          <Descriptions.Item label="届满日">
            <Typography.Text strong style={{ fontSize: 16 }}>
              {r.due}
            </Typography.Text>{' '}
            <Tag color="orange">{r.warnFrom} 起预警</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="法律依据">
            {r.basis.map((b) => (
              <div key={b}>
                <Link to={`/laws/articles/${encodeURIComponent(b)}`}>{citation(b)}</Link>
              </div>
            ))}
            {r.sourceNote && <div>{r.sourceNote}</div>}
          </Descriptions.Item>
          {r.extension && (
            <Descriptions.Item label="延长">
              {r.extension.amount} {r.extension.unit}（{r.extension.approval}）
            </Descriptions.Item>
          )}
          {r.suspendedDays > 0 && <Descriptions.Item label="中止">不计入 {r.suspendedDays} 日</Descriptions.Item>}
          <Descriptions.Item label="跳过的非工作日">
            {r.skipped.length === 0
              ? '无'
              : r.skipped.map((s) => (
                  <Tag key={s.date}>
                    {s.date} {s.name}
                  </Tag>
                ))}
          </Descriptions.Item>
          {r.restDay.applies && (
            <Descriptions.Item label="届满日遇休息日">
              <Tag color={r.restDay.extends ? 'blue' : 'default'} data-testid="deadline-rest-day">
                {r.restDay.extends ? '顺延至其后第一个工作日' : '不顺延'}
              </Tag>
              {r.restDay.reason}
            </Descriptions.Item>
          )}
          {r.provisional && (
            <Descriptions.Item label="提示">
              <ProvisionalTag provisional />
              <Typography.Text type="warning">
                所涉年份尚未载入国务院办公厅的放假安排：暂按《全国年节及纪念日放假办法》第二条的法定节假日及第六条的补假计算，未计调休；管理员录入放假安排后，未届满的期限自动重新计算。
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Card>
  );
}

const unitLabel = (unit: string) => (deadlineUnitLabels as Record<string, string>)[unit] ?? unit;
