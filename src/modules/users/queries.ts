import type { Queryable } from '../../platform/db/index.ts';
import { userPolicy, type Principal, type Role } from '../../platform/policies.ts';
import type { TUser } from './schema.ts';

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  orgName: string;
  roles: Role[];
  active: boolean;
  officerId: string | null;
  email: string | null;
  mobile: string | null;
}

const select = `select u.id, u.username, u.display_name as "displayName", u.org_id as "orgId", o.name as "orgName", u.roles, u.active,
  u.officer_id as "officerId", u.email, u.mobile from users u join orgs o on o.id = u.org_id`;

export const present = (p: Principal, u: UserRow): TUser => ({ ...u, abilities: userPolicy(p, u) });

export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  return (await q.query<UserRow>(`${select} where u.id = $1`, [id])).rows[0] ?? null;
}

export async function listUsers(q: Queryable, p: Principal, filter: { orgId?: string; q?: string }): Promise<TUser[]> {
  const params: unknown[] = [[...p.scope]];
  let where = 'u.org_id = any($1)';
  if (filter.orgId) {
    params.push(filter.orgId);
    where += ` and u.org_id = $${params.length}`;
  }
  if (filter.q) {
    params.push(`%${filter.q}%`);
    where += ` and (u.username ilike $${params.length} or u.display_name ilike $${params.length})`;
  }
  const rows = (await q.query<UserRow>(`${select} where ${where} order by o.sort_order, u.username`, params)).rows;
  return rows.map((u) => present(p, u)).filter((u) => u.abilities.read);
}
