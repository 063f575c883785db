/** 确认处理: a person clears a basis flag with a note, recorded on the citing subject's matter. */
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { notFound, AppError } from '../../../platform/errors.ts';
import { ancestorsOf } from '../../../platform/orgs.ts';
import { authorize, basisFlagPolicy, type Principal } from '../../../platform/policies.ts';

export async function clearBasisFlag(ctx: AppContext, p: Principal, flagId: string, note: string): Promise<void> {
  await inTransaction(ctx, (tx) => clearBasisFlagIn(tx, ctx, p, flagId, note));
}

/**
 * The same in the caller's transaction. `authorized`: the caller's own policy has allowed the act on the flag's subject
 * (a 规范性文件 cleanup that answers the flags of the law it cites: the document's cleanup policy), so the flag policy's
 * org check is not asked again.
 */
export async function clearBasisFlagIn(tx: Queryable, ctx: AppContext, p: Principal, flagId: string, note: string, authorized = false): Promise<void> {
  const f = (
    await tx.query<{ subjectType: string; subjectId: string; articleId: string; change: string; status: string; orgId: string | null }>(
      `select subject_type as "subjectType", subject_id as "subjectId", article_id as "articleId", change, status, org_id as "orgId"
       from basis_flags where id = $1 for update`,
      [flagId],
    )
  ).rows[0];
  if (!f) throw notFound('依据变更提示');
  if (!authorized) authorize(basisFlagPolicy(p, f, await ancestorsOf(tx, p.orgId)), 'clear', '依据变更提示');
  if (f.status !== 'open') throw new AppError('FLAG_ALREADY_CLEARED', '该依据变更提示已处理');
  await tx.query(`update basis_flags set status = 'cleared', cleared_by = $2, cleared_at = now(), clear_note = $3, updated_at = now() where id = $1`, [
    flagId,
    p.userId,
    note,
  ]);
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId: f.orgId,
    matterType: f.subjectType,
    matterId: f.subjectId,
    eventType: 'basis.cleared',
    payload: { flagId, subjectType: f.subjectType, subjectId: f.subjectId, articleId: f.articleId, change: f.change, note },
  });
}
