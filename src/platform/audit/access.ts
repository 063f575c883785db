/**
 * 访问日志: every read that serves a person's unmasked data writes one row — who (user, name, org, roles), when,
 * what (a fixed action and the resource), about whom (the party's name and uscc or masked resident id), from where
 * (address, user agent, request id) — in the same request, before the data is sent. A failed write fails the
 * request, so no such read goes unaudited. Reads are not acts: they are not record entries, and the log is not part
 * of the Merkle record; it is append-only on its own (migration 0013: a trigger refuses UPDATE, DELETE and
 * TRUNCATE; the application role may only SELECT and INSERT).
 */
import type { FastifyRequest } from 'fastify';
import type { AccessAction } from '../../domain/accessLog.ts';
import { maskIdNumber } from '../../domain/publicity/rules.ts';
import type { Queryable } from '../db/index.ts';
import { principal } from '../http.ts';

export { accessActionIds, accessActions, type AccessAction } from '../../domain/accessLog.ts';

/** Whom the data read is about. */
export interface AccessSubject {
  name: string | null;
  /** an organisation's uscc, or a natural person's resident id masked (440105********1234) */
  code: string | null;
}

export interface AccessEvent {
  action: AccessAction;
  resourceType: string;
  resourceId: string;
  /** the matter the resource belongs to (an evidence file's or instrument's case); a case read names the case itself */
  matter?: { type: string; id: string } | null;
  subject?: AccessSubject | null;
  /** a short Chinese remark: the file's name, the number of rows … */
  note?: string | null;
}

const USER_AGENT_MAX = 300;
const NOTE_MAX = 300;

/** The subject of a case party (`cases.party`, an instrument's `party`): its name, uscc or masked resident id. */
export function partySubject(party: unknown): AccessSubject | null {
  if (!party || typeof party !== 'object') return null;
  const p = party as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const name = str(p.name);
  const uscc = str(p.uscc);
  const id = str(p.idNumber);
  if (!name && !uscc && !id) return null;
  return { name, code: uscc ?? (id ? maskIdNumber(id) : null) };
}

const clip = (s: string | null | undefined, max: number) => (s ? [...s].slice(0, max).join('') : null);

/**
 * Writes one access row for the signed-in caller of `req`. `q` is the database, or the transaction the read (or the
 * export it creates) runs in, so that the row and what it audits commit together. Throws if the row cannot be written.
 */
export async function logAccess(q: Queryable, req: FastifyRequest, e: AccessEvent): Promise<void> {
  const p = principal(req);
  const ua = req.headers['user-agent'];
  await q.query(
    `insert into access_log (user_id, username, display_name, org_id, roles, action, resource_type, resource_id, matter_type, matter_id,
       subject_name, subject_code, note, ip, user_agent, request_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      p.userId,
      p.username,
      p.displayName,
      p.orgId,
      p.roles,
      e.action,
      e.resourceType,
      e.resourceId,
      e.matter?.type ?? null,
      e.matter?.id ?? null,
      clip(e.subject?.name, 200),
      clip(e.subject?.code, 64),
      clip(e.note, NOTE_MAX),
      req.ip ?? '',
      clip(Array.isArray(ua) ? ua.join(' ') : ua, USER_AGENT_MAX),
      String(req.id),
    ],
  );
}
