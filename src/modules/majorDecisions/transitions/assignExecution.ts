/** 决策执行 (第三十四条 "决策机关应当明确负责重大行政决策执行工作的单位"): the 决策执行单位 and its tasks. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { checkUnits } from '../catalogueItems.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly, loadDecision } from './shared.ts';

export const assignExecution = defineTransition({
  label: '明确决策执行单位',
  from: ['published'],
  to: 'executing',
  roles: ['leader', 'admin'],
  input: decisionInputs.assignExecution,
  load: loadDecision,
  guards: [bodyOnly],
  effect: async ({ tx, matter, input, date }) => {
    const body = (await tx.query<{ bodyId: string }>('select body_id as "bodyId" from major_decisions where id = $1', [matter.id])).rows[0].bodyId;
    await checkUnits(tx, body, [input.executionUnitId]);
    await setDecisionStep(tx, matter.id, 'execution', { executionUnitId: input.executionUnitId, tasks: input.tasks, assignedOn: date, reports: [] });
  },
});
