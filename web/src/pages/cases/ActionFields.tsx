/** The field renderers of ActionModal: one form item per field kind `actions.ts` describes. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useOfficers } from '../../api/queries';
import { useViolations } from '../discretion/api';
import { penaltyKindOptions, type ActionContext, type Field } from './actions';
import { options, resolve } from './actionValues';

export function FieldItem({ f, ctx }: { f: Field; ctx: ActionContext }) {
  const rules = f.required ? [{ required: true, message: `请填写${f.label}` }] : [];
  const item = (input: React.ReactNode, extra: object = {}) => (
    <Form.Item name={f.name} label={f.label} rules={rules} extra={f.help} {...extra}>
      {input}
    </Form.Item>
  );
  switch (f.kind) {
    case 'text':
      return item(<Input maxLength={200} />);
    case 'textarea':
      return item(<Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />);
    case 'date':
      return item(<DatePicker style={{ width: 200 }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(ctx.today), 'day')} />);
    case 'datetime':
      return item(<DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} allowClear={false} />);
    case 'switch':
      return item(<Switch />, { valuePropName: 'checked' });
    case 'money':
      return item(<InputNumber<number> min={0} precision={2} style={{ width: 220 }} suffix="元" />);
    case 'select':
      return item(<Select allowClear={!f.required} options={options(resolve(f, ctx))} />);
    case 'officers':
    case 'officer':
      return item(<OfficerSelect multiple={f.kind === 'officers'} ctx={ctx} />);
    case 'violation':
      return item(<ViolationSelect field={ctx.c.field} />);
    case 'files': {
      const files = ctx.files.filter((x) => !f.av || /^(video|audio)\//.test(x.contentType));
      return item(
        <Select
          mode="multiple"
          options={files.map((x) => ({ value: x.id, label: `${x.fileName}（${x.contentType}）` }))}
          notFoundContent="本案尚无可选的文件，请先上传"
        />,
      );
    }
    case 'lines':
      return item(<Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder="每行一项" />);
    case 'penalties':
      return (
        <Rows
          f={f}
          cols={[
            {
              name: 'kind',
              node: (
                <Select
                  options={penaltyKindOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="处罚种类"
                  aria-label="处罚种类"
                  style={{ width: 170 }}
                />
              ),
              required: true,
            },
            { name: 'amount', node: <InputNumber<number> min={0} precision={2} placeholder="金额（元）" aria-label="金额（元）" style={{ width: 160 }} /> },
            { name: 'note', node: <Input placeholder="说明（如：没收的物品）" aria-label="说明" style={{ width: 220 }} /> },
          ]}
          hint="罚款、没收违法所得须写明金额（元）"
        />
      );
    case 'members':
      return (
        <Rows
          f={f}
          cols={[
            { name: 'name', node: <Input placeholder="姓名" aria-label="姓名" style={{ width: 110 }} />, required: true },
            { name: 'position', node: <Input placeholder="职务" aria-label="职务" style={{ width: 110 }} /> },
            { name: 'opinion', node: <Input placeholder="意见" aria-label="意见" style={{ width: 280 }} /> },
          ]}
        />
      );
    case 'turns':
      return (
        <Rows
          f={f}
          cols={[
            { name: 'speaker', node: <Input placeholder="发言人" aria-label="发言人" style={{ width: 110 }} />, required: true },
            { name: 'text', node: <Input placeholder="发言内容" aria-label="发言内容" style={{ width: 420 }} /> },
          ]}
        />
      );
    case 'instalments':
      return (
        <Rows
          f={f}
          cols={[
            { name: 'dueOn', node: <DatePicker placeholder="缴款期限" aria-label="缴款期限" />, required: true },
            {
              name: 'amount',
              node: <InputNumber<number> min={0} precision={2} placeholder="金额（元）" aria-label="金额（元）" style={{ width: 160 }} />,
              required: true,
            },
          ]}
        />
      );
    case 'reviewItems':
      // 法制审核: each item answered by the reviewer, none pre-set; 不符合 needs its reason
      return (
        <Form.Item label={f.label} required>
          {Object.entries(ctx.ref.legalReviewItems).map(([k, label]) => (
            <Space key={k} style={{ display: 'flex', marginBottom: 4 }} align="start" data-testid={`review-item-${k}`}>
              <span style={{ width: 260, display: 'inline-block', paddingTop: 4 }}>{label}</span>
              <Form.Item name={[f.name, k, 'ok']} rules={[{ required: true, message: '请选择审核结论' }]} style={{ marginBottom: 0 }}>
                <Radio.Group
                  aria-label={label}
                  options={[
                    { value: true, label: '符合' },
                    { value: false, label: '不符合' },
                  ]}
                />
              </Form.Item>
              <Form.Item noStyle dependencies={[[f.name, k, 'ok']]}>
                {({ getFieldValue }) => (
                  <Form.Item
                    name={[f.name, k, 'note']}
                    rules={getFieldValue([f.name, k, 'ok']) === false ? [{ required: true, whitespace: true, message: '不符合的须写明理由' }] : []}
                    style={{ marginBottom: 0 }}
                  >
                    <Input
                      size="small"
                      placeholder={getFieldValue([f.name, k, 'ok']) === false ? '不符合的理由（必填）' : '说明'}
                      aria-label={`${label}说明`}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                )}
              </Form.Item>
            </Space>
          ))}
        </Form.Item>
      );
    case 'discretion':
      return null;
  }
}

/** A list of rows (penalties, attendees, turns, instalments) with add and remove. */
function Rows({ f, cols, hint }: { f: Field; cols: { name: string; node: React.ReactNode; required?: boolean }[]; hint?: string }) {
  return (
    <Form.Item label={f.label} extra={hint} data-testid={`rows-${f.name}`}>
      <Form.List name={f.name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((r) => (
              <Space key={r.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                {cols.map((col) => (
                  <Form.Item key={col.name} name={[r.name, col.name]} noStyle rules={col.required ? [{ required: true, message: '必填' }] : []}>
                    {col.node}
                  </Form.Item>
                ))}
                <MinusCircleOutlined onClick={() => remove(r.name)} aria-label="删除" />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
              添加
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Officers in the caller's scope, those certified for the case's field first. */
function OfficerSelect({
  multiple,
  ctx,
  ...rest
}: {
  multiple: boolean;
  ctx: ActionContext;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
}) {
  const officers = useOfficers({});
  const field = ctx.c.field;
  const opts = (officers.data ?? [])
    .filter((o) => o.active)
    .map((o) => {
      const certified = o.certificates.some((x) => x.effectiveStatus === 'valid' && (x.fields.includes(field) || x.fields.includes('general')));
      return { value: o.id, label: `${o.name}（${o.orgName}${certified ? '，持证' : '，无有效执法证'}）`, certified };
    })
    .sort((a, b) => Number(b.certified) - Number(a.certified));
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      loading={officers.isPending}
      options={opts}
      placeholder="选择执法人员"
    />
  );
}

function ViolationSelect({ field, ...rest }: { field: string; value?: string; onChange?: (v: string) => void }) {
  const list = useViolations({ field });
  return (
    <Select
      {...rest}
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isPending}
      placeholder="选择违法行为"
      options={(list.data ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
      notFoundContent={<Typography.Text type="secondary">本领域暂无违法行为目录</Typography.Text>}
    />
  );
}
