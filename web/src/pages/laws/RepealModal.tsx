/** 废止: the repeal date and why; citations of the version's articles are flagged for review. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { lawKeys, type LawVersion } from './api';

export function RepealModal({ version, onClose }: { version: LawVersion | null; onClose: () => void }) {
  const [form] = Form.useForm<{ repealedOn: dayjs.Dayjs; note: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !version) return;
    try {
      const r = await api.post<{ flagsRaised: number }>(`/api/laws/versions/${encodeURIComponent(version.id)}/repeal`, {
        repealedOn: v.repealedOn.format('YYYY-MM-DD'),
        note: v.note,
      });
      message.success(`已记录废止${r.flagsRaised ? `，生成依据变更提示 ${r.flagsRaised} 条` : ''}`);
      await queryClient.invalidateQueries({ queryKey: lawKeys.all });
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal
      title={`废止《${version?.title ?? ''}》${version?.versionDate ?? ''} 版`}
      open={!!version}
      onOk={submit}
      onCancel={onClose}
      okText="确认废止"
      okButtonProps={{ danger: true }}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="引用该版本条文的权责事项、违法行为和裁量基准都会生成“依据变更”提示，须逐条确认处理。"
      />
      <Form form={form} layout="vertical" initialValues={{ repealedOn: dayjs() }}>
        <Form.Item name="repealedOn" label="废止日期" rules={[{ required: true, message: '请选择废止日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => !!version && d.isBefore(dayjs(version.versionDate), 'day')} />
        </Form.Item>
        <Form.Item name="note" label="废止依据或说明" rules={[{ required: true, min: 2, max: 500, message: '请填写 2–500 字的说明' }]}>
          <Input.TextArea rows={3} placeholder="如：《国务院关于废止部分行政法规的决定》（国务院令第××号）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
