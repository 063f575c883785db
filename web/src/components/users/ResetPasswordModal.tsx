import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { passwordRules } from '../../layout/ChangePasswordModal';
import { applyServerError } from '../../lib/forms';

/** 重置密码 (admin). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string }>();
  const { message } = App.useApp();
  const reset = useMutation({ mutationFn: (v: { newPassword: string }) => api.post(`/api/users/${user!.id}/password`, v) });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await reset.mutateAsync(v);
      message.success(`已重置“${user!.displayName}”的密码，请当面或通过安全渠道告知本人`);
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  return (
    <Modal
      title={`重置密码：${user?.displayName ?? ''}（${user?.username ?? ''}）`}
      open={!!user}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okText="重置"
      destroyOnHidden
    >
      <Form form={form} name="resetPassword" layout="vertical" preserve={false}>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={passwordRules}
          extra="至少 8 位，须同时包含字母和数字，不能包含用户名，也不能是常见密码；用户下次登录时须先修改此密码"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
