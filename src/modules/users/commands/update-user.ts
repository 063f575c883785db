import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { changedFields, updateColumns } from '../../../platform/db/update.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { deleteSessionsOfUser } from '../../../platform/auth/sessions.ts';
import { authorize, userPolicy, type Principal } from '../../../platform/policies.ts';
import { findUser } from '../queries.ts';
import type { TUpdateUserRequest } from '../schema.ts';
import { assertOfficerInOrgScope } from './create-user.ts';

/** payload field → column: what `user.updated` changes (also read by `ledger verify --state`) */
export const userColumns = {
  displayName: 'display_name',
  orgId: 'org_id',
  roles: 'roles',
  active: 'active',
  officerId: 'officer_id',
  email: 'email',
  mobile: 'mobile',
};

export async function updateUser(ctx: AppContext, p: Principal, id: string, input: TUpdateUserRequest): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, id);
    if (!user) throw notFound('用户');
    authorize(userPolicy(p, user), 'update', '用户');
    if (input.orgId && !p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '所属机构不存在或不在您的管辖范围内');
    await assertOfficerInOrgScope(tx, input.officerId, p.scope);
    const changes = changedFields(user, input);
    if (Object.keys(changes).length === 0) return;
    await updateColumns(tx, 'users', id, userColumns, changes);
    // a changed scope, role set or a deactivation takes effect at once
    if (changes.active === false || changes.roles || changes.orgId) await deleteSessionsOfUser(tx, id);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.orgId ?? user.orgId,
      matterType: 'user',
      matterId: id,
      eventType: 'user.updated',
      payload: { userId: id, changes },
    });
  });
}
