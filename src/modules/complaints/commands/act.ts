/** The frame of a command on one complaint or report: visible (404), handled by the caller (403), in one transaction. */
import { type AppContext, inTransaction } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { complaintAbilities } from '../access.ts';
import { type ComplaintRow, findComplaint } from '../store.ts';

export async function actOnComplaint<T>(ctx: AppContext, p: Principal, id: string, fn: (tx: Queryable, c: ComplaintRow) => Promise<T>): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    await tx.query('select id from complaints where id = $1 for update', [id]);
    const c = await findComplaint(tx, id);
    if (!c || !complaintAbilities(p, c.orgId).read) throw notFound('投诉举报');
    if (!complaintAbilities(p, c.orgId).handle) throw forbidden('只有承办单位的执法人员和局领导可以办理投诉举报');
    return fn(tx, c);
  });
}
