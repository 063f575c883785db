/** Visibility-aware reads of the instrument register. */
import type { Queryable } from '../../platform/db/index.ts';
import { instrumentColumns, rowToInstrument } from '../../platform/documents/issue.ts';
import { instrumentPolicy, type Principal } from '../../platform/policies.ts';
import { resolveMatter } from '../record/matters.ts';
import type { TInstrument } from './schema.ts';

/** One instrument with its abilities, or null when it does not exist or the caller may not see it. */
export async function getInstrument(q: Queryable, p: Principal, id: string): Promise<TInstrument | null> {
  const r = await q.query<Record<string, unknown>>(
    `select ${instrumentColumns('i.')}, i.data, o.name as "orgName", u.display_name as "createdByName"
     from instruments i join orgs o on o.id = i.org_id left join users u on u.id = i.created_by where i.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) return null;
  const base = rowToInstrument(row);
  let matterVisible = false;
  if (!p.scope.has(base.orgId)) matterVisible = !!(await resolveMatter(q, p, base.matterType, base.matterId))?.viewRecord;
  const abilities = instrumentPolicy(p, base, matterVisible);
  if (!abilities.read) return null;
  return {
    ...base,
    orgName: row.orgName as string,
    createdByName: (row.createdByName as string | null) ?? null,
    data: row.data as Record<string, unknown>,
    abilities,
  };
}

/** The enforcement body an org acts under: itself, or the nearest enforcement body above it. */
export async function enforcementBodyOf(q: Queryable, orgId: string): Promise<string | null> {
  const r = await q.query<{ id: string }>(
    `with recursive up(id, parent_id, is_enforcement_body, depth) as (
       select id, parent_id, is_enforcement_body, 0 from orgs where id = $1
       union all
       select o.id, o.parent_id, o.is_enforcement_body, up.depth + 1 from orgs o join up on o.id = up.parent_id where up.depth < 20
     )
     select id from up where is_enforcement_body order by depth limit 1`,
    [orgId],
  );
  return r.rows[0]?.id ?? null;
}

/** The orgs above an org (not itself). */
export async function ancestorsOf(q: Queryable, orgId: string): Promise<Set<string>> {
  const r = await q.query<{ id: string }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from orgs where id = $1
       union all
       select o.id, o.parent_id, up.depth + 1 from orgs o join up on o.id = up.parent_id where up.depth < 20
     )
     select id from up where depth > 0`,
    [orgId],
  );
  return new Set(r.rows.map((x) => x.id));
}
