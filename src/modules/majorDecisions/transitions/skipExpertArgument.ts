/** 不组织专家论证: 第十九条第一款 requires it "对专业性、技术性较强的决策事项"; otherwise the reason is recorded. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const skipExpertArgument = defineTransition({
  label: '不组织专家论证（说明理由）',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.skipExpertArgument,
  load: loadDecision,
  guards: [({ facts }) => once(stepDone(facts.d.expert), '专家论证')],
  effect: async ({ tx, matter, input, date }) => {
    await setDecisionStep(tx, matter.id, 'expert', { skipped: input.ground, reason: input.reason, on: date });
  },
});
