/**
 * 决策后评估 (第三十六条): on one of its three grounds, with the unit that does the work; "开展决策后评估，可以委托专业机构、
 * 社会组织等第三方进行，决策作出前承担主要论证评估工作的单位除外".
 */
import { evaluatorProblem } from '../../../domain/majorDecisions/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly, loadDecision } from './shared.ts';

/** Who did the main argument and assessment before the decision: the risk assessor and the experts' organisations. */
const earlierAssessors = (d: { expert: Record<string, unknown> | null; risk: Record<string, unknown> | null }): string[] => [
  ...(d.risk && !d.risk.skipped ? [String(d.risk.assessor)] : []),
  ...(d.expert && !d.expert.skipped ? (d.expert.experts as { organisation: string }[]).map((e) => e.organisation) : []),
];

export const startPostEvaluation = defineTransition({
  label: '组织决策后评估',
  from: ['executing'],
  to: 'evaluating',
  roles: ['leader', 'admin'],
  optional: true,
  input: decisionInputs.startPostEvaluation,
  load: loadDecision,
  guards: [
    bodyOnly,
    ({ input, facts }) => {
      const m = input.thirdParty ? evaluatorProblem(input.evaluator, earlierAssessors(facts.d)) : null;
      return m ? [{ code: 'DECISION_EVALUATOR_INVALID', message: m }] : [];
    },
  ],
  effect: async ({ tx, matter, input, date }) => {
    await setDecisionStep(tx, matter.id, 'evaluation', { ...input, startedOn: date });
  },
});
