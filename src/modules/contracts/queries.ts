/** The staff reads of 合同合法性审查 and 立法征询, shaped as responses.ts declares. */
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import { enforcementBodyOf } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { legalityProblem, legalityReviewsOf } from '../legality/index.ts';
import { contractAbilities, legislativeAbilities, mayRegisterContract, visibleContractsSql, visibleLegislativeSql } from './access.ts';
import type { ContractDetail, ContractListItem, LegislativeDetail, LegislativeItem } from './responses.ts';
import { contractSelect, legislativeSelect, notesOf, type ContractRow, type LegislativeRow } from './store.ts';
import { consultationStates, contractCategories, contractStates, type ContractState } from '../../domain/legality/contracts.ts';

type ContractListRow = ContractRow & {
  unitName: string;
  reviewId: string | null;
  reviewState: string | null;
  opinion: string | null;
  concludedOn: string | null;
};

const contractListSelect = contractSelect.replace(
  ' from contracts c join matters m on m.id = c.id',
  `, o.name as "unitName", lr.id as "reviewId", lm.state as "reviewState", lr.opinion, lr.concluded_on as "concludedOn"
   from contracts c join matters m on m.id = c.id join orgs o on o.id = c.unit_id
   left join lateral (select r.* from legality_reviews r join matters rm on rm.id = r.id
                       where r.subject_type = 'contractReview' and r.subject_id = c.id and rm.state <> 'withdrawn' order by r.created_at desc limit 1) lr on true
   left join matters lm on lm.id = lr.id`,
);

const contractItem = (r: ContractListRow): ContractListItem => ({
  id: r.id,
  unitId: r.unitId,
  unitName: r.unitName,
  bodyId: r.bodyId,
  category: r.category,
  categoryLabel: contractCategories[r.category] ?? r.category,
  title: r.title,
  counterparty: r.counterparty,
  counterpartyUscc: r.counterpartyUscc,
  amountFen: Number(r.amountFen),
  termStart: r.termStart,
  termEnd: r.termEnd,
  signedOn: r.signedOn,
  closedOn: r.closedOn,
  state: r.state,
  stateLabel: contractStates[r.state as ContractState] ?? r.state,
  review: r.reviewId ? { id: r.reviewId, state: r.reviewState ?? '', opinion: r.opinion, concludedOn: r.concludedOn } : null,
  createdAt: String(r.createdAt),
});

export async function listContracts(q: Queryable, p: Principal, f: { state?: string; limit: number; offset: number }) {
  const params: unknown[] = [];
  let cond = ` and ${await visibleContractsSql(q, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and m.state = $${params.length}`;
  }
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from contracts c join matters m on m.id = c.id where true ${cond}`, params)).rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<ContractListRow>(`${contractListSelect} where true ${cond} order by c.created_at desc, c.id limit $${n + 1} offset $${n + 2}`, [
      ...params,
      f.limit,
      f.offset,
    ])
  ).rows;
  return { total, items: rows.map(contractItem), mayRegister: mayRegisterContract(p, p.orgId) };
}

const filesOfMatter = async (q: Queryable, type: string, id: string) =>
  (
    await q.query<{ id: string; fileName: string }>(
      'select id, file_name as "fileName" from evidence_files where matter_type = $1 and matter_id = $2 order by uploaded_at',
      [type, id],
    )
  ).rows;

export async function contractDetail(reg: Registry, q: Queryable, p: Principal, id: string): Promise<ContractDetail | null> {
  const r = (await q.query<ContractListRow>(`${contractListSelect} where c.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const abilities = await contractAbilities(q, p, r);
  if (!abilities.read) return null;
  const subject = { type: 'contractReview', id };
  return {
    ...contractItem(r),
    version: m.version,
    summary: r.summary,
    signedFileId: r.signedFileId,
    notes: await notesOf(q, id),
    reviews: await legalityReviewsOf(q, subject),
    gate: await legalityProblem(q, subject),
    files: await filesOfMatter(q, 'contractReview', id),
    deadlines: await deadlinesOf(q, id),
    transitions: abilities.handle ? presentMatter(reg, m, p).transitions : [],
    abilities,
  };
}

const legislativeItem = (r: LegislativeRow, today: string): LegislativeItem => ({
  id: r.id,
  bodyId: r.bodyId,
  requester: r.requester,
  draftTitle: r.draftTitle,
  receivedOn: r.receivedOn,
  dueOn: r.dueOn,
  reply: r.reply,
  repliedOn: r.repliedOn,
  replyFileId: r.replyFileId,
  state: r.state,
  stateLabel: consultationStates[r.state as keyof typeof consultationStates] ?? r.state,
  overdue: r.state === 'received' && !!r.dueOn && r.dueOn < today,
  repliedLate: !!r.repliedOn && !!r.dueOn && r.repliedOn > r.dueOn,
});

export async function listLegislative(q: Queryable, p: Principal, f: { state?: string; limit: number; offset: number }, today = chinaToday()) {
  const params: unknown[] = [];
  let cond = ` and ${await visibleLegislativeSql(q, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and m.state = $${params.length}`;
  }
  const total = (
    await q.query<{ n: number }>(`select count(*)::int as n from legislative_consultations l join matters m on m.id = l.id where true ${cond}`, params)
  ).rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<LegislativeRow>(`${legislativeSelect} where true ${cond} order by l.received_on desc, l.id limit $${n + 1} offset $${n + 2}`, [
      ...params,
      f.limit,
      f.offset,
    ])
  ).rows;
  const body = (await enforcementBodyOf(q, p.orgId)) ?? p.orgId;
  return { total, items: rows.map((r) => legislativeItem(r, today)), mayRegister: (await legislativeAbilities(q, p, body)).handle };
}

export async function legislativeDetail(reg: Registry, q: Queryable, p: Principal, id: string, today = chinaToday()): Promise<LegislativeDetail | null> {
  const r = (await q.query<LegislativeRow>(`${legislativeSelect} where l.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const abilities = await legislativeAbilities(q, p, r.bodyId);
  if (!abilities.read) return null;
  return {
    ...legislativeItem(r, today),
    version: m.version,
    files: await filesOfMatter(q, 'legislativeConsultation', id),
    transitions: abilities.handle ? presentMatter(reg, m, p).transitions : [],
    abilities,
  };
}
