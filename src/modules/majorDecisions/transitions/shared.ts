/** What the decision transitions share: the decision's row as their facts, the problem of a step done twice, the body's own acts. */
import type { Problem } from '../../../domain/workflow.ts';
import type { Principal } from '../../../platform/policies.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { findDecision, type DecisionRow } from '../store.ts';

export const loadDecision = async (g: GuardInput<unknown>): Promise<{ d: DecisionRow }> => ({ d: (await findDecision(g.tx, g.matter.id))! });

export const once = (done: boolean, step: string): Problem[] => (done ? [{ code: 'DECISION_STEP_DONE', message: `${step}已经办理` }] : []);

/** A step's record: done (its data) or left out with a ground. */
export const stepDone = (v: Record<string, unknown> | null | undefined): boolean => !!v && (v.concluded === true || v.skipped !== undefined);

/**
 * 集体讨论决定、公布、执行、决策后评估、归档 are the decision body's acts (第三十条–第三十六条): its leaders and administrators,
 * not those of the undertaking unit (the transitions' roles alone would let a unit's administrator take them).
 */
export const bodyOnly = ({ principal, facts }: { principal: Principal; facts: { d: DecisionRow } }): Problem[] =>
  principal.scope.has(facts.d.bodyId) ? [] : [{ code: 'FORBIDDEN', message: '集体讨论决定、公布、执行、决策后评估和归档由决策机关的负责人或者系统管理员办理' }];
