import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { useOfficers } from '../../api/queries';
import type { Role, User } from '../../api/types';
import { passwordRules } from '../../layout/ChangePasswordModal';
import { applyServerError } from '../../lib/forms';
import { roleOptions } from '../../lib/labels';
import { OrgTreeSelect } from '../OrgTreeSelect';

interface Values {
  username: string;
  displayName: string;
  orgId: string;
  roles: Role[];
  password: string;
  confirm: string;
  active: boolean;
  officerId?: string | null;
  email?: string | null;
  mobile?: string | null;
}

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User } | null;

/** 新建用户 / 编辑用户 (roles, org, active, linked officer). */
export function UserFormModal({ target, onClose }: { target: UserFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const orgId = Form.useWatch('orgId', form);
  const officers = useOfficers(orgId ? { orgId } : {}, !!target && !!orgId);
  const editing = target?.mode === 'edit' ? target.user : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const u = target.user;
      form.setFieldsValue({
        displayName: u.displayName,
        orgId: u.orgId,
        roles: u.roles,
        active: u.active,
        officerId: u.officerId,
        email: u.email,
        mobile: u.mobile,
      });
    } else {
      form.setFieldsValue({ roles: ['officer'], active: true });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: Values) =>
      editing
        ? api.patch<User>(`/api/users/${editing.id}`, {
            displayName: v.displayName.trim(),
            orgId: v.orgId,
            roles: v.roles,
            active: v.active,
            officerId: v.officerId ?? null,
            email: v.email?.trim() || null,
            mobile: v.mobile?.trim() || null,
          })
        : api.post<User>('/api/users', {
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            orgId: v.orgId,
            roles: v.roles,
            password: v.password,
            officerId: v.officerId ?? null,
          }),
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const u = await save.mutateAsync(v);
      message.success(editing ? `已保存用户“${u.displayName}”` : `已新建用户“${u.username}”`);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  return (
    <Modal
      title={editing ? `编辑用户：${editing.displayName}（${editing.username}）` : '新建用户'}
      open={!!target}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okText="保存"
      width={600}
      forceRender
    >
      <Form form={form} name="user" layout="vertical">
        {!editing && (
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: /^[a-zA-Z0-9_.-]{3,32}$/, message: '3–32 位字母、数字、下划线、点或短横线' },
            ]}
          >
            <Input autoComplete="off" maxLength={32} />
          </Form.Item>
        )}
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '最多 50 个字' },
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="所属机构" name="orgId" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect onChange={() => form.setFieldValue('officerId', null)} />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个角色' }]}>
          <Select mode="multiple" options={roleOptions} placeholder="请选择角色" />
        </Form.Item>
        <Form.Item label="关联执法人员" name="officerId" extra="该用户本人登记在册的执法人员身份（可选）">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={orgId ? '请选择' : '请先选择所属机构'}
            loading={officers.isFetching}
            options={(officers.data ?? []).map((o) => ({ value: o.id, label: `${o.name}${o.employeeNo ? `（${o.employeeNo}）` : ''}` }))}
          />
        </Form.Item>
        {editing && (
          <>
            <Form.Item label="电子邮箱" name="email" extra="期限提醒发送到该邮箱（平台配置了邮件服务时）">
              <Input maxLength={100} inputMode="email" />
            </Form.Item>
            <Form.Item label="手机号码" name="mobile" extra="期限提醒以短信发送到该号码（平台配置了短信网关时）">
              <Input maxLength={11} inputMode="tel" />
            </Form.Item>
          </>
        )}
        {editing ? (
          <Form.Item label="启用" name="active" valuePropName="checked" extra="停用、改变角色或机构后，该用户的现有登录会话将失效">
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              label="初始密码"
              name="password"
              rules={passwordRules}
              extra="至少 8 位，须同时包含字母和数字，不能包含用户名，也不能是常见密码；用户首次登录时须先修改此密码"
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认密码"
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入密码' },
                ({ getFieldValue }) => ({
                  validator: (_, v) => (!v || v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
