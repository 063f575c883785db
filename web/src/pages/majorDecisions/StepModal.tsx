/** The form of one transition (a decision's or a catalogue's), built from its spec in forms.ts, sent with the version the page showed. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { decisionCategories, memberOpinions, type Field, type FormSpec } from './forms';

const options = (t: Readonly<Record<string, string>>) => Object.entries(t).map(([value, label]) => ({ value, label }));

function FieldInput({ f, itemOptions }: { f: Field; itemOptions: { value: string; label: string }[] }) {
  switch (f.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} />;
    case 'number':
      return <InputNumber min={1} max={365} style={{ width: 160 }} />;
    case 'select':
      return <Select options={options(f.values ?? {})} />;
    case 'tags':
      return <Select mode="tags" open={false} placeholder="输入后回车，可填写多项" />;
    case 'org':
      return <OrgTreeSelect />;
    case 'itemPick':
      return <Select mode="multiple" options={itemOptions} />;
    default:
      return <Input />;
  }
}

/** The lists: experts (第十九条), members' opinions (第三十条), catalogue items (第三条). */
function ListInput({ f }: { f: Field }) {
  const rows: Record<string, { name: string; label: string; node: React.ReactNode; initial?: unknown; bool?: boolean }[]> = {
    experts: [
      { name: 'name', label: '专家（机构）', node: <Input /> },
      { name: 'organisation', label: '所在单位', node: <Input /> },
      { name: 'opinion', label: '论证意见', node: <Input.TextArea autoSize /> },
      { name: 'noDirectInterest', label: '与决策事项无直接利害关系', node: <Checkbox />, initial: true, bool: true },
    ],
    members: [
      { name: 'name', label: '姓名', node: <Input /> },
      { name: 'opinion', label: '意见', node: <Select style={{ width: 110 }} options={options(memberOpinions)} />, initial: 'agree' },
      { name: 'remarks', label: '发表的意见（不同意见如实载明）', node: <Input.TextArea autoSize /> },
    ],
    items: [
      { name: 'title', label: '事项名称', node: <Input /> },
      {
        name: 'category',
        label: '类别（第三条第一款）',
        node: <Select style={{ minWidth: 220 }} options={options(decisionCategories)} />,
        initial: 'publicPolicy',
      },
      { name: 'unitId', label: '承办单位', node: <OrgTreeSelect /> },
      { name: 'planned', label: '计划完成时间', node: <Input /> },
    ],
  };
  const cols = rows[f.kind];
  return (
    <Form.List name={f.name}>
      {(list, { add, remove }) => (
        <>
          {list.map((r) => (
            <Space key={r.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
              {cols.map((c) => (
                <Form.Item
                  key={c.name}
                  name={[r.name, c.name]}
                  label={c.label}
                  valuePropName={c.bool ? 'checked' : 'value'}
                  rules={c.bool || c.name === 'remarks' || c.name === 'planned' ? [] : [{ required: true, message: `请填写${c.label}` }]}
                  style={{ marginBottom: 0 }}
                >
                  {c.node}
                </Form.Item>
              ))}
              <MinusCircleOutlined onClick={() => remove(r.name)} aria-label="删除" />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(Object.fromEntries(cols.filter((c) => c.initial !== undefined).map((c) => [c.name, c.initial])))}
          >
            增加一项
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function StepModal({
  url,
  version,
  transition,
  spec,
  itemOptions = [],
  onDone,
  onClose,
  submitTo,
}: {
  /** …/transitions (the name is appended) */
  url: string;
  version: number;
  transition: { id: string; label: string };
  spec: FormSpec;
  itemOptions?: { value: string; label: string }[];
  onDone: (next: unknown) => void;
  onClose: () => void;
  /** instead of the transition: where the input goes (the catalogue's creation takes its first items) */
  submitTo?: (input: Record<string, unknown>) => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const initial: Record<string, unknown> = {};
  for (const f of spec.fields) if (f.kind === 'date' && !f.optional) initial[f.name] = dayjs(chinaToday());
  const submit = async (values: Record<string, unknown>) => {
    const input: Record<string, unknown> = {};
    for (const f of spec.fields) {
      const v = values[f.name];
      if (v === undefined || v === null || v === '') continue;
      if (f.kind === 'date') input[f.name] = (v as dayjs.Dayjs).format('YYYY-MM-DD');
      else if (f.kind === 'items') input[f.name] = (v as Record<string, unknown>[]).map((i) => ({ ...i, planned: i.planned ?? '' }));
      else if (f.kind === 'members') input[f.name] = (v as Record<string, unknown>[]).map((m) => ({ ...m, remarks: m.remarks ?? '' }));
      else if (f.kind === 'bool') input[f.name] = !!v;
      else input[f.name] = v;
    }
    for (const f of spec.fields) if (f.kind === 'bool' && input[f.name] === undefined && !f.optional) input[f.name] = false;
    setSending(true);
    try {
      const next = submitTo ? await submitTo(input) : await api.post(`${url}/${transition.id}`, { expectedVersion: version, input });
      message.success(`${transition.label}：已办理`);
      onDone(next);
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal
      open
      title={transition.label}
      okText="确认办理"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={sending}
      okButtonProps={{ danger: spec.danger }}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={spec.fields.some((f) => ['experts', 'members', 'items'].includes(f.kind)) ? 960 : 640}
      destroyOnHidden
    >
      {spec.intro && <Typography.Paragraph type="secondary">{spec.intro}</Typography.Paragraph>}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} data-testid="step-problem" />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {spec.fields.map((f) =>
          ['experts', 'members', 'items'].includes(f.kind) ? (
            <Form.Item key={f.name} label={f.label} required={!f.optional}>
              <ListInput f={f} />
            </Form.Item>
          ) : (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              extra={f.help}
              valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
              rules={f.optional || f.kind === 'bool' ? [] : [{ required: true, message: `请填写${f.label}` }]}
            >
              {f.kind === 'bool' ? <Checkbox /> : <FieldInput f={f} itemOptions={itemOptions} />}
            </Form.Item>
          ),
        )}
      </Form>
    </Modal>
  );
}
