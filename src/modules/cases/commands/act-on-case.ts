/**
 * The frame of every case command that is not a workflow transition (evidence, statement and
 * defence, payments …): lock the case, check that the caller sees it, holds a role for the act and
 * that the case is in a state that allows it, run the act and append its record entry — one
 * transaction. An archived case is read-only.
 */
import type { AppContext } from '../../../platform/context.ts';
import { actorOf, inTransaction } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { forbidden, notFound, AppError } from '../../../platform/errors.ts';
import { caseActs, type CaseActId } from '../../../domain/cases/rules.ts';
import { casePolicy, type Principal } from '../../../platform/policies.ts';
import type { RecordEventType } from '../../../platform/record/events.ts';
import { findMatter, matterVisible, type MatterRow } from '../../../platform/workflow/engine.ts';
import { findCase, type CaseRow } from '../store.ts';

/** An act of the table `caseActs` (domain/cases/rules.ts) and the record event it appends. */
export interface CaseAct {
  act: CaseActId;
  event: RecordEventType;
}

export async function actOnCase<T extends Record<string, unknown>>(
  ctx: AppContext,
  p: Principal,
  caseId: string,
  { act: actId, event }: CaseAct,
  fn: (tx: Queryable, c: CaseRow, m: MatterRow) => Promise<T>,
): Promise<T> {
  return inTransaction(ctx, async (tx) => {
    await tx.query('select id from matters where id = $1 for update', [caseId]);
    const m = await findMatter(tx, caseId);
    if (m?.type !== 'case' || !(await matterVisible(ctx.registry, tx, p, m))) throw notFound('案件');
    const act = caseActs[actId];
    if (!act.roles.some((r) => p.roles.includes(r))) throw forbidden(`当前用户的角色不能${act.label}`);
    if (act.states !== null && !(act.states as readonly string[]).includes(m.state)) {
      const def = ctx.registry.workflowOf(m.type, m.workflowVersion)!;
      throw new AppError('CASE_STATE_NOT_ALLOWED', `案件当前处于“${def.states[m.state]?.label ?? m.state}”，不能${act.label}`, {
        state: m.state,
        allowedIn: act.states,
      });
    }
    const c = (await findCase(tx, caseId))!;
    // the ability the case file shows (casePolicy): 办结 or, for a payment, no fine to pay
    const def = ctx.registry.workflowOf(m.type, m.workflowVersion)!;
    if (!casePolicy(p, { state: m.state, final: !!def.states[m.state]?.final, fineFen: c.fineFen }, true)[actId]) {
      throw new AppError('CASE_STATE_NOT_ALLOWED', `案件当前处于“${def.states[m.state]?.label ?? m.state}”，不能${act.label}`, { state: m.state });
    }
    const payload = await fn(tx, c, m);
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: m.orgId,
      matterType: 'case',
      matterId: caseId,
      eventType: event,
      payload: { caseId, ...payload } as never,
    });
    return payload;
  });
}
