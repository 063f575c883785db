/** 年度制定计划: a body's plan of a year and its items (title, drafting unit, reason), each recorded on the plan. */
import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { enforcementBodyOf } from '../../../platform/orgs.ts';
import type { Principal } from '../../../platform/policies.ts';
import { bodyAbilities } from '../access.ts';
import type { TPlanInput, TPlanItemInput } from '../schema.ts';
import { NORMATIVE_PLAN } from '../store.ts';

export async function createPlan(ctx: AppContext, p: Principal, input: TPlanInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const bodyId = input.bodyId ?? (await enforcementBodyOf(tx, p.orgId));
    if (!bodyId) throw notFound('制定机关');
    const a = await bodyAbilities(tx, p, bodyId);
    if (!a.read) throw notFound('制定机关');
    if (!a.manage) throw forbidden('只有法制审核人员、局领导和系统管理员可以编制规范性文件制定计划');
    const exists = await tx.query('select 1 from normative_plans where body_id = $1 and year = $2', [bodyId, input.year]);
    if (exists.rows.length) throw new AppError('NORMATIVE_PLAN_EXISTS', `本机关 ${input.year} 年度的规范性文件制定计划已经存在`);
    const id = randomUUID();
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: bodyId,
      matterType: NORMATIVE_PLAN,
      matterId: id,
      eventType: 'normativePlan.created',
      payload: { planId: id, bodyId, year: input.year, note: input.note },
    });
    await tx.query('insert into normative_plans (id, body_id, year, note) values ($1,$2,$3,$4)', [id, bodyId, input.year, input.note]);
    return id;
  });
}

/** A unit below the body (or the body itself): the drafting unit of an item or a draft. */
export async function checkUnit(tx: import('../../../platform/db/index.ts').Queryable, unitId: string, bodyId: string): Promise<void> {
  if ((await enforcementBodyOf(tx, unitId)) !== bodyId) throw new AppError('NORMATIVE_UNIT_INVALID', '起草单位须是制定机关或其内设机构');
}

export async function addPlanItem(ctx: AppContext, p: Principal, planId: string, input: TPlanItemInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const plan = (await tx.query<{ bodyId: string; year: number }>('select body_id as "bodyId", year from normative_plans where id = $1', [planId])).rows[0];
    const a = plan && (await bodyAbilities(tx, p, plan.bodyId));
    if (!plan || !a?.read) throw notFound('制定计划');
    if (!a.manage) throw forbidden('只有法制审核人员、局领导和系统管理员可以编制规范性文件制定计划');
    await checkUnit(tx, input.unitId, plan.bodyId);
    const id = randomUUID();
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: plan.bodyId,
      matterType: NORMATIVE_PLAN,
      matterId: planId,
      eventType: 'normativePlan.itemAdded',
      payload: { planId, itemId: id, title: input.title, unitId: input.unitId, reason: input.reason, plannedQuarter: input.plannedQuarter ?? null },
    });
    await tx.query('insert into normative_plan_items (id, plan_id, title, unit_id, reason, planned_quarter) values ($1,$2,$3,$4,$5,$6)', [
      id,
      planId,
      input.title,
      input.unitId,
      input.reason,
      input.plannedQuarter ?? null,
    ]);
    return id;
  });
}
