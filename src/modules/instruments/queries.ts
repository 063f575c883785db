/** Visibility-aware reads of the instrument register. */
import type { Queryable } from '../../platform/db/index.ts';
import { instrumentColumns, rowToInstrument } from '../../platform/documents/issue.ts';
import { instrumentPolicy, type Principal } from '../../platform/policies.ts';
import type { Registry } from '../../platform/modules.ts';
import { resolveMatter } from '../record/index.ts';
import type { TInstrument } from './schema.ts';

/** One instrument with its abilities, or null when it does not exist or the caller may not see it. */
export async function getInstrument(reg: Registry, q: Queryable, p: Principal, id: string): Promise<TInstrument | null> {
  const r = await q.query<Record<string, unknown>>(
    `select ${instrumentColumns('i.')}, i.data, o.name as "orgName", u.display_name as "createdByName"
     from instruments i join orgs o on o.id = i.org_id left join users u on u.id = i.created_by where i.id = $1`,
    [id],
  );
  const row = r.rows[0];
  if (!row) return null;
  const base = rowToInstrument(row);
  let matterVisible = false;
  if (!p.scope.has(base.orgId)) matterVisible = !!(await resolveMatter(reg, q, p, base.matterType, base.matterId))?.viewRecord;
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

/** Re-exported for instruments/routes.ts (not owned here); new code imports platform/orgs.ts. */
export { ancestorsOf, enforcementBodyOf } from '../../platform/orgs.ts';
