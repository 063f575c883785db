/** The contract and 立法征询 rows (written only inside recorded commands and transitions; triggers check it). */
import type { Queryable } from '../../platform/db/index.ts';
import type { ContractCategory } from '../../domain/legality/contracts.ts';

export interface ContractRow {
  id: string;
  unitId: string;
  bodyId: string;
  category: ContractCategory;
  title: string;
  counterparty: string;
  counterpartyUscc: string | null;
  amountFen: number;
  termStart: string | null;
  termEnd: string | null;
  summary: string;
  signedOn: string | null;
  signedFileId: string | null;
  closedOn: string | null;
  state: string;
  version: number;
  createdAt: string;
}

export const contractSelect = `select c.id, c.unit_id as "unitId", c.body_id as "bodyId", c.category, c.title, c.counterparty, c.counterparty_uscc as "counterpartyUscc",
  c.amount_fen as "amountFen", c.term_start as "termStart", c.term_end as "termEnd", c.summary, c.signed_on as "signedOn", c.signed_file_id as "signedFileId",
  c.closed_on as "closedOn", m.state, m.version, c.created_at as "createdAt" from contracts c join matters m on m.id = c.id`;

export async function findContract(q: Queryable, id: string): Promise<ContractRow | null> {
  const r = (await q.query<ContractRow>(`${contractSelect} where c.id = $1`, [id])).rows[0];
  return r ? { ...r, amountFen: Number(r.amountFen) } : null;
}

export interface ContractNote {
  id: string;
  kind: 'performance' | 'dispute';
  note: string;
  notedOn: string;
}

export async function notesOf(q: Queryable, contractId: string): Promise<ContractNote[]> {
  return (
    await q.query<ContractNote>('select id, kind, note, noted_on as "notedOn" from contract_notes where contract_id = $1 order by noted_on, created_at', [
      contractId,
    ])
  ).rows;
}

export interface LegislativeRow {
  id: string;
  bodyId: string;
  requester: string;
  draftTitle: string;
  receivedOn: string;
  dueOn: string | null;
  reply: string | null;
  repliedOn: string | null;
  replyFileId: string | null;
  state: string;
  version: number;
}

export const legislativeSelect = `select l.id, l.body_id as "bodyId", l.requester, l.draft_title as "draftTitle", l.received_on as "receivedOn", l.due_on as "dueOn",
  l.reply, l.replied_on as "repliedOn", l.reply_file_id as "replyFileId", m.state, m.version from legislative_consultations l join matters m on m.id = l.id`;

export async function findLegislative(q: Queryable, id: string): Promise<LegislativeRow | null> {
  return (await q.query<LegislativeRow>(`${legislativeSelect} where l.id = $1`, [id])).rows[0] ?? null;
}
