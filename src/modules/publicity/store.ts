/**
 * The publication row and its versions. Every write happens inside a recorded command or
 * transition (publications_recorded / publication_versions_recorded check it at commit).
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { PublicContent } from './content.ts';

export interface PublicationRow {
  id: string;
  kind: 'penalty' | 'licence' | 'inspectionResult' | 'reconsideration';
  sourceType: string;
  sourceId: string;
  bodyId: string;
  procedure: string | null;
  decidedOn: string;
  channels: string[];
  state: string;
  number: string;
  partyType: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  field: string;
  fineFen: number;
  currentVersion: number;
  currentSeq: number | null;
  publishedOn: string | null;
  expiresOn: string | null;
}

export interface VersionRow {
  version: number;
  content: PublicContent;
  ledgerSeq: number;
  publishedOn: string;
  status: 'current' | 'superseded' | 'withdrawn' | 'ended';
  statusOn: string | null;
  statusReason: string | null;
}

export const publicationColumns = (
  t = 'p',
) => `${t}.id, ${t}.kind, ${t}.source_type as "sourceType", ${t}.source_id as "sourceId", ${t}.body_id as "bodyId", ${t}.procedure,
  ${t}.decided_on as "decidedOn", ${t}.channels, ${t}.state, ${t}.number, ${t}.party_type as "partyType", ${t}.party_name as "partyName", ${t}.party_uscc as "partyUscc",
  ${t}.violation, ${t}.field, ${t}.fine_fen as "fineFen", ${t}.current_version as "currentVersion", ${t}.current_seq as "currentSeq",
  ${t}.published_on as "publishedOn", ${t}.expires_on as "expiresOn"`;

const norm = (r: PublicationRow): PublicationRow => ({ ...r, fineFen: Number(r.fineFen), currentSeq: r.currentSeq === null ? null : Number(r.currentSeq) });

export async function findPublication(q: Queryable, id: string): Promise<PublicationRow | null> {
  const r = (await q.query<PublicationRow>(`select ${publicationColumns()} from publications p where p.id = $1`, [id])).rows[0];
  return r ? norm(r) : null;
}

export async function publicationOfSource(q: Queryable, sourceType: string, sourceId: string): Promise<PublicationRow | null> {
  const r = (
    await q.query<PublicationRow>(`select ${publicationColumns()} from publications p where p.source_type = $1 and p.source_id = $2`, [sourceType, sourceId])
  ).rows[0];
  return r ? norm(r) : null;
}

export async function versionsOf(q: Queryable, id: string): Promise<VersionRow[]> {
  return (
    await q.query<VersionRow>(
      `select version, content, ledger_seq as "ledgerSeq", published_on as "publishedOn", status, status_on as "statusOn", status_reason as "statusReason"
       from publication_versions where publication_id = $1 order by version`,
      [id],
    )
  ).rows.map((r) => ({ ...r, ledgerSeq: Number(r.ledgerSeq) }));
}
