/**
 * Visibility-aware reads of complaints and reports: the list of the caller's subtree (filters, the nearest open
 * deadline, the group's size) and one matter — never the person (only `personGiven`); the audited identity read is
 * the route's. The export (.csv) has the same columns as the list: no person, ever.
 */
import {
  complaintCategories,
  complaintChannels,
  complaintKinds,
  complaintStates,
  mediationModes,
  rejectionGrounds,
  reportClosingGrounds,
  reportStates,
  terminationGrounds,
} from '../../domain/complaints/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { complaintAbilities } from './access.ts';
import { attachmentsOf, complaintColumns, type ComplaintRow, findComplaint } from './store.ts';

const label = <T extends Record<string, string>>(m: T, k: string | null) => (k ? ((m as Record<string, string>)[k] ?? k) : null);
export const stateLabelOf = (kind: string, state: string) =>
  kind === 'report' ? (label(reportStates, state) ?? state) : (label(complaintStates, state) ?? state);

export interface ListFilter {
  kind?: 'complaint' | 'report';
  state?: string;
  channel?: string;
  q?: string;
  overdue?: boolean;
  groupId?: string;
  limit?: number;
  offset?: number;
}

type ListRow = ComplaintRow & { orgName: string; groupSize: number; dueRule: string | null; dueLabel: string | null; dueDate: string | null };

function item(r: ListRow, today: string) {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: complaintKinds[r.kind],
    channel: r.channel,
    channelLabel: label(complaintChannels, r.channel)!,
    orgId: r.orgId,
    orgName: r.orgName,
    receivedOn: r.receivedOn,
    respondentName: r.respondentName,
    category: r.category,
    categoryLabel: label(complaintCategories, r.category)!,
    summary: r.summary,
    anonymous: r.anonymous,
    state: r.state,
    stateLabel: stateLabelOf(r.kind, r.state),
    groupId: r.groupId,
    groupSize: r.groupSize,
    externalNo: r.externalNo,
    caseId: r.caseId,
    due: r.dueRule ? { ruleId: r.dueRule, label: r.dueLabel!, due: r.dueDate!, overdue: r.dueDate! < today } : null,
  };
}

export async function listComplaints(q: Queryable, p: Principal, f: ListFilter, today = chinaToday()) {
  const where = ['c.org_id = any($1)'];
  const args: unknown[] = [[...p.scope]];
  const add = (sql: string, v: unknown) => {
    args.push(v);
    where.push(sql.replace('$?', `$${args.length}`));
  };
  if (f.kind) add('c.kind = $?', f.kind);
  if (f.state) add('c.state = $?', f.state);
  if (f.channel) add('c.channel = $?', f.channel);
  if (f.groupId) add('c.group_id = $?', f.groupId);
  if (f.q) {
    args.push(`%${f.q}%`);
    where.push(`(c.respondent_name like $${args.length} or c.summary like $${args.length})`);
  }
  if (f.overdue) add(`exists (select 1 from matter_deadlines d where d.matter_id = c.id and d.status = 'open' and d.due_date < $?)`, today);
  const base = `from complaints c join orgs o on o.id = c.org_id
    left join lateral (select d.rule_id, d.label, d.due_date from matter_deadlines d where d.matter_id = c.id and d.status = 'open' order by d.due_date limit 1) dl on true
    where ${where.join(' and ')}`;
  const total = (await q.query<{ n: number }>(`select count(*)::int as n ${base}`, args)).rows[0].n;
  const rows = (
    await q.query<ListRow>(
      `select ${complaintColumns}, o.name as "orgName", (select count(*)::int from complaints g where g.group_id = c.group_id) as "groupSize",
              dl.rule_id as "dueRule", dl.label as "dueLabel", dl.due_date as "dueDate"
         ${base} order by c.received_on desc, c.created_at desc limit ${Math.min(f.limit ?? 200, 1000)} offset ${Math.max(0, f.offset ?? 0)}`,
      args,
    )
  ).rows;
  return { items: rows.map((r) => item(r, today)), total };
}

export async function complaintDetail(reg: Registry, q: Queryable, p: Principal, id: string, today = chinaToday()) {
  const c = await findComplaint(q, id);
  if (!c || !complaintAbilities(p, c.orgId).read) return null;
  const m = (await findMatter(q, id))!;
  const [org, group, deadlines, attachments, person, instruments, listRow] = await Promise.all([
    q.query<{ name: string }>('select name from orgs where id = $1', [c.orgId]),
    q.query<{ id: string; kind: string; receivedOn: string; state: string }>(
      `select id, kind, received_on as "receivedOn", state from complaints where group_id = $1 and org_id = any($2) order by received_on, created_at`,
      [c.groupId, [...p.scope]],
    ),
    deadlinesOf(q, id, today),
    attachmentsOf(q, id),
    q.query('select 1 from complaint_persons where complaint_id = $1', [id]),
    q.query<{ id: string; kind: string; title: string; number: string; issuedOn: string }>(
      `select id, kind, title, number, issued_on as "issuedOn" from instruments where matter_type = $1 and matter_id = $2 order by issue_order`,
      [c.kind, id],
    ),
    listComplaints(q, p, { groupId: c.groupId }, today),
  ]);
  const presented = presentMatter(reg, m, p);
  const a = complaintAbilities(p, c.orgId);
  const base = listRow.items.find((x) => x.id === id)!;
  return {
    ...base,
    version: m.version,
    queryCode: c.queryCode,
    respondentUscc: c.respondentUscc,
    respondentAddress: c.respondentAddress,
    request: c.request,
    siblingId: c.siblingId,
    decidedOn: c.decidedOn,
    rejectionGround: c.rejectionGround,
    rejectionGroundLabel: c.kind === 'report' ? label(reportClosingGrounds, c.rejectionGround) : label(rejectionGrounds, c.rejectionGround),
    decisionReason: c.decisionReason,
    mediations: c.mediations.map((x) => ({ ...x, modeLabel: label(mediationModes, x.mode)! })),
    agreement: c.agreement,
    terminationGround: c.terminationGround,
    terminationGroundLabel: label(terminationGrounds, c.terminationGround),
    terminationReason: c.terminationReason,
    terminatedOn: c.terminatedOn,
    notifiedOn: c.notifiedOn,
    lead: c.lead,
    finishedOn: c.finishedOn,
    orgName: org.rows[0]?.name ?? '',
    personGiven: person.rows.length > 0,
    attachments: attachments.map(({ hash: _h, ...x }) => x),
    group: group.rows.map((g) => ({ ...g, stateLabel: stateLabelOf(g.kind, g.state) })),
    deadlines,
    instruments: instruments.rows,
    transitions: presented.final || !a.handle ? [] : presented.transitions,
    abilities: { handle: a.handle, person: a.person },
  };
}

/** The export's columns (双公示-style register of complaints): no complainant, no reporter, no contact. */
export const exportColumns = [
  ['receivedOn', '收到日期'],
  ['kindLabel', '类别'],
  ['channelLabel', '来源渠道'],
  ['externalNo', '12315平台编号'],
  ['orgName', '承办机构'],
  ['respondentName', '被投诉（举报）人'],
  ['categoryLabel', '事项类别'],
  ['summary', '事实与线索'],
  ['stateLabel', '办理状态'],
  ['groupSize', '同组件数'],
] as const;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function exportCsv(q: Queryable, p: Principal, f: ListFilter): Promise<string> {
  const { items } = await listComplaints(q, p, { ...f, limit: 1000 });
  const lines = [exportColumns.map(([, h]) => h).join(',')];
  for (const i of items) lines.push(exportColumns.map(([k]) => csvCell((i as Record<string, unknown>)[k])).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
