/** 取消权责事项: from the effective date the item is no longer in the list (its versions stay in the history). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api/client';
import { applyServerError } from '../../lib/forms';
import { powerKeys, type PowerItemDetail } from './api';
import { ChangeFields, toChange, type ChangeValues } from './ChangeFields';

export function RemovePowerModal({ item, onClose }: { item: PowerItemDetail | null; onClose: () => void }) {
  const [form] = Form.useForm<ChangeValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (item) form.resetFields();
  }, [item, form]);
  const remove = useMutation({ mutationFn: (v: ChangeValues) => api.post<PowerItemDetail>(`/api/powers/${item!.id}/remove`, { change: toChange(v) }) });
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await remove.mutateAsync(v);
      message.success(`已取消“${item!.name}”，自 ${toChange(v).effectiveOn} 起不再有效`);
      await queryClient.invalidateQueries({ queryKey: powerKeys.all });
      onClose();
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };
  const latestFrom = item?.versions[item.versions.length - 1].validFrom;
  return (
    <Modal
      title={item ? `取消权责事项：${item.code} ${item.name}` : ''}
      open={!!item}
      onOk={submit}
      onCancel={onClose}
      okText="确认取消"
      okButtonProps={{ danger: true }}
      confirmLoading={remove.isPending}
      forceRender
      width={560}
    >
      {item && item.subItems.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`该事项的 ${item.subItems.length} 个子项将一并取消`} />
      )}
      <Form form={form} name="remove-power" layout="vertical">
        <ChangeFields bodyId={item?.bodyId} minDate={latestFrom} />
      </Form>
    </Modal>
  );
}
