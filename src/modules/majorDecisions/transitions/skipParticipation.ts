/** 不履行公众参与: only for "依法不予公开的决策事项" (第十四条第一款), with the reason recorded. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const skipParticipation = defineTransition({
  label: '依法不履行公众参与（说明理由）',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.skipParticipation,
  load: loadDecision,
  guards: [
    ({ facts }) => once(stepDone(facts.d.participation), '公众参与'),
    ({ facts }) =>
      facts.d.consultationId || ((facts.d.participation?.records as unknown[] | undefined) ?? []).length
        ? [{ code: 'DECISION_STEP_DONE', message: '已经听取过意见的，应当完成公众参与并说明意见采纳情况，不能再以不予公开为由不履行' }]
        : [],
  ],
  effect: async ({ tx, matter, input, date }) => {
    await setDecisionStep(tx, matter.id, 'participation', { skipped: input.ground, reason: input.reason, on: date });
  },
});
