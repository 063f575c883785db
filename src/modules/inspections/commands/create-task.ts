/** 抽查任务: a task of a plan — items, target filter, ratios per risk class, inspectors per target, period; opens its workflow matter. */
import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { createMatter } from '../../../platform/workflow/engine.ts';
import { mayManageBody } from '../access.ts';
import type { TTaskInput } from '../schema.ts';
import { INSPECTION_TASK } from '../workflow.ts';

export async function createTask(ctx: AppContext, p: Principal, input: TTaskInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const plan = (await tx.query<{ bodyId: string; year: number }>('select body_id as "bodyId", year from inspection_plans where id = $1', [input.planId]))
      .rows[0];
    if (!plan || !p.scope.has(plan.bodyId)) throw notFound('抽查计划');
    await mayManageBody(tx, p, plan.bodyId);
    const items = (
      await tx.query<{ id: string; field: string }>('select id, field from inspection_items where id = any($1) and body_id = $2', [input.itemIds, plan.bodyId])
    ).rows;
    const missing = input.itemIds.filter((id) => !items.some((i) => i.id === id));
    if (missing.length) throw new AppError('ITEM_UNKNOWN', `抽查事项不存在或不属于本机关：${missing.join('、')}`);
    const fields = [...new Set(items.map((i) => i.field))];
    if (fields.length > 1) throw new AppError('ITEM_FIELDS_DIFFER', '一个任务中的抽查事项须属于同一执法领域（检查人员按该领域的执法证选派）');
    for (const o of input.jointOrgIds) {
      if (!p.scope.has(o) || o === plan.bodyId) throw new AppError('JOINT_ORG_INVALID', '联合抽查的部门须是您管辖范围内的其他机构');
    }
    const knownDiv = new Set(
      (await tx.query<{ code: string }>('select code from division_codes where code = any($1)', [input.filter.divisionCodes])).rows.map((r) => r.code),
    );
    const badDiv = input.filter.divisionCodes.filter((c) => !knownDiv.has(c));
    if (badDiv.length) throw new AppError('DIVISION_UNKNOWN', `行政区划代码不存在：${badDiv.join('、')}`);
    if (input.periodStart.slice(0, 4) !== String(plan.year)) throw new AppError('PERIOD_OUTSIDE_PLAN', `任务的检查期间须在计划年度（${plan.year} 年）内开始`);
    const id = randomUUID();
    await createMatter(tx, ctx, actorOf(p), { type: INSPECTION_TASK, orgId: plan.bodyId, title: input.name, id });
    await tx.query(
      `insert into inspection_tasks (id, plan_id, body_id, name, item_ids, field, joint_org_ids, filter, ratios, target_counts, per_target, different_units, exclude_recent_days, period_start, period_end)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [
        id,
        input.planId,
        plan.bodyId,
        input.name,
        JSON.stringify(input.itemIds),
        fields[0],
        JSON.stringify(input.jointOrgIds),
        JSON.stringify(input.filter),
        JSON.stringify(input.ratios),
        JSON.stringify(input.targetCounts),
        input.perTarget,
        input.differentUnits,
        input.excludeRecentDays,
        input.periodStart,
        input.periodEnd,
      ],
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: plan.bodyId,
      matterType: INSPECTION_TASK,
      matterId: id,
      eventType: 'inspectionTask.defined',
      payload: {
        taskId: id,
        planId: input.planId,
        bodyId: plan.bodyId,
        name: input.name,
        itemIds: input.itemIds,
        field: fields[0],
        jointOrgIds: input.jointOrgIds,
        filter: input.filter,
        ratios: input.ratios,
        targetCounts: input.targetCounts,
        perTarget: input.perTarget,
        differentUnits: input.differentUnits,
        excludeRecentDays: input.excludeRecentDays,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      },
    });
    return id;
  });
}
