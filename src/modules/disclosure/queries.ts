/** The staff reads of 政府信息公开申请 (shaped as responses.ts declares) and the portal's status by query code. */
import {
  answerTypeLabels,
  applicantKinds,
  disclosureChannels,
  disclosureStates,
  isQueryCode,
  withholdingGroundLabels,
  type AnswerType,
  type DisclosureState,
} from '../../domain/disclosure/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { bodyOfCaller, disclosureAbilities, visibleDisclosureSql } from './access.ts';
import type { DisclosureDetail, DisclosureItem, PublicDisclosureStatus } from './responses.ts';
import { disclosureSelect, type DisclosureRow } from './store.ts';

type ListRow = DisclosureRow & { bodyName: string; answerDue: string | null };

const listSelect = disclosureSelect.replace(
  ' from disclosure_requests d join matters m on m.id = d.id',
  `, o.name as "bodyName",
     (select x.due_date from matter_deadlines x where x.matter_id = d.id and x.rule_id = 'disclosure.answer' and x.status <> 'cancelled' order by x.created_at desc limit 1) as "answerDue"
   from disclosure_requests d join matters m on m.id = d.id join orgs o on o.id = d.body_id`,
);

const item = (r: ListRow, today: string): DisclosureItem => ({
  id: r.id,
  bodyId: r.bodyId,
  bodyName: r.bodyName,
  queryCode: r.queryCode,
  channel: r.channel,
  channelLabel: disclosureChannels[r.channel] ?? r.channel,
  applicantKind: r.applicantKind,
  applicantKindLabel: applicantKinds[r.applicantKind] ?? r.applicantKind,
  applicantName: r.applicantName,
  description: r.description,
  receivedOn: r.receivedOn,
  answerDue: r.state === 'correcting' ? null : r.answerDue,
  overdue: r.state !== 'answered' && r.state !== 'correcting' && !!r.answerDue && r.answerDue < today,
  answerType: r.answerType,
  answerTypeLabel: r.answerType ? answerTypeLabels[r.answerType as AnswerType] : null,
  answeredOn: r.answeredOn,
  state: r.state,
  stateLabel: disclosureStates[r.state as DisclosureState] ?? r.state,
});

export async function listDisclosures(q: Queryable, p: Principal, f: { state?: string; limit: number; offset: number }, today = chinaToday()) {
  const params: unknown[] = [];
  let cond = ` and ${await visibleDisclosureSql(q, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and m.state = $${params.length}`;
  }
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from disclosure_requests d join matters m on m.id = d.id where true ${cond}`, params))
    .rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<ListRow>(`${listSelect} where true ${cond} order by d.received_on desc, d.created_at desc limit $${n + 1} offset $${n + 2}`, [
      ...params,
      f.limit,
      f.offset,
    ])
  ).rows;
  const body = await bodyOfCaller(q, p);
  return { total, items: rows.map((r) => item(r, today)), mayRegister: (await disclosureAbilities(q, p, body)).handle };
}

export async function disclosureDetail(reg: Registry, q: Queryable, p: Principal, id: string, today = chinaToday()): Promise<DisclosureDetail | null> {
  const r = (await q.query<ListRow>(`${listSelect} where d.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const abilities = await disclosureAbilities(q, p, r.bodyId);
  if (!abilities.read) return null;
  const instruments = (
    await q.query<{ id: string; kind: string; title: string; number: string; issuedOn: string }>(
      `select id, kind, title, number, issued_on as "issuedOn" from instruments where matter_type = 'disclosureRequest' and matter_id = $1 order by created_at`,
      [id],
    )
  ).rows;
  return {
    ...item(r, today),
    version: m.version,
    applicantIdNumber: r.applicantIdNumber,
    applicantContact: r.applicantContact,
    form: r.form,
    correction: r.correction ? { ...r.correction, receivedOn: r.correction.receivedOn ?? null } : null,
    consultations: r.consultations,
    extension: r.extension,
    answer: r.answer ? { ...r.answer, groundLabel: r.answer.ground ? withholdingGroundLabels[r.answer.ground] : null } : null,
    instruments,
    deadlines: await deadlinesOf(q, id),
    transitions: abilities.handle ? presentMatter(reg, m, p).transitions : [],
    abilities,
  };
}

/**
 * The portal's status for a query code: the body, the dates and the answer's type — nothing the applicant wrote, no
 * name or contact. An unknown or malformed code is null (the page says it was not found; nothing tells a guesser more).
 */
export async function publicDisclosureStatus(q: Queryable, code: string): Promise<PublicDisclosureStatus | null> {
  const c = code.trim().toUpperCase();
  if (!isQueryCode(c)) return null;
  const r = (await q.query<ListRow>(`${listSelect} where d.query_code = $1`, [c])).rows[0];
  if (!r) return null;
  const steps: { date: string; label: string }[] = [{ date: r.receivedOn, label: '收到申请' }];
  if (r.correction) steps.push({ date: r.correction.noticeOn, label: `告知补正（补正期限至 ${r.correction.dueOn}）` });
  if (r.correction?.receivedOn) steps.push({ date: r.correction.receivedOn, label: '收到补正的申请，答复期限重新计算' });
  for (const c2 of r.consultations) {
    steps.push({ date: c2.sentOn, label: '征求第三方意见（所需时间不计入答复期限）' });
    if (c2.repliedOn) steps.push({ date: c2.repliedOn, label: '第三方意见征求结束' });
  }
  if (r.extension) steps.push({ date: r.extension.on, label: `延长答复期限至 ${r.extension.dueOn}` });
  if (r.answeredOn) steps.push({ date: r.answeredOn, label: `作出答复（${answerTypeLabels[r.answerType as AnswerType]}）` });
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    queryCode: r.queryCode,
    bodyName: r.bodyName,
    receivedOn: r.receivedOn,
    stateLabel: disclosureStates[r.state as DisclosureState] ?? r.state,
    answerDue: r.state === 'answered' || r.state === 'correcting' ? null : r.answerDue,
    extended: !!r.extension,
    answeredOn: r.answeredOn,
    answerTypeLabel: r.answerType ? answerTypeLabels[r.answerType as AnswerType] : null,
    steps,
  };
}

/** The bodies a request can be addressed to on the portal (every enforcement body). */
export async function disclosureBodies(q: Queryable) {
  return {
    items: (await q.query<{ id: string; name: string }>('select id, name from orgs where is_enforcement_body order by sort_order, name')).rows,
  };
}
