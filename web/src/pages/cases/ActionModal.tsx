/**
 * One modal for every act on a case: renders the fields `actions.ts` describes, sends the
 * transition (with 办理日期 and the version the page showed) or the act, and shows what the
 * server says — a guard's problems, a concurrent change, or the instrument fields it lacks
 * (INSTRUMENT_DATA_MISSING), which become extra inputs sent back as `input.instrumentData`.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { parseYuan } from '../../../../src/domain/discretion/money';
import { api, ApiError } from '../../api/client';
import { keys, useOfficers } from '../../api/queries';
import { CalculatorPanel, type Facts } from '../discretion/CalculatorPanel';
import { useViolation, useViolations } from '../discretion/api';
import { actForms, penaltyKindOptions, transitionForms, type ActionContext, type ActionForm as FormDescription, type ActName, type Field } from './actions';
import { caseKeys, type CaseDetail } from './api';

export type Action = { type: 'transition'; name: keyof typeof transitionForms; label: string } | { type: 'act'; name: ActName };

interface Problem {
  code?: string;
  message: string;
}
interface Missing {
  path: string;
  label: string;
}

/** What a person typed for an instrument field, per case and path: offered again the next time it is missing. */
const remembered = new Map<string, string>();

const DAY = 'YYYY-MM-DD';
const MINUTE = 'YYYY-MM-DDTHH:mm';
const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const resolve = (f: Extract<Field, { kind: 'select' }>, x: ActionContext) => (typeof f.options === 'function' ? f.options(x) : f.options);
const yuanOf = (fen: number | null | undefined) => (fen == null ? null : fen / 100);
const fenOf = (v: unknown) => (v == null || v === '' ? null : parseYuan(String(v)));
const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The form's starting values: 办理日期 and dates today, the description's defaults otherwise. */
function initialValues(fields: Field[], x: ActionContext): Record<string, unknown> {
  const out: Record<string, unknown> = { __date: dayjs(x.today) };
  for (const f of fields) {
    const v = f.initial?.(x);
    if (f.kind === 'date') out[f.name] = dayjs(x.today);
    else if (f.kind === 'datetime') out[f.name] = dayjs(`${x.today}T${f.time ?? '09:00'}`);
    else if (f.kind === 'switch') out[f.name] = v ?? false;
    else if (f.kind === 'penalties')
      out[f.name] = ((v as { kind: string; amountFen?: number | null; note?: string | null }[] | undefined) ?? []).map((p) => ({
        kind: p.kind,
        amount: yuanOf(p.amountFen),
        note: p.note ?? undefined,
      }));
    else if (f.kind === 'reviewItems') out[f.name] = Object.fromEntries(Object.keys(x.ref.legalReviewItems).map((k) => [k, { ok: true, note: '符合' }]));
    else if (f.kind === 'instalments')
      out[f.name] = [
        {
          dueOn: x.c.paymentDue ? dayjs(x.c.paymentDue).add(1, 'month') : dayjs(x.today).add(1, 'month'),
          amount: yuanOf(x.c.owed?.outstandingFen ?? x.c.fineFen),
        },
      ];
    else if (v !== undefined) out[f.name] = v;
  }
  return out;
}

/** The request's input from the form's values. */
function inputOf(fields: Field[], values: Record<string, unknown>, facts: Facts | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.visible && !f.visible(values)) continue;
    const v = values[f.name];
    switch (f.kind) {
      case 'text':
      case 'textarea': {
        const t = trimmed(v);
        if (t !== undefined) out[f.name] = t;
        break;
      }
      case 'date':
        if (v) out[f.name] = (v as Dayjs).format(DAY);
        break;
      case 'datetime':
        if (v) out[f.name] = (v as Dayjs).format(MINUTE);
        break;
      case 'switch':
        out[f.name] = !!v;
        break;
      case 'money':
        if (v != null) out[f.name] = fenOf(v);
        break;
      case 'select':
      case 'officer':
      case 'violation':
        if (v) out[f.name] = v;
        break;
      case 'officers':
      case 'files':
        out[f.name] = (v as string[] | undefined) ?? [];
        break;
      case 'lines':
        out[f.name] = String(v ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case 'penalties':
        out[f.name] = ((v as { kind?: string; amount?: number | null; note?: string }[] | undefined) ?? [])
          .filter((p) => p?.kind)
          .map((p) => ({ kind: p.kind, ...(p.amount != null ? { amountFen: fenOf(p.amount) } : {}), ...(trimmed(p.note) ? { note: trimmed(p.note) } : {}) }));
        break;
      case 'members': {
        const rows = ((v as { name?: string; position?: string; opinion?: string }[] | undefined) ?? []).filter((m) => trimmed(m?.name));
        out.attendees = rows.map((m) => ({ name: m.name!.trim(), ...(trimmed(m.position) ? { position: trimmed(m.position) } : {}) }));
        out.opinions = rows.filter((m) => trimmed(m.opinion)).map((m) => ({ name: m.name!.trim(), opinion: m.opinion!.trim() }));
        break;
      }
      case 'turns':
        out[f.name] = ((v as { speaker?: string; text?: string }[] | undefined) ?? []).filter((t) => trimmed(t?.speaker) && trimmed(t?.text));
        break;
      case 'reviewItems':
        out[f.name] = v;
        break;
      case 'instalments':
        out[f.name] = ((v as { dueOn?: Dayjs; amount?: number }[] | undefined) ?? [])
          .filter((r) => r?.dueOn)
          .map((r) => ({ dueOn: r.dueOn!.format(DAY), amountFen: fenOf(r.amount) }));
        break;
      case 'discretion':
        if (facts) Object.assign(out, { bases: facts.bases, unreliableBases: facts.unreliable, circumstances: facts.circumstances });
        break;
    }
  }
  return out;
}

export function ActionModal({ action, ctx, onClose }: { action: Action | null; ctx: ActionContext; onClose: () => void }) {
  if (!action) return null;
  return <ActionForm key={`${action.type}:${action.name}`} action={action} ctx={ctx} onClose={onClose} />;
}

function ActionForm({ action, ctx, onClose }: { action: Action; ctx: ActionContext; onClose: () => void }) {
  const { c } = ctx;
  const desc: FormDescription = action.type === 'transition' ? transitionForms[action.name] : actForms[action.name];
  const title = action.type === 'transition' ? action.label : actForms[action.name].label;
  const fields: Field[] = desc.fields;
  const [form] = Form.useForm();
  const initial = useMemo(() => initialValues(fields, ctx), []); // eslint-disable-line react-hooks/exhaustive-deps
  const [facts, setFacts] = useState<Facts | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing[]>([]);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) ?? initial;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const onFacts = useCallback((f: Facts) => setFacts(f), []);

  // a changed 办理日期 moves the dates nobody has touched with it
  const onValuesChange = (changed: Record<string, unknown>) => {
    const d = changed.__date as Dayjs | undefined;
    if (!d) return;
    const patch: Record<string, unknown> = {};
    for (const f of fields) {
      if (form.isFieldTouched(f.name)) continue;
      if (f.kind === 'date') patch[f.name] = d;
      if (f.kind === 'datetime') patch[f.name] = dayjs(`${d.format(DAY)}T${f.time ?? '09:00'}`);
    }
    form.setFieldsValue(patch);
  };

  const submit = async () => {
    const v = await form.validateFields();
    const input = inputOf(fields, v, facts);
    if (missing.length) {
      input.instrumentData = Object.fromEntries(missing.map((m, i) => [m.path, String(v.__instrument?.[i] ?? '').trim()]));
      missing.forEach((m, i) => remembered.set(`${c.id}:${m.path}`, String(v.__instrument?.[i] ?? '').trim()));
    }
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const base = `/api/cases/${encodeURIComponent(c.id)}`;
      const next =
        action.type === 'transition'
          ? await api.post<CaseDetail>(`${base}/transitions/${action.name}`, {
              expectedVersion: c.matter.version,
              date: (v.__date as Dayjs).format(DAY),
              input,
            })
          : await api.post<CaseDetail>(`${base}/${actForms[action.name].path}`, input);
      queryClient.setQueryData(caseKeys.detail(c.id), next);
      queryClient.invalidateQueries({ queryKey: caseKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
      queryClient.invalidateQueries({ queryKey: keys.matter('case', c.id) });
      message.success(`${title}：已办理`);
      onClose();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const d = e.details as { problems?: Problem[]; missing?: Missing[]; issues?: { path: string; message: string }[] } | undefined;
      setError(e.message);
      if (e.code === 'INSTRUMENT_DATA_MISSING' && d?.missing?.length) {
        setMissing(d.missing);
        form.setFieldValue(
          '__instrument',
          d.missing.map((m) => remembered.get(`${c.id}:${m.path}`) ?? ''),
        );
      }
      if (Array.isArray(d?.problems)) setProblems(d.problems);
      if (Array.isArray(d?.issues))
        form.setFields(
          d.issues.filter((i) => fields.some((f) => f.name === i.path.split('.')[0])).map((i) => ({ name: i.path.split('.')[0], errors: [i.message] })),
        );
      if (e.code === 'CONCURRENT_CHANGE') queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
    } finally {
      setBusy(false);
    }
  };

  const discretion = fields.find((f) => f.kind === 'discretion');
  return (
    <Modal
      open
      title={title}
      width={discretion ? 1100 : 720}
      onCancel={onClose}
      onOk={submit}
      okText="办理"
      okButtonProps={{ loading: busy, danger: desc.danger }}
      cancelText="取消"
      destroyOnHidden
      maskClosable={false}
    >
      {desc.note && <Alert type="info" showIcon title={desc.note} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col span={discretion ? 12 : 24}>
          <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} data-testid="action-form">
            {action.type === 'transition' && (
              <Form.Item name="__date" label="办理日期" rules={[{ required: true, message: '请选择办理日期' }]} help="按实际办理的日期填写，不能晚于今天">
                <DatePicker style={{ width: 200 }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(ctx.today), 'day')} />
              </Form.Item>
            )}
            {fields
              .filter((f) => f.kind !== 'discretion' && (!f.visible || f.visible(values)))
              .map((f) => (
                <FieldItem key={f.name} f={f} ctx={ctx} />
              ))}
            {missing.length > 0 && (
              <>
                <Divider titlePlacement="start">文书所需内容</Divider>
                {missing.map((m, i) => (
                  <Form.Item
                    key={m.path}
                    name={['__instrument', i]}
                    label={m.label}
                    rules={[{ required: true, whitespace: true, message: `请填写${m.label}` }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                  </Form.Item>
                ))}
              </>
            )}
          </Form>
        </Col>
        {discretion && (
          <Col span={12}>
            <CaseCalculator c={c} date={(values.__date as Dayjs | undefined)?.format(DAY) ?? ctx.today} onFacts={onFacts} />
          </Col>
        )}
      </Row>
      {error && (
        <Alert
          type={missing.length && !problems.length ? 'warning' : 'error'}
          showIcon
          data-testid="action-error"
          style={{ marginTop: 12 }}
          title={error}
          description={
            problems.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </Modal>
  );
}

/** The discretion calculator for the case's violation, starting from the case's facts. */
function CaseCalculator({ c, date, onFacts }: { c: CaseDetail; date: string; onFacts: (f: Facts) => void }) {
  const v = useViolation(c.violationId ?? '');
  const initial = useMemo(
    () => ({
      violationDate: c.violationDate ?? date,
      decisionDate: date,
      partyType: c.partyType,
      ...(c.discretionInput
        ? {
            bases: c.discretionInput.bases as Facts['bases'],
            unreliable: c.discretionInput.unreliableBases as Facts['unreliable'],
            circumstances: c.discretionInput.circumstances as string[],
          }
        : {}),
    }),
    [],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  if (!c.violationId) return <Alert type="warning" showIcon title="案件尚未确定违法行为" />;
  if (v.error) return <Alert type="error" showIcon title={v.error.message} />;
  if (!v.data) return null;
  return <CalculatorPanel violation={v.data} initial={initial} onFactsChange={onFacts} />;
}

function FieldItem({ f, ctx }: { f: Field; ctx: ActionContext }) {
  const rules = f.required ? [{ required: true, message: `请填写${f.label}` }] : [];
  const item = (input: React.ReactNode, extra: object = {}) => (
    <Form.Item name={f.name} label={f.label} rules={rules} extra={f.help} {...extra}>
      {input}
    </Form.Item>
  );
  switch (f.kind) {
    case 'text':
      return item(<Input maxLength={200} />);
    case 'textarea':
      return item(<Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />);
    case 'date':
      return item(<DatePicker style={{ width: 200 }} allowClear={false} disabledDate={(d) => d.isAfter(dayjs(ctx.today), 'day')} />);
    case 'datetime':
      return item(<DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} allowClear={false} />);
    case 'switch':
      return item(<Switch />, { valuePropName: 'checked' });
    case 'money':
      return item(<InputNumber<number> min={0} precision={2} style={{ width: 220 }} suffix="元" />);
    case 'select':
      return item(<Select allowClear={!f.required} options={options(resolve(f, ctx))} />);
    case 'officers':
    case 'officer':
      return item(<OfficerSelect multiple={f.kind === 'officers'} ctx={ctx} />);
    case 'violation':
      return item(<ViolationSelect field={ctx.c.field} />);
    case 'files': {
      const files = ctx.files.filter((x) => !f.av || /^(video|audio)\//.test(x.contentType));
      return item(
        <Select
          mode="multiple"
          options={files.map((x) => ({ value: x.id, label: `${x.fileName}（${x.contentType}）` }))}
          notFoundContent="本案尚无可选的文件，请先上传"
        />,
      );
    }
    case 'lines':
      return item(<Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder="每行一项" />);
    case 'penalties':
      return (
        <Rows
          f={f}
          cols={[
            {
              name: 'kind',
              node: (
                <Select
                  options={penaltyKindOptions}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder="处罚种类"
                  aria-label="处罚种类"
                  style={{ width: 170 }}
                />
              ),
              required: true,
            },
            { name: 'amount', node: <InputNumber<number> min={0} precision={2} placeholder="金额（元）" aria-label="金额（元）" style={{ width: 160 }} /> },
            { name: 'note', node: <Input placeholder="说明（如：没收的物品）" aria-label="说明" style={{ width: 220 }} /> },
          ]}
          hint="罚款、没收违法所得须写明金额（元）"
        />
      );
    case 'members':
      return (
        <Rows
          f={f}
          cols={[
            { name: 'name', node: <Input placeholder="姓名" aria-label="姓名" style={{ width: 110 }} />, required: true },
            { name: 'position', node: <Input placeholder="职务" aria-label="职务" style={{ width: 110 }} /> },
            { name: 'opinion', node: <Input placeholder="意见" aria-label="意见" style={{ width: 280 }} /> },
          ]}
        />
      );
    case 'turns':
      return (
        <Rows
          f={f}
          cols={[
            { name: 'speaker', node: <Input placeholder="发言人" aria-label="发言人" style={{ width: 110 }} />, required: true },
            { name: 'text', node: <Input placeholder="发言内容" aria-label="发言内容" style={{ width: 420 }} /> },
          ]}
        />
      );
    case 'instalments':
      return (
        <Rows
          f={f}
          cols={[
            { name: 'dueOn', node: <DatePicker placeholder="缴款期限" aria-label="缴款期限" />, required: true },
            {
              name: 'amount',
              node: <InputNumber<number> min={0} precision={2} placeholder="金额（元）" aria-label="金额（元）" style={{ width: 160 }} />,
              required: true,
            },
          ]}
        />
      );
    case 'reviewItems':
      return (
        <Form.Item label={f.label} required>
          {Object.entries(ctx.ref.legalReviewItems).map(([k, label]) => (
            <Space key={k} style={{ display: 'flex', marginBottom: 4 }} align="center">
              <Form.Item name={[f.name, k, 'ok']} valuePropName="checked" noStyle>
                <Switch checkedChildren="符合" unCheckedChildren="不符合" aria-label={label} />
              </Form.Item>
              <span style={{ width: 260, display: 'inline-block' }}>{label}</span>
              <Form.Item name={[f.name, k, 'note']} noStyle>
                <Input size="small" placeholder="说明" style={{ width: 200 }} />
              </Form.Item>
            </Space>
          ))}
        </Form.Item>
      );
    case 'discretion':
      return null;
  }
}

/** A list of rows (penalties, attendees, turns, instalments) with add and remove. */
function Rows({ f, cols, hint }: { f: Field; cols: { name: string; node: React.ReactNode; required?: boolean }[]; hint?: string }) {
  return (
    <Form.Item label={f.label} extra={hint} data-testid={`rows-${f.name}`}>
      <Form.List name={f.name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((r) => (
              <Space key={r.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                {cols.map((col) => (
                  <Form.Item key={col.name} name={[r.name, col.name]} noStyle rules={col.required ? [{ required: true, message: '必填' }] : []}>
                    {col.node}
                  </Form.Item>
                ))}
                <MinusCircleOutlined onClick={() => remove(r.name)} aria-label="删除" />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
              添加
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** Officers in the caller's scope, those certified for the case's field first. */
function OfficerSelect({
  multiple,
  ctx,
  ...rest
}: {
  multiple: boolean;
  ctx: ActionContext;
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
}) {
  const officers = useOfficers({});
  const field = ctx.c.field;
  const opts = (officers.data ?? [])
    .filter((o) => o.active)
    .map((o) => {
      const certified = o.certificates.some((x) => x.effectiveStatus === 'valid' && (x.fields.includes(field) || x.fields.includes('general')));
      return { value: o.id, label: `${o.name}（${o.orgName}${certified ? '，持证' : '，无有效执法证'}）`, certified };
    })
    .sort((a, b) => Number(b.certified) - Number(a.certified));
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      loading={officers.isPending}
      options={opts}
      placeholder="选择执法人员"
    />
  );
}

function ViolationSelect({ field, ...rest }: { field: string; value?: string; onChange?: (v: string) => void }) {
  const list = useViolations({ field });
  return (
    <Select
      {...rest}
      showSearch={{ optionFilterProp: 'label' }}
      loading={list.isPending}
      placeholder="选择违法行为"
      options={(list.data ?? []).map((v) => ({ value: v.id, label: `${v.code} ${v.name}` }))}
      notFoundContent={<Typography.Text type="secondary">本领域暂无违法行为目录</Typography.Text>}
    />
  );
}
