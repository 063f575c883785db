import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertPasswordStrength, hashPassword } from '../../../platform/auth/passwords.ts';
import { requireRole, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import type { TCreateUserRequest } from '../schema.ts';

export async function assertOfficerInOrgScope(tx: Queryable, officerId: string | null | undefined, scope: Set<string>) {
  if (!officerId) return;
  const r = await tx.query<{ org_id: string }>('select org_id from officers where id = $1', [officerId]);
  if (!r.rows[0] || !scope.has(r.rows[0].org_id)) throw new AppError('OFFICER_NOT_FOUND', '关联的执法人员不存在或不在您的管辖范围内');
}

/**
 * Inserts a user and its record entry; used by the API command, the CLI and seeding. `mustChangePassword`
 * (an administrator created the user through the API) makes the user choose their own password at the
 * next login; the demo seed and the CLI leave it false.
 */
export async function insertUser(
  tx: Queryable,
  ctx: AppContext,
  actor: Actor,
  input: TCreateUserRequest & { id?: string },
  opts: { mustChangePassword?: boolean } = {},
): Promise<string> {
  const mustChangePassword = opts.mustChangePassword ?? false;
  assertPasswordStrength(input.password, input.username, input.displayName);
  const taken = await tx.query('select 1 from users where lower(username) = lower($1)', [input.username]);
  if (taken.rows.length) throw new AppError('USERNAME_TAKEN', `用户名“${input.username}”已被使用`);
  const org = await tx.query('select 1 from orgs where id = $1', [input.orgId]);
  if (!org.rows.length) throw new AppError('ORG_NOT_FOUND', '所属机构不存在');
  const id = input.id ?? randomUUID();
  await tx.query(
    'insert into users (id, username, display_name, org_id, roles, password_hash, officer_id, must_change_password) values ($1,$2,$3,$4,$5,$6,$7,$8)',
    [id, input.username, input.displayName, input.orgId, input.roles, await hashPassword(input.password), input.officerId ?? null, mustChangePassword],
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId: input.orgId,
    matterType: 'user',
    matterId: id,
    eventType: 'user.created',
    payload: { userId: id, username: input.username, orgId: input.orgId, roles: input.roles, ...(mustChangePassword ? { mustChangePassword } : {}) },
  });
  return id;
}

export async function createUser(ctx: AppContext, p: Principal, input: TCreateUserRequest): Promise<string> {
  requireRole(p, 'admin');
  if (!p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '所属机构不存在或不在您的管辖范围内');
  return inTransaction(ctx, async (tx) => {
    await assertOfficerInOrgScope(tx, input.officerId, p.scope);
    return insertUser(tx, ctx, actorOf(p), input, { mustChangePassword: true });
  });
}
