/**
 * 执行情况报告 (第三十四条 "向决策机关报告决策执行情况"; 第三十五条 problems, changed circumstances or force majeure that
 * seriously affect the decision's aims "应当及时向决策机关报告").
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { findDecision, setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';

export const reportExecution = defineTransition({
  label: '报告决策执行情况',
  from: ['executing'],
  to: 'executing',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.reportExecution,
  effect: async ({ tx, matter, input }) => {
    const e = (await findDecision(tx, matter.id))!.execution ?? {};
    await setDecisionStep(tx, matter.id, 'execution', { ...e, reports: [...((e.reports as unknown[]) ?? []), input] });
  },
});
