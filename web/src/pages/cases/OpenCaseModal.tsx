import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { procedures } from '../../../../src/domain/cases/rules';
import { partyTypes } from '../../../../src/domain/discretion/vocabulary';
import { api, ApiError } from '../../api/client';
import { useReference } from '../../api/queries';
import { useSession } from '../../auth/session';
import { chinaToday } from '../../lib/format';
import { caseKeys, useCaseReference, type CaseDetail, type CreateCaseRequest } from './api';

type Values = Omit<CreateCaseRequest, 'receivedOn'> & { receivedOn: Dayjs };
const blankToNull = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' && !v.trim() ? null : v])) as T;

/** 登记线索: the party (统一社会信用代码 / 身份证件号码 checked by the server), contact, field, source and procedure. */
export function OpenCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const ref = useCaseReference();
  const enforcement = useReference();
  const partyType = Form.useWatch(['party', 'type'], form);
  const source = Form.useWatch('source', form);

  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post<CaseDetail>('/api/cases', {
        ...v,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        party: blankToNull(v.party),
        contact: blankToNull(v.contact),
        sourceNote: v.sourceNote?.trim() || undefined,
        title: v.title?.trim() || undefined,
        // 实名举报人: told of the filing decision within five working days (投诉举报处理暂行办法 第三十一条)
        reporter: v.source === 'report' && v.reporter?.name?.trim() ? blankToNull(v.reporter) : undefined,
      }),
    onSuccess: (c) => {
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
      message.success('线索已登记');
      onClose();
      form.resetFields();
      navigate(`/cases/${c.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.details)) {
        form.setFields(
          (e.details as { path: string; message: string }[]).filter((d) => d.path).map((d) => ({ name: d.path.split('.') as never, errors: [d.message] })),
        );
      }
      message.error(e.message);
    },
  });

  return (
    <Modal
      open={open}
      title="登记线索"
      width={820}
      okText="登记"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => create.mutate(v))}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          procedure: 'ordinary',
          source: 'complaint',
          receivedOn: dayjs(chinaToday()),
          party: { type: 'organisation' } as Values['party'],
          contact: { name: user.displayName } as Values['contact'],
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="procedure" label="程序" rules={[{ required: true }]}>
              <Radio.Group options={Object.entries(procedures).map(([value, label]) => ({ value, label }))} optionType="button" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="source" label="案件来源" rules={[{ required: true, message: '请选择案件来源' }]}>
              <Select options={Object.entries(ref.data?.sources ?? {}).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="receivedOn" label="发现或收到线索日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(chinaToday()), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="field" label="执法领域" rules={[{ required: true, message: '请选择执法领域' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={Object.entries(enforcement.data?.fields ?? {}).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="sourceNote" label="来源说明">
              <Input maxLength={500} placeholder="如：投诉人电话、移送机关及文号" />
            </Form.Item>
          </Col>
        </Row>
        {source === 'report' && (
          <Row gutter={16} data-testid="lead-reporter">
            <Col span={12}>
              <Form.Item name={['reporter', 'name']} label="举报人姓名（实名举报）" extra="实名举报的，自作出是否立案决定之日起五个工作日内告知举报人">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['reporter', 'phone']} label="举报人联系电话">
                <Input maxLength={20} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="summary" label="线索内容（涉嫌违法行为）" rules={[{ required: true, whitespace: true, message: '请填写线索内容' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name={['party', 'type']} label="当事人类型" rules={[{ required: true }]}>
          <Radio.Group options={Object.entries(partyTypes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['party', 'name']} label="当事人名称（姓名）" rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {partyType === 'naturalPerson' ? (
              <Form.Item name={['party', 'idNumber']} label="公民身份号码" extra="个体工商户也可只填统一社会信用代码">
                <Input maxLength={18} />
              </Form.Item>
            ) : (
              <Form.Item name={['party', 'uscc']} label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}>
                <Input maxLength={18} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['party', 'address']} label="住所（地址）" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['party', 'legalRep']} label={partyType === 'naturalPerson' ? '经营者' : '法定代表人'}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['party', 'phone']} label="当事人电话">
              <Input maxLength={20} />
            </Form.Item>
          </Col>
        </Row>
        {partyType === 'naturalPerson' && (
          <Form.Item name={['party', 'uscc']} label="统一社会信用代码（个体工商户）">
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name={['contact', 'name']} label="联系人" rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['contact', 'phone']} label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['contact', 'address']} label="联系地址">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
