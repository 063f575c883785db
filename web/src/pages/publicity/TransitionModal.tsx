/** The form of one transition of a publication, sent with the version the page showed. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';
import { publicityKeys, type PublicationDetail, type PublicationVersion } from './api';
import { formOf, type TransitionName } from './publicationForms';

export function TransitionModal({
  p,
  transition,
  current,
  onClose,
}: {
  p: PublicationDetail;
  transition: { id: TransitionName; label: string };
  current?: PublicationVersion;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const spec = formOf(transition.id, p.kind);
  const content = current?.content;
  const initial: Record<string, unknown> = {};
  for (const f of spec.fields) {
    if (f.kind === 'date') initial[f.name] = dayjs(chinaToday());
    else if (f.correction && content) initial[f.name] = f.correction.from(content) ?? undefined;
  }
  const send = useMutation({
    mutationFn: (values: Record<string, unknown>) => {
      const input: Record<string, unknown> = {};
      const correction: Record<string, string> = {};
      for (const f of spec.fields) {
        const v = values[f.name];
        if (f.kind === 'date') input[f.name] = (v as dayjs.Dayjs).format('YYYY-MM-DD');
        else if (f.correction) {
          const s = typeof v === 'string' ? v.trim() : '';
          if (s && s !== String(initial[f.name] ?? '').trim()) correction[f.correction.key] = s;
        } else if (v !== undefined && v !== '') input[f.name] = v;
      }
      if (transition.id === 'correct') input.content = correction;
      return api.post<PublicationDetail>(`/api/publicity/publications/${p.id}/transitions/${transition.id}`, { expectedVersion: p.matter.version, input });
    },
    onSuccess: (next) => {
      qc.setQueryData(publicityKeys.detail(p.id), next);
      qc.invalidateQueries({ queryKey: publicityKeys.all });
      message.success(`${transition.label}：已办理`);
      onClose();
    },
    onError: (e) => setProblem(applyServerError(form, e)),
  });
  return (
    <Modal
      open
      title={transition.label}
      okText="确认办理"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ danger: spec.danger }}
      onOk={() =>
        form
          .validateFields()
          .then((v) => send.mutate(v))
          .catch(() => {})
      }
      width={spec.fields.length > 3 ? 720 : 520}
      destroyOnHidden
    >
      {spec.intro && <Typography.Paragraph type="secondary">{spec.intro}</Typography.Paragraph>}
      {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {spec.fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            rules={f.required ? [{ required: true, whitespace: f.kind !== 'date' && f.kind !== 'select', message: `请填写${f.label}` }] : []}
          >
            {f.kind === 'date' ? (
              <DatePicker style={{ width: '100%' }} />
            ) : f.kind === 'select' ? (
              <Select aria-label={f.label} options={Object.entries(f.options).map(([value, label]) => ({ value, label }))} />
            ) : f.kind === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={f.max} />
            ) : (
              <Input maxLength={f.max} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
