/** Pure helpers of ActionModal: the form's starting values and the request's input from the form's values. */
import dayjs, { type Dayjs } from 'dayjs';
import { parseYuan } from '../../../../src/domain/discretion/money';
import type { Facts } from '../discretion/CalculatorPanel';
import type { ActionContext, Field } from './actions';

export const DAY = 'YYYY-MM-DD';
export const MINUTE = 'YYYY-MM-DDTHH:mm';
export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
export const resolve = (f: Extract<Field, { kind: 'select' }>, x: ActionContext) => (typeof f.options === 'function' ? f.options(x) : f.options);
const yuanOf = (fen: number | null | undefined) => (fen == null ? null : fen / 100);
const fenOf = (v: unknown) => (v == null || v === '' ? null : parseYuan(String(v)));
const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The form's starting values: 办理日期 and dates today, the description's defaults otherwise. */
export function initialValues(fields: Field[], x: ActionContext): Record<string, unknown> {
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
    // 法制审核: every item starts unanswered — the reviewer answers each one (nothing is presumed 符合)
    else if (f.kind === 'reviewItems') out[f.name] = {};
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
export function inputOf(fields: Field[], values: Record<string, unknown>, facts: Facts | null): Record<string, unknown> {
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
        // only what the reviewer answered: an unanswered item is sent as missing, and the server refuses it
        out[f.name] = Object.fromEntries(
          Object.entries((v as Record<string, { ok?: boolean; note?: string } | undefined> | undefined) ?? {})
            .filter(([, a]) => typeof a?.ok === 'boolean')
            .map(([k, a]) => [k, { ok: a!.ok, ...(trimmed(a!.note) ? { note: trimmed(a!.note) } : {}) }]),
        );
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
