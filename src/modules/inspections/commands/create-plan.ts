/** 抽查计划: the annual plan of a body. */
import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { mayManageBody } from '../access.ts';
import type { TPlanInput } from '../schema.ts';

export async function createPlan(ctx: AppContext, p: Principal, input: TPlanInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    await mayManageBody(tx, p, input.bodyId);
    if (
      (await tx.query('select 1 from inspection_plans where body_id = $1 and year = $2 and title = $3', [input.bodyId, input.year, input.title])).rows.length
    ) {
      throw new AppError('PLAN_EXISTS', `本机关 ${input.year} 年已有名为“${input.title}”的抽查计划`);
    }
    const id = randomUUID();
    const note = input.note ?? '';
    await tx.query('insert into inspection_plans (id, body_id, year, title, note) values ($1,$2,$3,$4,$5)', [id, input.bodyId, input.year, input.title, note]);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: input.bodyId,
      matterType: 'inspectionPlan',
      matterId: id,
      eventType: 'inspectionPlan.created',
      payload: { planId: id, bodyId: input.bodyId, year: input.year, title: input.title, note },
    });
    return id;
  });
}
