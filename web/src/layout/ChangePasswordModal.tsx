import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { api } from '../api/client';
import { applyServerError } from '../lib/forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const passwordRules = [
  { required: true, message: '请输入新密码' },
  { min: 8, message: '密码至少 8 位' },
  { pattern: /[A-Za-z]/, message: '须包含字母' },
  { pattern: /\d/, message: '须包含数字' },
];

/**
 * 修改本人密码. The server keeps this session and ends the user's other sessions. `forced`: the password was
 * set by an administrator and must be changed before anything else — the dialog cannot be dismissed, only
 * left by signing out (`onLogout`).
 */
export function ChangePasswordModal({
  open,
  onClose,
  forced = false,
  onLogout,
}: {
  open: boolean;
  onClose: () => void;
  forced?: boolean;
  onLogout?: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (v: Values) => api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword }),
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await change.mutateAsync(v);
      message.success('密码已修改');
      form.resetFields();
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  return (
    <Modal
      title={forced ? '请先修改密码' : '修改密码'}
      open={open}
      onOk={submit}
      onCancel={forced ? undefined : onClose}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      confirmLoading={change.isPending}
      okText="确认修改"
      destroyOnHidden
      footer={
        forced
          ? [
              <Button key="logout" onClick={onLogout}>
                退出登录
              </Button>,
              <Button key="ok" type="primary" loading={change.isPending} onClick={submit}>
                确认修改
              </Button>,
            ]
          : undefined
      }
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="您的密码由管理员设置（新建账号或重置密码），须修改为只有您本人知道的密码后才能继续使用。"
          data-testid="password-change-required"
        />
      )}
      <Form form={form} name="changePassword" layout="vertical" preserve={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          rules={passwordRules}
          extra="至少 8 位，须同时包含字母和数字，不能包含用户名，也不能是常见密码（如 Passw0rd!、Qwerty123）"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
