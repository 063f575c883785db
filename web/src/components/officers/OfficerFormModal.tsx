import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Switch } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { OfficerDetail } from '../../api/types';
import { applyServerError } from '../../lib/forms';
import { OrgTreeSelect } from '../OrgTreeSelect';

interface Values {
  orgId: string;
  name: string;
  gender?: '男' | '女' | null;
  employeeNo?: string;
  position?: string;
  legalExamPassed: boolean;
  active: boolean;
}

export type OfficerFormTarget = { mode: 'create'; orgId?: string } | { mode: 'edit'; officer: OfficerDetail } | null;

const blankToNull = (s?: string) => (s?.trim() ? s.trim() : null);

/** 登记执法人员 / 编辑执法人员. */
export function OfficerFormModal({ target, onClose, onCreated }: { target: OfficerFormTarget; onClose: () => void; onCreated?: (o: OfficerDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editing = target?.mode === 'edit' ? target.officer : null;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const o = target.officer;
      form.setFieldsValue({
        orgId: o.orgId,
        name: o.name,
        gender: (o.gender as Values['gender']) ?? null,
        employeeNo: o.employeeNo ?? undefined,
        position: o.position ?? undefined,
        legalExamPassed: o.legalExamPassed,
        active: o.active,
      });
    } else {
      form.setFieldsValue({ orgId: target.orgId, legalExamPassed: false, active: true });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        orgId: v.orgId,
        name: v.name.trim(),
        gender: v.gender ?? null,
        employeeNo: blankToNull(v.employeeNo),
        position: blankToNull(v.position),
        legalExamPassed: !!v.legalExamPassed,
      };
      return editing ? api.patch<OfficerDetail>(`/api/officers/${editing.id}`, { ...body, active: v.active }) : api.post<OfficerDetail>('/api/officers', body);
    },
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const o = await save.mutateAsync(v);
      message.success(editing ? `已保存“${o.name}”` : `已登记执法人员“${o.name}”`);
      queryClient.setQueryData(keys.officer(o.id), o);
      await queryClient.invalidateQueries({ queryKey: ['officers'] });
      queryClient.invalidateQueries({ queryKey: keys.matter('officer', o.id) });
      onClose();
      if (!editing) onCreated?.(o);
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  return (
    <Modal
      title={editing ? `编辑执法人员：${editing.name}` : '登记执法人员'}
      open={!!target}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okText="保存"
      width={560}
      forceRender
    >
      <Form form={form} name="officer" layout="vertical">
        <Form.Item label="所属机构" name="orgId" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { min: 2, max: 30, message: '2–30 个字' },
          ]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="性别" name="gender">
          <Radio.Group
            options={[
              { value: '男', label: '男' },
              { value: '女', label: '女' },
            ]}
          />
        </Form.Item>
        <Form.Item label="工号" name="employeeNo" rules={[{ max: 30, message: '最多 30 个字符' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="职务" name="position" rules={[{ max: 50, message: '最多 50 个字' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="已通过法律知识考试" name="legalExamPassed" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        {editing && (
          <Form.Item label="在岗" name="active" valuePropName="checked">
            <Switch checkedChildren="在岗" unCheckedChildren="离岗" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
