import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { assertPasswordStrength, hashPassword, verifyPassword } from '../../../platform/auth/passwords.ts';
import { deleteSessionsOfUser } from '../../../platform/auth/sessions.ts';
import { authorize, userPolicy, type Principal } from '../../../platform/policies.ts';
import { findUser } from '../queries.ts';

async function setPassword(ctx: AppContext, p: Principal, userId: string, newPassword: string, by: 'self' | 'admin', keepSession?: string) {
  await inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, userId);
    if (!user) throw notFound('用户');
    assertPasswordStrength(newPassword, user.username, user.displayName);
    // a password an administrator set is a temporary one: the user must replace it at the next login
    const mustChangePassword = by === 'admin';
    await tx.query('update users set password_hash = $2, must_change_password = $3, updated_at = now() where id = $1', [
      userId,
      await hashPassword(newPassword),
      mustChangePassword,
    ]);
    // every other session of the user ends
    await deleteSessionsOfUser(tx, userId, keepSession);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: user.orgId,
      matterType: 'user',
      matterId: userId,
      eventType: 'user.passwordChanged',
      payload: { userId, by, mustChangePassword },
    });
  });
}

/** The signed-in user changes their own password (the current one is required). */
export async function changeOwnPassword(ctx: AppContext, p: Principal, current: string, next: string, sessionToken: string) {
  const r = await ctx.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [p.userId]);
  if (!r.rows[0] || !(await verifyPassword(r.rows[0].password_hash, current))) throw new AppError('PASSWORD_INCORRECT', '当前密码不正确');
  if (current === next) throw new AppError('PASSWORD_UNCHANGED', '新密码不能与当前密码相同');
  await setPassword(ctx, p, p.userId, next, 'self', sessionToken);
}

/** An administrator sets a new password for a user in their scope. */
export async function resetPassword(ctx: AppContext, p: Principal, userId: string, next: string) {
  const user = await findUser(ctx.db, userId);
  if (!user) throw notFound('用户');
  authorize(userPolicy(p, user), 'resetPassword', '用户');
  await setPassword(ctx, p, userId, next, 'admin');
}
