/**
 * 录入检查结果 for one drawn target: by one of the inspectors drawn for it (or an admin of the body),
 * on a date in the task's period, with both inspectors certified for the field on that date
 * (持证上岗, 行政处罚法 第四十二条). "Open a lead" opens a case lead (source 双随机抽查) for the
 * target in the same transaction, pre-filled with the entity, the finding and the violation.
 */
import { randomUUID } from 'node:crypto';
import { chinaToday } from '../../../domain/dates.ts';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { assertOfficersMayAct } from '../../officers/index.ts';
import { abilitiesFor } from '../access.ts';
import type { TResultInput } from '../schema.ts';
import { findTask } from '../tasks.ts';
import { INSPECTION_TASK } from '../workflow.ts';
import { insertCase } from '../../cases/index.ts';

export async function recordResult(ctx: AppContext, p: Principal, taskId: string, input: TResultInput): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const task = await findTask(tx, taskId);
    if (!task) throw notFound('抽查任务');
    const a = await abilitiesFor(tx, p, task.bodyId);
    if (!a.read) throw notFound('抽查任务');
    const asg = (
      await tx.query<{ inspectorIds: string; uscc: string }>(
        `select a.inspector_ids as "inspectorIds", t.uscc from inspection_assignments a join inspection_targets t on t.id = a.target_id where a.task_id = $1 and a.target_id = $2`,
        [taskId, input.targetId],
      )
    ).rows[0];
    if (!asg) throw new AppError('TARGET_NOT_DRAWN', '该检查对象未被本任务抽中，不能录入结果');
    const inspectorIds: string[] = JSON.parse(asg.inspectorIds);
    const me = (await tx.query<{ officerId: string | null }>('select officer_id as "officerId" from users where id = $1', [p.userId])).rows[0];
    if (!a.enterResults && !(me?.officerId && inspectorIds.includes(me.officerId)))
      throw forbidden('只有被抽中的检查人员或本机关系统管理员可以录入该检查对象的结果');
    if (task.state !== 'drawn') throw new AppError('TASK_NOT_INSPECTING', '任务不在检查阶段，不能录入结果');
    if ((await tx.query('select 1 from inspection_results where task_id = $1 and target_id = $2', [taskId, input.targetId])).rows.length) {
      throw new AppError('RESULT_EXISTS', '该检查对象的结果已录入');
    }
    if (input.inspectedOn < task.periodStart || input.inspectedOn > task.periodEnd)
      throw new AppError('DATE_OUTSIDE_PERIOD', `检查日期须在任务期间 ${task.periodStart} 至 ${task.periodEnd} 内`);
    if (input.inspectedOn > chinaToday()) throw new AppError('DATE_IN_FUTURE', '检查日期不能晚于今天');
    await assertOfficersMayAct(tx, null, { officerIds: inspectorIds, field: task.field, act: 'randomInspection', date: input.inspectedOn });
    if (input.evidenceIds.length) {
      const ok = (
        await tx.query<{ id: string }>('select id from evidence_files where id = any($1) and matter_type = $2 and matter_id = $3', [
          input.evidenceIds,
          INSPECTION_TASK,
          taskId,
        ])
      ).rows;
      if (ok.length !== new Set(input.evidenceIds).size) throw new AppError('EVIDENCE_UNKNOWN', '证据文件不存在或不属于本任务');
    }
    const lead = input.lead ?? null;
    if (lead) {
      if (!['problemFound', 'correctionOrdered'].includes(input.finding)) throw new AppError('LEAD_WITHOUT_PROBLEM', '只有发现问题时才能转为案件线索');
      if (!(await tx.query('select 1 from violations where code = $1', [lead.violationCode])).rows.length)
        throw new AppError('VIOLATION_UNKNOWN', `违法行为“${lead.violationCode}”不存在`);
    }
    const id = randomUUID();
    let leadId: string | null = null;
    if (lead) {
      const t = (
        await tx.query<{ name: string; uscc: string; address: string; legalRep: string | null; entityType: string }>(
          `select name, uscc, address, legal_rep as "legalRep", entity_type as "entityType" from inspection_targets where id = $1`,
          [input.targetId],
        )
      ).rows[0];
      const v = (await tx.query<{ name: string }>('select name from violations where code = $1', [lead.violationCode])).rows[0];
      const individual = t.entityType.includes('个体');
      leadId = await insertCase(ctx, tx, p, {
        procedure: 'ordinary',
        source: 'randomInspection',
        sourceNote: `${task.name}（抽查结果 ${id}）`,
        receivedOn: input.inspectedOn,
        field: task.field as never,
        party: { type: individual ? 'naturalPerson' : 'organisation', name: t.name, uscc: t.uscc, address: t.address, legalRep: t.legalRep },
        contact: { name: p.displayName, phone: '' },
        summary: `双随机抽查发现：${input.description || v.name}（涉嫌${v.name}${lead.note ? `；${lead.note}` : ''}）`,
        violationName: v.name,
      });
    }
    await tx.query(
      `insert into inspection_results (id, task_id, target_id, inspected_on, inspector_ids, checked_items, finding, description, evidence_ids, lead_requested, lead_violation, lead_note, entered_by, lead_id)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
      [
        id,
        taskId,
        input.targetId,
        input.inspectedOn,
        JSON.stringify(inspectorIds),
        JSON.stringify(input.checkedItems),
        input.finding,
        input.description,
        JSON.stringify(input.evidenceIds),
        !!lead,
        lead?.violationCode ?? null,
        lead?.note ?? null,
        p.userId,
        leadId,
      ],
    );
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: task.bodyId,
      matterType: INSPECTION_TASK,
      matterId: taskId,
      eventType: 'inspectionResult.recorded',
      payload: {
        resultId: id,
        taskId,
        targetId: input.targetId,
        uscc: asg.uscc,
        inspectedOn: input.inspectedOn,
        inspectorIds,
        checkedItems: input.checkedItems,
        finding: input.finding,
        description: input.description,
        evidenceIds: input.evidenceIds,
        leadRequested: !!lead,
        leadViolation: lead?.violationCode ?? null,
        leadId,
      },
    });
    return id;
  });
}
