import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useReference } from '../../api/queries';
import type { OfficerDetail } from '../../api/types';
import { applyServerError } from '../../lib/forms';
import { useOfficerMutation } from './useOfficerMutation';

interface Values {
  number: string;
  issuingAuthority: string;
  fields: string[];
  areas: string;
  validFrom: Dayjs;
  validTo: Dayjs;
}

/** 登记执法证. */
export function CertificateFormModal({ officer, open, onClose }: { officer: OfficerDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const ref = useReference();
  const issue = useOfficerMutation<Values>(
    officer.id,
    () => '/certificates',
    (v) => ({
      number: v.number.trim(),
      issuingAuthority: v.issuingAuthority.trim(),
      fields: v.fields,
      areas: v.areas.trim(),
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo.format('YYYY-MM-DD'),
    }),
  );

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await issue.mutateAsync(v);
      message.success(`已登记执法证 ${v.number.trim()}`);
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  return (
    <Modal
      title={`登记执法证：${officer.name}`}
      open={open}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={issue.isPending}
      okText="登记"
      width={600}
      forceRender
    >
      <Form form={form} name="certificate" layout="vertical">
        <Form.Item
          label="执法证号"
          name="number"
          rules={[
            { required: true, message: '请输入执法证号' },
            { pattern: /^\s*[0-9A-Za-z-]{6,32}\s*$/, message: '证号为 6–32 位数字、字母或短横线' },
          ]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          label="发证机关"
          name="issuingAuthority"
          rules={[
            { required: true, whitespace: true, message: '请输入发证机关' },
            { min: 2, max: 100, message: '2–100 个字' },
          ]}
        >
          <Input maxLength={100} placeholder="如：示例市人民政府" />
        </Form.Item>
        <Form.Item label="执法领域" name="fields" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个执法领域' }]}>
          <Select
            mode="multiple"
            placeholder="请选择执法领域"
            loading={ref.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={Object.entries(ref.data?.fields ?? {}).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item
          label="执法区域"
          name="areas"
          rules={[
            { required: true, whitespace: true, message: '请输入执法区域' },
            { max: 200, message: '最多 200 字' },
          ]}
        >
          <Input maxLength={200} placeholder="如：示例区" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item label="有效期自" name="validFrom" rules={[{ required: true, message: '请选择起始日期' }]} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
          <Form.Item
            label="有效期至"
            name="validTo"
            dependencies={['validFrom']}
            style={{ flex: 1 }}
            rules={[
              { required: true, message: '请选择截止日期' },
              ({ getFieldValue }) => ({
                validator: (_, v: Dayjs | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined;
                  return !v || !from || v.isAfter(from, 'day') ? Promise.resolve() : Promise.reject(new Error('截止日期须晚于起始日期'));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
