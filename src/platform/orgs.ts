/**
 * The org hierarchy (机构): one place for the queries that walk it, up to the root or down a subtree.
 * Every module asks here instead of writing its own recursive query.
 */
import type { Queryable } from './db/index.ts';

/** How deep the hierarchy may go: a guard against a cycle in bad data. */
const MAX_DEPTH = 20;

/** `orgId`, then its parent, … up to the root (empty when the org does not exist). */
export async function orgChain(q: Queryable, orgId: string): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from orgs where id = $1
       union all
       select o.id, o.parent_id, up.depth + 1 from orgs o join up on o.id = up.parent_id where up.depth < ${MAX_DEPTH}
     )
     select id from up order by depth`,
    [orgId],
  );
  return r.rows.map((x) => x.id);
}

/** The orgs above an org (not itself). */
export const ancestorsOf = async (q: Queryable, orgId: string): Promise<Set<string>> => new Set((await orgChain(q, orgId)).slice(1));

/** The org subtree rooted at `orgId`: the org and everything below it. */
export async function orgSubtree(q: Queryable, orgId: string): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `with recursive t(id, depth) as (
       select id, 0 from orgs where id = $1
       union all
       select o.id, t.depth + 1 from orgs o join t on o.parent_id = t.id where t.depth < ${MAX_DEPTH}
     )
     select id from t`,
    [orgId],
  );
  return r.rows.map((x) => x.id);
}

/** The SQL of a subtree as a subquery, for filters inside a larger query: `org_id in (${subtreeSql('$1')})`. */
export const subtreeSql = (rootExpr: string) =>
  `with recursive t(id) as (select ${rootExpr}::text union all select o.id from orgs o join t on o.parent_id = t.id) select id from t`;

/** The enforcement body an org acts under: itself, or the nearest enforcement body above it. */
export async function enforcementBodyOf(q: Queryable, orgId: string): Promise<string | null> {
  const r = await q.query<{ id: string }>(
    `with recursive up(id, parent_id, is_enforcement_body, depth) as (
       select id, parent_id, is_enforcement_body, 0 from orgs where id = $1
       union all
       select o.id, o.parent_id, o.is_enforcement_body, up.depth + 1 from orgs o join up on o.id = up.parent_id where up.depth < ${MAX_DEPTH}
     )
     select id from up where is_enforcement_body order by depth limit 1`,
    [orgId],
  );
  return r.rows[0]?.id ?? null;
}
