/** What the decision transitions share: the decision's row as their facts, and the problem of a step done twice. */
import type { Problem } from '../../../domain/workflow.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { findDecision, type DecisionRow } from '../store.ts';

export const loadDecision = async (g: GuardInput<unknown>): Promise<{ d: DecisionRow }> => ({ d: (await findDecision(g.tx, g.matter.id))! });

export const once = (done: boolean, step: string): Problem[] => (done ? [{ code: 'DECISION_STEP_DONE', message: `${step}已经办理` }] : []);

/** A step's record: done (its data) or left out with a ground. */
export const stepDone = (v: Record<string, unknown> | null | undefined): boolean => !!v && (v.concluded === true || v.skipped !== undefined);
