/** The 立改废 part of every change form: reason, effective date, approving leader, note. */
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { powerChangeReasonIds, powerChangeReasons, type PowerChangeReason } from '../../../../src/domain/powers';
import { useApprovers } from './api';

export interface ChangeValues {
  reason: PowerChangeReason;
  effectiveOn: Dayjs;
  approverId: string;
  note: string;
}

export const toChange = (v: ChangeValues) => ({
  reason: v.reason,
  effectiveOn: v.effectiveOn.format('YYYY-MM-DD'),
  approverId: v.approverId,
  note: v.note.trim(),
});

export function ChangeFields({ bodyId, minDate }: { bodyId: string | undefined; minDate?: string }) {
  const approvers = useApprovers(bodyId);
  return (
    <>
      <Form.Item label="调整原因" name="reason" rules={[{ required: true, message: '请选择调整原因' }]}>
        <Select options={powerChangeReasonIds.map((r) => ({ value: r, label: powerChangeReasons[r] }))} placeholder="法律立改废 / 机构职能调整 / 上级要求" />
      </Form.Item>
      <Form.Item
        label="生效日期"
        name="effectiveOn"
        rules={[{ required: true, message: '请选择生效日期' }]}
        extra={minDate ? `应晚于现行版本的生效日期 ${minDate}` : '可以是将来的日期：到期前清单中仍显示现行版本'}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => !!minDate && d.format('YYYY-MM-DD') <= minDate} />
      </Form.Item>
      <Form.Item label="批准人（局领导）" name="approverId" rules={[{ required: true, message: '请选择批准的局领导' }]}>
        <Select
          loading={approvers.isFetching}
          disabled={!bodyId}
          placeholder={bodyId ? '请选择' : '请先选择实施主体'}
          options={(approvers.data ?? []).map((a) => ({ value: a.id, label: `${a.displayName}（${a.orgName}）` }))}
          notFoundContent="该执法主体没有在职的局领导账号"
        />
      </Form.Item>
      <Form.Item
        label="调整说明"
        name="note"
        rules={[
          { required: true, whitespace: true, message: '请写明调整的依据和理由' },
          { max: 1000, message: '最多 1000 字' },
        ]}
      >
        <Input.TextArea rows={2} maxLength={1000} placeholder="如：依据某法修订，第X条调整为第Y条" />
      </Form.Item>
    </>
  );
}
