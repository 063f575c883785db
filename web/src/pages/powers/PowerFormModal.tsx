/** 新增权责事项 / 变更权责事项: the item's content plus the change record (reason, date, approver, note). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { formatListCell, formatStepsCell, parseListCell, parseStepsCell, type PowerCategory } from '../../../../src/domain/powers';
import { api } from '../../api/client';
import { applyServerError } from '../../lib/forms';
import { powerKeys, usePowerBodies, usePowers, type PowerItemDetail } from './api';
import { BasisInput, resolveBasisText } from './BasisInput';
import { ChangeFields, toChange, type ChangeValues } from './ChangeFields';
import { categoryOptions } from './parts';

/** `parent`: adding a sub-item (子项) under it — same body and category, code prefilled. */
export type PowerFormTarget =
  | { mode: 'add'; bodyId?: string; parent?: Pick<PowerItemDetail, 'id' | 'code' | 'category' | 'unitId'> & { subItems: number } }
  | { mode: 'amend'; item: PowerItemDetail }
  | null;

interface Values extends ChangeValues {
  bodyId: string;
  parentId?: string;
  code: string;
  name: string;
  category: PowerCategory;
  unitId: string;
  basisText: string;
  responsibilities: string;
  accountability: string;
  steps?: string;
  materials?: string;
  timeLimit?: string;
  fee?: string;
  office?: string;
  phone?: string;
  remarks?: string;
}

/** The basis as the user would type it: current-version articles as 《法名》第X条, others as ids. */
const basisAsText = (item: PowerItemDetail) =>
  item.basis.map((a) => (a.versionStatus === 'effective' ? `《${a.lawTitle}》${a.label}` : a.articleId)).join('\n');

export function PowerFormModal({ target, onClose, onSaved }: { target: PowerFormTarget; onClose: () => void; onSaved?: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const amending = target?.mode === 'amend' ? target.item : null;
  const bodies = usePowerBodies();
  const bodyId = Form.useWatch('bodyId', form) ?? amending?.bodyId;
  const body = bodies.data?.find((b) => b.id === bodyId);
  const parents = usePowers({ bodyId }, !!bodyId && !amending);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'amend') {
      const i = target.item;
      form.setFieldsValue({
        bodyId: i.bodyId,
        code: i.code,
        name: i.name,
        category: i.category,
        unitId: i.unitId,
        basisText: basisAsText(i),
        responsibilities: formatListCell(i.responsibilities),
        accountability: formatListCell(i.accountability),
        steps: formatStepsCell(i.steps),
        materials: formatListCell(i.materials),
        timeLimit: i.timeLimit ?? '',
        fee: i.fee ?? '',
        office: i.office ?? '',
        phone: i.phone ?? '',
        remarks: i.remarks ?? '',
      });
    } else {
      const p = target.parent;
      form.setFieldsValue({
        bodyId: target.bodyId,
        ...(p ? { parentId: p.id, category: p.category, unitId: p.unitId, code: `${p.code}-${String(p.subItems + 1).padStart(2, '0')}` } : {}),
      });
    }
  }, [target, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const basis = await resolveBasisText(v.basisText);
      if (basis.errors.length) {
        form.setFields([{ name: 'basisText', errors: basis.errors }]);
        throw new Error('设定依据中有无法解析的条文');
      }
      const item = {
        name: v.name.trim(),
        category: v.category,
        unitId: v.unitId,
        basis: basis.ids,
        responsibilities: parseListCell(v.responsibilities),
        accountability: parseListCell(v.accountability),
        steps: parseStepsCell(v.steps ?? ''),
        materials: parseListCell(v.materials ?? ''),
        timeLimit: v.timeLimit?.trim() || null,
        fee: v.fee?.trim() || null,
        office: v.office?.trim() || null,
        phone: v.phone?.trim() || null,
        remarks: v.remarks?.trim() || null,
      };
      if (amending) return api.post<PowerItemDetail>(`/api/powers/${amending.id}/amend`, { item, change: toChange(v) });
      return api.post<PowerItemDetail>('/api/powers', { bodyId: v.bodyId, code: v.code.trim(), parentId: v.parentId ?? null, item, change: toChange(v) });
    },
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const saved = await save.mutateAsync(v);
      message.success(amending ? `已变更“${saved.name}”，自 ${toChange(v).effectiveOn} 起生效` : `已新增“${saved.name}”`);
      await queryClient.invalidateQueries({ queryKey: powerKeys.all });
      onClose();
      onSaved?.(saved.id);
    } catch (e) {
      message.error(applyServerError(form, e));
    }
  };

  const latestFrom = amending ? amending.versions[amending.versions.length - 1].validFrom : undefined;
  const lines = (label: string, name: keyof Values, required: boolean, placeholder: string) => (
    <Form.Item label={label} name={name} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []} extra="每行一条">
      <Input.TextArea rows={3} placeholder={placeholder} />
    </Form.Item>
  );

  return (
    <Modal
      title={
        amending
          ? `变更权责事项：${amending.code} ${amending.name}`
          : target?.mode === 'add' && target.parent
            ? `新增子项（所属事项 ${target.parent.code}）`
            : '新增权责事项'
      }
      open={!!target}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okText={amending ? '提交变更' : '新增'}
      width={860}
      forceRender
      destroyOnHidden={false}
    >
      <Form form={form} name="power" layout="vertical">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="实施主体" name="bodyId" rules={[{ required: true, message: '请选择实施主体' }]}>
              <Select
                disabled={!!amending}
                options={(bodies.data ?? []).filter((b) => b.abilities.add || b.id === amending?.bodyId).map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="事项编码"
              name="code"
              rules={[{ required: true, whitespace: true, message: '请填写事项编码' }]}
              extra={amending ? '编码不可变更' : `如 ${body?.divisionCode ?? '330211'}-XK-001；子项在所属事项编码后加 -01`}
            >
              <Input disabled={!!amending} maxLength={40} />
            </Form.Item>
          </Col>
          {!amending && (
            <Col span={24}>
              <Form.Item label="所属事项（子项才填）" name="parentId">
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="不选则为主项"
                  disabled={!bodyId}
                  options={(parents.data?.items ?? []).filter((i) => !i.parentId).map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col span={16}>
            <Form.Item
              label="事项名称"
              name="name"
              rules={[
                { required: true, whitespace: true, message: '请填写事项名称' },
                { max: 200, message: '最多 200 字' },
              ]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="职权类别" name="category" rules={[{ required: true, message: '请选择职权类别' }]}>
              <Select options={categoryOptions} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="承办机构" name="unitId" rules={[{ required: true, message: '请选择承办机构' }]}>
              <Select disabled={!body} options={(body?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="办理时限" name="timeLimit">
              <Input maxLength={500} placeholder="如：法定20个工作日，承诺10个工作日" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="设定依据" name="basisText" rules={[{ required: true, whitespace: true, message: '每项职权都应有法律依据' }]}>
              <BasisInput />
            </Form.Item>
          </Col>
          <Col span={12}>{lines('责任事项', 'responsibilities', true, '受理责任：…\n审查责任：…')}</Col>
          <Col span={12}>{lines('追责情形', 'accountability', true, '对符合法定条件的申请不予受理的；…')}</Col>
          <Col span={12}>{lines('办理流程', 'steps', false, '受理（当场）\n审查（10个工作日）')}</Col>
          <Col span={12}>{lines('申请材料', 'materials', false, '申请书\n营业执照')}</Col>
          <Col span={8}>
            <Form.Item label="收费标准" name="fee">
              <Input maxLength={500} placeholder="不收费" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="办理地点" name="office">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="咨询电话" name="phone">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="备注（内部，不公开）" name="remarks">
              <Input maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">调整记录</Divider>
        <ChangeFields bodyId={bodyId} minDate={latestFrom} />
      </Form>
    </Modal>
  );
}
