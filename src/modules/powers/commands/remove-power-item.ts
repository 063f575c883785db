import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { authorize, powerItemPolicy, type Principal } from '../../../platform/policies.ts';
import { findPowerItem } from '../detail.ts';
import { readableBodies } from '../queries.ts';
import type { TPowerChangeInput } from '../schema.ts';
import { writeRemove } from './write-change.ts';

/** 取消权责事项 from the effective date (its sub-items with it). Returns the ids removed. */
export async function removePowerItem(ctx: AppContext, p: Principal, id: string, change: TPowerChangeInput): Promise<string[]> {
  return inTransaction(ctx, async (tx) => {
    const item = await findPowerItem(tx, id);
    if (!item) throw notFound('权责事项');
    authorize(powerItemPolicy(p, item, (await readableBodies(tx, p)).ancestors), 'remove', '权责事项');
    return writeRemove(tx, ctx, id, { actor: actorOf(p), change });
  });
}
