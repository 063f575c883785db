import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Org, OrgKind } from '../../api/types';
import { applyServerError } from '../../lib/forms';
import { orgKindOptions } from '../../lib/labels';

interface Values {
  name: string;
  shortName?: string;
  kind: OrgKind;
  isEnforcementBody: boolean;
  legalBasis?: string;
  uscc?: string;
  divisionCode?: string;
  sortOrder?: number;
}

export type OrgFormTarget = { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org } | null;

const blankToNull = (s?: string) => (s?.trim() ? s.trim() : null);

/** 新建下级机构 / 编辑机构. */
export function OrgFormModal({ target, onClose }: { target: OrgFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const isEnforcementBody = Form.useWatch('isEnforcementBody', form);

  useEffect(() => {
    if (!target) return;
    if (target.mode === 'edit') {
      const o = target.org;
      form.setFieldsValue({
        name: o.name,
        shortName: o.shortName ?? undefined,
        kind: o.kind,
        isEnforcementBody: o.isEnforcementBody,
        legalBasis: o.legalBasis ?? undefined,
        uscc: o.uscc ?? undefined,
        divisionCode: o.divisionCode ?? undefined,
        sortOrder: o.sortOrder,
      });
    } else {
      form.resetFields();
      form.setFieldsValue({ kind: 'station', isEnforcementBody: false, sortOrder: 0 });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        shortName: blankToNull(v.shortName),
        kind: v.kind,
        isEnforcementBody: !!v.isEnforcementBody,
        legalBasis: blankToNull(v.legalBasis),
        uscc: blankToNull(v.uscc),
        divisionCode: blankToNull(v.divisionCode),
        sortOrder: v.sortOrder ?? 0,
      };
      if (target?.mode === 'edit') return api.patch<Org>(`/api/orgs/${target.org.id}`, body);
      return api.post<Org>('/api/orgs', { ...body, parentId: target!.mode === 'create' ? target!.parent.id : '' });
    },
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const org = await save.mutateAsync(v);
      message.success(target?.mode === 'edit' ? `已保存“${org.name}”` : `已新建“${org.name}”`);
      await queryClient.invalidateQueries({ queryKey: keys.orgs });
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  const title = target?.mode === 'edit' ? `编辑机构：${target.org.name}` : target?.mode === 'create' ? `新建下级机构（上级：${target.parent.name}）` : '';

  return (
    <Modal title={title} open={!!target} onOk={submit} onCancel={onClose} confirmLoading={save.isPending} okText="保存" width={640} forceRender>
      <Form form={form} name="org" layout="vertical">
        <Form.Item
          label="机构名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入机构名称' },
            { min: 2, max: 100, message: '2–100 个字' },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="简称" name="shortName" rules={[{ max: 30, message: '最多 30 个字' }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="机构类型" name="kind" rules={[{ required: true, message: '请选择机构类型' }]}>
          <Select options={orgKindOptions} />
        </Form.Item>
        <Form.Item label="执法主体" name="isEnforcementBody" valuePropName="checked" extra="以自己的名义实施行政执法并承担法律责任的机关">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item
          label="法定依据"
          name="legalBasis"
          rules={[
            { required: !!isEnforcementBody, whitespace: true, message: '执法主体须填写法定依据' },
            { max: 1000, message: '最多 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder="如：《中华人民共和国行政处罚法》第十八条" />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="uscc"
          rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: '应为 18 位统一社会信用代码（GB 32100-2015）' }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label="行政区划代码" name="divisionCode" rules={[{ pattern: /^\d{6}$/, message: '应为 6 位数字（GB/T 2260）' }]}>
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item label="排序" name="sortOrder">
          <InputNumber min={0} max={10000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
