/** Whom an audited read is about, found from the resource read (a case's party; another matter's title). */
import { partySubject, type AccessSubject } from '../../platform/audit/access.ts';
import type { Queryable } from '../../platform/db/index.ts';

/** A case's party: name, and uscc or masked resident id. */
export async function caseSubject(q: Queryable, caseId: string): Promise<AccessSubject | null> {
  const r = await q.query<{ party: unknown }>('select party from cases where id = $1', [caseId]);
  return partySubject(r.rows[0]?.party);
}

/** The subject of a matter's data: a case's party, or else (an officer, a task …) the matter's title. */
export async function matterSubject(q: Queryable, matterType: string, matterId: string, title?: string | null): Promise<AccessSubject | null> {
  if (matterType === 'case') return caseSubject(q, matterId);
  return title ? { name: title, code: null } : null;
}
