/**
 * One modal for every act on a case: renders the fields `actions.ts` describes, sends the
 * transition (with 办理日期 and the version the page showed) or the act, and shows what the
 * server says — a guard's problems, a concurrent change, or the instrument fields it lacks
 * (INSTRUMENT_DATA_MISSING), which become extra inputs sent back as `input.instrumentData`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Divider, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { keys } from '../../api/queries';
import { CalculatorPanel, type Facts } from '../discretion/CalculatorPanel';
import { useViolation } from '../discretion/api';
import { FieldItem } from './ActionFields';
import { actForms, transitionForms, type ActionContext, type ActionForm as FormDescription, type ActName, type Field } from './actions';
import { DAY, initialValues, inputOf } from './actionValues';
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
        <Col xs={24} md={discretion ? 12 : 24}>
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
          <Col xs={24} md={12}>
            <CaseCalculator
              c={c}
              // 当场处罚 names the violation in the form itself; the other acts use the case's
              violationId={(values.violationId as string | undefined) ?? c.violationId ?? null}
              violationDate={(values.violationDate as Dayjs | undefined)?.format(DAY) ?? null}
              date={(values.__date as Dayjs | undefined)?.format(DAY) ?? ctx.today}
              onFacts={onFacts}
            />
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
function CaseCalculator({
  c,
  violationId,
  violationDate,
  date,
  onFacts,
}: {
  c: CaseDetail;
  violationId: string | null;
  violationDate: string | null;
  date: string;
  onFacts: (f: Facts) => void;
}) {
  const v = useViolation(violationId ?? '');
  const initial = useMemo(
    () => ({
      violationDate: c.violationDate ?? violationDate ?? date,
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
  if (!violationId) return <Alert type="warning" showIcon title="请先确定违法行为" />;
  if (v.error) return <Alert type="error" showIcon title={v.error.message} />;
  if (!v.data) return null;
  return <CalculatorPanel key={violationId} violation={v.data} initial={initial} onFactsChange={onFacts} />;
}
