/** The record viewer's resolver for matter type 'legalSource' (/record/legalSource/:id): reference data everyone signed in reads. */
import type { Queryable } from '../../platform/db/index.ts';
import { lawLibraryPolicy, type Principal } from '../../platform/policies.ts';

export async function resolveLegalSourceMatter(q: Queryable, p: Principal, id: string) {
  const r = (await q.query<{ title: string }>('select title from legal_sources where id = $1', [id])).rows[0];
  if (!r) return null;
  return { orgId: p.orgId, title: r.title, viewRecord: lawLibraryPolicy(p).viewRecord, uploadEvidence: false };
}
