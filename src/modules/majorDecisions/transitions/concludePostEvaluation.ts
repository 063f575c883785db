/**
 * 决策后评估结果 (第三十六条第三款 "应当注重听取社会公众的意见"; 第四款 "决策后评估结果应当作为调整重大行政决策的重要依据"):
 * the decision goes back to execution; an adjustment is a new procedure (第三十七条).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { findDecision, setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly, loadDecision } from './shared.ts';

export const concludePostEvaluation = defineTransition({
  label: '完成决策后评估',
  from: ['evaluating'],
  to: 'executing',
  roles: ['leader', 'admin'],
  input: decisionInputs.concludePostEvaluation,
  load: loadDecision,
  guards: [bodyOnly],
  effect: async ({ tx, matter, input }) => {
    const ev = (await findDecision(tx, matter.id))!.evaluation ?? {};
    await setDecisionStep(tx, matter.id, 'evaluation', { ...ev, ...input, concluded: true });
  },
});
