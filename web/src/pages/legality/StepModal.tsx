/**
 * The form of one transition, from a small spec (field kind, label, required): dates are sent as YYYY-MM-DD, the
 * version the page showed goes with it, and the server's answer (a guard's problem, 409) is shown in the form.
 * Shared by the 合法性审查, 合同 and 立法征询 pages.
 */
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';

export interface StepField {
  name: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date' | 'select' | 'bool' | 'number';
  options?: { value: string; label: string }[];
  required?: boolean;
  extra?: ReactNode;
  initial?: unknown;
}

export function StepModal<T>({
  url,
  title,
  version,
  fields,
  children,
  toInput,
  withDate,
  width,
  onDone,
  onClose,
}: {
  url: string;
  title: string;
  version: number;
  fields: StepField[];
  /** a part of the form the spec cannot say (the checklist table) */
  children?: ReactNode;
  /** turns the form's values into the transition's input (default: the values, dates as YYYY-MM-DD) */
  toInput?: (v: Record<string, unknown>) => Record<string, unknown>;
  /** ask the 办理日期 (the legal date of the act) */
  withDate?: boolean;
  width?: number;
  onDone: (next: T) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const plain = (v: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined && x !== null && x !== '')
        .map(([k, x]) => [k, dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x]),
    );
  const submit = async (raw: Record<string, unknown>) => {
    const { actDate, ...rest } = plain(raw);
    setBusy(true);
    try {
      const next = await api.post<T>(url, { expectedVersion: version, input: toInput ? toInput(rest) : rest, ...(actDate ? { date: actDate } : {}) });
      message.success(`${title}：已办理`);
      onDone(next);
      onClose();
    } catch (e) {
      setProblem(applyServerError(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText="确认办理"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={width ?? 640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="step-problem" />}
      <Form form={form} layout="vertical">
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            extra={f.extra}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
            initialValue={f.initial ?? (f.kind === 'date' ? dayjs(chinaToday()) : undefined)}
            rules={f.required === false ? [] : [{ required: true, message: `请填写${f.label}` }]}
          >
            {f.kind === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} />
            ) : f.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.kind === 'select' ? (
              <Select options={f.options} />
            ) : f.kind === 'bool' ? (
              <Checkbox />
            ) : f.kind === 'number' ? (
              <InputNumber style={{ width: 200 }} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
        {children}
        {withDate && (
          <Form.Item name="actDate" label="办理日期" initialValue={dayjs(chinaToday())} rules={[{ required: true, message: '请选择办理日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
