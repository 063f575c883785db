import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { OfficerDetail } from '../../api/types';
import { applyServerError } from '../../lib/forms';
import { useOfficerMutation } from './useOfficerMutation';

interface Values {
  kind: 'training' | 'exam';
  title: string;
  heldOn: Dayjs;
  hours?: number | null;
  score?: number | null;
  passed?: 'yes' | 'no' | null;
  organizer?: string;
}

/** 登记培训考试. */
export function TrainingFormModal({ officer, open, onClose }: { officer: OfficerDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  const record = useOfficerMutation<Values>(
    officer.id,
    () => '/trainings',
    (v) => ({
      kind: v.kind,
      title: v.title.trim(),
      heldOn: v.heldOn.format('YYYY-MM-DD'),
      hours: v.hours ?? null,
      score: v.kind === 'exam' ? (v.score ?? null) : null,
      passed: v.kind === 'exam' && v.passed ? v.passed === 'yes' : null,
      organizer: v.organizer?.trim() || null,
    }),
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ kind: 'training' });
    }
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await record.mutateAsync(v);
      message.success(`已登记${v.kind === 'exam' ? '考试' : '培训'}“${v.title.trim()}”`);
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  return (
    <Modal
      title={`登记培训考试：${officer.name}`}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={record.isPending}
      okText="登记"
      width={640}
      forceRender
    >
      <Form form={form} name="training" layout="vertical">
        <Form.Item label="类型" name="kind" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'training', label: '培训' },
              { value: 'exam', label: '考试' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="名称"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请输入名称' },
            { min: 2, max: 200, message: '2–200 字' },
          ]}
        >
          <Input maxLength={200} placeholder={kind === 'exam' ? '如：2026 年度行政执法资格考试' : '如：行政处罚法专题培训'} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label="日期" name="heldOn" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item label="学时" name="hours">
            <InputNumber min={0} max={1000} step={0.5} suffix="学时" style={{ width: 120 }} />
          </Form.Item>
          {kind === 'exam' && (
            <>
              <Form.Item label="成绩" name="score">
                <InputNumber min={0} max={100} step={0.5} suffix="分" style={{ width: 100 }} />
              </Form.Item>
              <Form.Item label="是否通过" name="passed">
                <Select
                  allowClear
                  style={{ width: 110 }}
                  options={[
                    { value: 'yes', label: '通过' },
                    { value: 'no', label: '未通过' },
                  ]}
                />
              </Form.Item>
            </>
          )}
        </div>
        <Form.Item label="组织单位" name="organizer" rules={[{ max: 100, message: '最多 100 字' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
