import { App, Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { Certificate, OfficerDetail } from '../../api/types';
import { applyServerError } from '../../lib/forms';
import { useOfficerMutation } from './useOfficerMutation';

export type StatusChange = { cert: Certificate; to: 'valid' | 'suspended' | 'revoked' } | null;

const actionLabels = { valid: '恢复', suspended: '暂扣', revoked: '注销' } as const;

/** 暂扣 / 注销 / 恢复 a certificate, with the reason the record keeps. */
export function CertificateStatusModal({ officer, change, onClose }: { officer: OfficerDetail; change: StatusChange; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { message } = App.useApp();
  const mutation = useOfficerMutation<{ certId: string; to: string; reason: string }>(
    officer.id,
    (v) => `/certificates/${v.certId}/status`,
    (v) => ({ status: v.to, reason: v.reason }),
  );

  useEffect(() => {
    if (change) form.resetFields();
  }, [change, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !change) return;
    try {
      await mutation.mutateAsync({ certId: change.cert.id, to: change.to, reason: v.reason.trim() });
      message.success(`已${actionLabels[change.to]}执法证 ${change.cert.number}`);
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  const action = change ? actionLabels[change.to] : '';
  return (
    <Modal
      title={`${action}执法证 ${change?.cert.number ?? ''}`}
      open={!!change}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okText={`确认${action}`}
      okButtonProps={{ danger: change?.to !== 'valid' }}
      forceRender
    >
      {change?.to === 'revoked' && <Alert type="warning" showIcon title="注销后不能恢复；如需执法须重新申领执法证。" style={{ marginBottom: 16 }} />}
      <Form form={form} name="certificateStatus" layout="vertical">
        <Form.Item
          label={`${action}原因`}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { min: 2, max: 500, message: '2–500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
