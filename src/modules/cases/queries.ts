/** Visibility-aware reads of cases: the list with inboxes and deadline colours, and the case file. */
import type { Queryable } from '../../platform/db/index.ts';
import { originOf } from './commands/open-lead-from.ts';
import { publicationStates, type PublicationState } from '../../domain/publicity/rules.ts';
import { publicationOfSource } from '../publicity/index.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, matterVisible, presentMatter } from '../../platform/workflow/engine.ts';
import { instrumentColumns, rowToInstrument } from '../../platform/documents/issue.ts';
import { chinaToday } from '../../domain/dates.ts';
import { orgChain } from '../../platform/orgs.ts';
import { executionSummary } from './execution.ts';
import { approversOf } from './measures.ts';
import { caseAbilities } from './access.ts';
import type { CaseDetail, CaseList, CaseListItem, CaseStatistics } from './responses.ts';
import { decisionOutcomes, noPenaltyGrounds, type DecisionOutcome, type NoPenaltyGround } from '../../domain/cases/decide.ts';
import { exemptionLists, type ExemptionList } from '../../domain/discretion/vocabulary.ts';
import { caseSelect, discussionsOf, evidenceOf, findCase, paymentsOf, reviewsOf } from './store.ts';

const INBOX_STATES = {
  review: ['auditing', 'legalReview'],
  approve: ['filingProposed', 'toDecide', 'discussion', 'referralProposed', 'served', 'enforcement'],
} as const;

/** The bodies whose cases a reviewer or leader sees beyond their own subtree (their body chain). */
async function reviewedBodies(q: Queryable, p: Principal): Promise<string[]> {
  return p.roles.some((r) => r === 'legalReviewer' || r === 'leader' || r === 'supervisor') ? orgChain(q, p.orgId) : [];
}

/**
 * 决定结果统计: the decided cases the caller sees, counted by outcome — 给予行政处罚, 不予行政处罚 (by its ground of the law) and
 * 免予行政处罚 (by its 免罚清单) apart (issue 10 item 3) — optionally within a period of decision dates.
 */
export async function caseOutcomeStatistics(q: Queryable, p: Principal, f: { from?: string; to?: string }): Promise<CaseStatistics> {
  const bodies = await reviewedBodies(q, p);
  const args: unknown[] = [[...p.scope], bodies, f.from ?? '0000-01-01', f.to ?? '9999-12-31'];
  const rows = (
    await q.query<{ outcome: string; detail: string | null; procedure: string; count: number }>(
      `select c.decision ->> 'outcome' as outcome,
              case c.decision ->> 'outcome' when 'noPenalty' then c.decision ->> 'ground' when 'exempted' then c.decision -> 'exemption' ->> 'list' end as detail,
              c.procedure, count(*)::int as count
         from cases c join matters m on m.id = c.id
        where c.decision is not null and (m.org_id = any($1) or c.body_id = any($1) or c.body_id = any($2))
          and c.decision ->> 'decidedOn' between $3 and $4
        group by 1, 2, 3 order by 1, 2, 3`,
      args,
    )
  ).rows;
  const outcomes = Object.fromEntries(
    (Object.keys(decisionOutcomes) as DecisionOutcome[]).map((o) => [
      o,
      { label: decisionOutcomes[o], count: 0, byDetail: [] as CaseStatistics['outcomes']['penalty']['byDetail'] },
    ]),
  ) as CaseStatistics['outcomes'];
  for (const r of rows) {
    const o = outcomes[r.outcome as DecisionOutcome];
    if (!o) continue;
    o.count += r.count;
    const key = r.outcome === 'penalty' ? r.procedure : (r.detail ?? 'unspecified');
    const label =
      r.outcome === 'penalty'
        ? r.procedure === 'summary'
          ? '简易程序'
          : '普通程序'
        : r.outcome === 'noPenalty'
          ? r.detail && r.detail in noPenaltyGrounds
            ? `${noPenaltyGrounds[r.detail as NoPenaltyGround].label}（行政处罚法 ${noPenaltyGrounds[r.detail as NoPenaltyGround].article}）`
            : '未载明法定情形（旧记录）'
          : r.detail
            ? (exemptionLists[r.detail as ExemptionList] ?? r.detail)
            : '未载明免罚清单（旧记录）';
    const existing = o.byDetail.find((d) => d.key === key);
    if (existing) existing.count += r.count;
    else o.byDetail.push({ key, label, count: r.count });
  }
  return { from: f.from ?? null, to: f.to ?? null, total: rows.reduce((s, r) => s + r.count, 0), outcomes };
}

/** The dates the case list filters on (the column of each). */
const caseListDates = { received: 'c.received_on', filed: 'c.filed_on', decided: "(c.decision ->> 'decidedOn')::date" } as const;

export async function listCases(
  q: Queryable,
  p: Principal,
  f: {
    state?: string;
    q?: string;
    procedure?: string;
    inbox?: 'mine' | 'review' | 'approve';
    dateField?: keyof typeof caseListDates;
    from?: string;
    to?: string;
    limit: number;
    offset: number;
  },
  today = chinaToday(),
): Promise<CaseList> {
  const bodies = await reviewedBodies(q, p);
  const where = ['(m.org_id = any($1) or c.body_id = any($1) or c.body_id = any($2))'];
  const args: unknown[] = [[...p.scope], bodies];
  const add = (sql: string, v: unknown) => {
    args.push(v);
    where.push(sql.replace('?', `$${args.length}`));
  };
  if (f.state) add('m.state = ?', f.state);
  if (f.procedure) add('c.procedure = ?', f.procedure);
  const dateCol = caseListDates[f.dateField ?? 'received'];
  if (f.from) add(`${dateCol} >= ?::date`, f.from);
  if (f.to) add(`${dateCol} <= ?::date`, f.to);
  if (f.q) {
    args.push(`%${f.q.replace(/[\\%_]/g, (x) => `\\${x}`)}%`);
    const n = `$${args.length}`;
    where.push(`(m.title ilike ${n} or c.party ->> 'name' ilike ${n} or coalesce(c.case_number, '') ilike ${n})`);
  }
  if (f.inbox === 'mine') add(`m.org_id = any(?) and m.state not in ('archived', 'notFiled', 'closed')`, [...p.scope]);
  if (f.inbox === 'review' || f.inbox === 'approve') add('m.state = any(?)', [...INBOX_STATES[f.inbox]]);
  args.push(today);
  const todayArg = `$${args.length}`;
  const rows = (
    await q.query<
      Omit<CaseListItem, 'overdue' | 'warning' | 'major' | 'updatedAt'> & {
        overdue: boolean | null;
        warning: boolean | null;
        major: boolean | null;
        updatedAt: string | Date;
        total: number;
      }
    >(
      `select m.id, m.title, m.state, m.version, m.org_id as "unitId", u.name as "unitName", c.case_number as "caseNumber", c.procedure, c.decision ->> 'number' as "decisionNumber", c.party ->> 'name' as "partyName",
            c.received_on as "receivedOn", c.filed_on as "filedOn", c.field, c.fine_fen as "fineFen", (c.major ->> 'major')::boolean as major, m.updated_at as "updatedAt",
            (select min(d.due_date) from matter_deadlines d where d.matter_id = m.id and d.status = 'open') as "nextDue",
            (select bool_or(d.due_date < ${todayArg}) from matter_deadlines d where d.matter_id = m.id and d.status = 'open') as overdue,
            (select bool_or(d.warn_from <= ${todayArg}) from matter_deadlines d where d.matter_id = m.id and d.status = 'open') as warning,
            count(*) over () as total
       from matters m join cases c on c.id = m.id join orgs u on u.id = m.org_id
      where ${where.join(' and ')}
      order by m.updated_at desc limit ${f.limit} offset ${f.offset}`,
      args,
    )
  ).rows;
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map(({ total: _t, ...r }) => ({
      ...r,
      fineFen: Number(r.fineFen),
      overdue: !!r.overdue,
      warning: !!r.warning,
      major: !!r.major,
      updatedAt: new Date(r.updatedAt).toISOString(),
    })),
  };
}

export async function caseDetail(reg: Registry, q: Queryable, p: Principal, id: string, today = chinaToday()): Promise<CaseDetail | null> {
  const m = await findMatter(q, id);
  if (m?.type !== 'case' || !(await matterVisible(reg, q, p, m))) return null;
  const c = (await findCase(q, id))!;
  const [evidence, reviews, discussions, payments, deadlines, instruments, officers, orgs] = await Promise.all([
    evidenceOf(q, id),
    reviewsOf(q, id),
    discussionsOf(q, id),
    paymentsOf(q, id),
    deadlinesOf(q, id, today),
    // in the order issued (a 告知书 and the 听证告知书 issued with it share the transaction's created_at)
    q.query(`select ${instrumentColumns()} from instruments where matter_type = 'case' and matter_id = $1 order by issue_order`, [id]),
    q.query<{ id: string; name: string }>('select id, name from officers where id = any($1)', [c.investigatorIds]),
    q.query<{ id: string; name: string }>('select id, name from orgs where id = any($1)', [[c.bodyId, c.unitId]]),
  ]);
  const orgName = new Map(orgs.rows.map((o) => [o.id, o.name]));
  const execution = await executionSummary(q, c, today);
  const owed = execution?.owed ?? null;
  const presented = presentMatter(reg, m, p);
  // 行政执法公示 of the decision (created by the publicity module when the case is decided)
  const pub = c.decision ? await publicationOfSource(q, 'case', id) : null;
  return {
    ...c,
    bodyName: orgName.get(c.bodyId) ?? '',
    unitName: orgName.get(c.unitId) ?? '',
    investigators: c.investigatorIds.map((oid) => ({ id: oid, name: officers.rows.find((o) => o.id === oid)?.name ?? oid })),
    approvers: presented.final ? [] : await approversOf(q, c.bodyId),
    matter: {
      state: m.state,
      stateLabel: presented.stateLabel,
      version: m.version,
      final: presented.final,
      title: m.title,
      workflowVersion: m.workflowVersion,
    },
    transitions: presented.final ? [] : presented.transitions,
    evidence,
    reviews,
    discussions,
    payments,
    deadlines,
    owed,
    execution,
    publication: pub && {
      id: pub.id,
      state: pub.state,
      stateLabel: publicationStates[pub.state as PublicationState] ?? pub.state,
      publishedOn: pub.publishedOn,
      expiresOn: pub.expiresOn,
      version: pub.currentVersion,
    },
    instruments: instruments.rows.map((r) => rowToInstrument(r)),
    abilities: await caseAbilities(reg, q, p, m, c.fineFen),
    // the 举报 or 投诉 the lead came from (modules/complaints)
    origin: await originOf(q, id),
  };
}

export { caseSelect };
