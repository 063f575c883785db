import type { Queryable } from '../../platform/db/index.ts';
import { orgPolicy, type Principal } from '../../platform/policies.ts';
import { orgKindLabels, type TOrg } from './schema.ts';

const columns = `id, parent_id as "parentId", name, short_name as "shortName", kind, is_enforcement_body as "isEnforcementBody",
  legal_basis as "legalBasis", uscc, division_code as "divisionCode", sort_order as "sortOrder"`;

type OrgRow = Omit<TOrg, 'abilities' | 'kindLabel'>;

export const present = (p: Principal, r: OrgRow): TOrg => ({ ...r, kindLabel: orgKindLabels[r.kind], abilities: orgPolicy(p, r) });

export async function findOrg(q: Queryable, id: string): Promise<OrgRow | null> {
  const r = await q.query<OrgRow>(`select ${columns} from orgs where id = $1`, [id]);
  return r.rows[0] ?? null;
}

/** Orgs in the caller's scope, ordered for a tree. */
export async function listVisibleOrgs(q: Queryable, p: Principal): Promise<TOrg[]> {
  const r = await q.query<OrgRow>(`select ${columns} from orgs where id = any($1) order by sort_order, name`, [[...p.scope]]);
  return r.rows.map((row) => present(p, row));
}
