/**
 * 登记行政复议 / 登记行政诉讼 against a subject (the case page passes its case; the list page asks for the subject):
 * the date the application or complaint copy was received starts the answer (10 working days) or defence (15 days) limit.
 */
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { applyServerError } from '../../lib/forms';
import { chinaToday } from '../../lib/format';

export function RegisterModal({
  kind,
  subject,
  onClose,
}: {
  kind: 'reconsideration' | 'lawsuit';
  subject?: { type: string; id: string };
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rec = kind === 'reconsideration';
  const submit = async (v: Record<string, unknown>) => {
    const date = (x: unknown) => (x ? (x as Dayjs).format('YYYY-MM-DD') : undefined);
    const body = Object.fromEntries(
      Object.entries({
        ...v,
        subject: subject ?? { type: v.subjectType, id: v.subjectId },
        subjectType: undefined,
        subjectId: undefined,
        receivedOn: date(v.receivedOn),
        filedOn: date(v.filedOn),
      }).filter(([, x]) => x !== undefined && x !== ''),
    );
    setBusy(true);
    try {
      const r = await api.post<{ id: string }>(rec ? '/api/reconsiderations' : '/api/lawsuits', body);
      message.success(rec ? '已登记行政复议' : '已登记行政诉讼');
      onClose();
      navigate(`/remedies/${rec ? 'reconsiderations' : 'lawsuits'}/${r.id}`);
    } catch (e) {
      setProblem(applyServerError(form, e));
    } finally {
      setBusy(false);
    }
  };
  const req = (label: string) => [{ required: true, message: `请填写${label}` }];
  return (
    <Modal
      open
      title={rec ? '登记行政复议（收到申请书副本）' : '登记行政诉讼（收到起诉状副本）'}
      okText="登记"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() =>
        form
          .validateFields()
          .then(submit)
          .catch(() => {})
      }
      width={640}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="register-problem" />}
      <Form form={form} layout="vertical">
        {!subject && (
          <>
            <Form.Item name="subjectType" label="被申请（被诉）事项类别" initialValue="case" rules={req('事项类别')}>
              <Select options={[{ value: 'case', label: '行政处罚案件' }]} showSearch />
            </Form.Item>
            <Form.Item name="subjectId" label="被申请（被诉）事项编号" rules={req('事项编号')}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name={rec ? 'applicant' : 'plaintiff'} label={rec ? '申请人' : '原告'} rules={req(rec ? '申请人' : '原告')}>
          <Input />
        </Form.Item>
        <Form.Item name={rec ? 'reviewingBody' : 'court'} label={rec ? '行政复议机关' : '人民法院'} rules={req(rec ? '行政复议机关' : '人民法院')}>
          <Input />
        </Form.Item>
        <Form.Item name="fileNumber" label="案号">
          <Input />
        </Form.Item>
        <Form.Item name={rec ? 'request' : 'claims'} label={rec ? '行政复议请求及理由' : '诉讼请求'} rules={req(rec ? '复议请求' : '诉讼请求')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={rec ? '收到申请书副本之日（答复期限：十个工作日，第四十八条）' : '收到起诉状副本之日（答辩期限：十五日，第六十七条）'}
          initialValue={dayjs(chinaToday())}
          rules={req('收到日期')}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="filedOn" label={rec ? '申请人提出申请之日（可不填）' : '原告起诉之日（可不填）'}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
