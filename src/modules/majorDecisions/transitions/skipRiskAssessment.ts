/**
 * 不作风险评估: 第二十二条第一款 requires it where "重大行政决策的实施可能对社会稳定、公共安全等方面造成不利影响"; 第二十二条
 * 第二款 "按照有关规定已对有关风险进行评价、评估的，不作重复评估" (then the earlier assessment is named).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const skipRiskAssessment = defineTransition({
  label: '不作风险评估（说明理由）',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.skipRiskAssessment,
  load: loadDecision,
  guards: [
    ({ facts }) => once(stepDone(facts.d.risk), '风险评估'),
    ({ input }) =>
      input.ground === 'alreadyAssessed' && !input.priorAssessment
        ? [
            {
              code: 'DECISION_PRIOR_ASSESSMENT_MISSING',
              message: '以“按照有关规定已对有关风险进行评价、评估”为由不作重复评估的，应当写明已有的评价、评估（第二十二条第二款）',
            },
          ]
        : [],
  ],
  effect: async ({ tx, matter, input, date }) => {
    await setDecisionStep(tx, matter.id, 'risk', { skipped: input.ground, reason: input.reason, priorAssessment: input.priorAssessment ?? null, on: date });
  },
});
