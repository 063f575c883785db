import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { problem } from '../guards.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 接收机关不予立案: back to the investigation; the body may ask the police to reconsider. */
export const policeRefused = defineTransition({
  label: '接收机关不予立案',
  from: ['referred'],
  to: 'investigating',
  roles: ['officer', 'leader'],
  input: transitionInputs.policeRefused,
  load: loadCaseFacts,
  meets: ['referral.policeDecision'],
  guards: [({ facts }) => (facts.case.filedOn ? [] : problem('NOT_FILED', '退回的线索须先立案才能继续调查'))],
  opens: [{ ruleId: 'referral.reconsiderationRequest', startFrom: 'answeredOn', when: ({ facts }) => facts.case.referral?.kind === 'police' }],
  effect: async ({ tx, input, facts: { case: c } }) => {
    await patchCase(tx, c.id, { referral: { ...c.referral!, answer: 'refused', answeredOn: input.answeredOn, answerNote: input.note } });
  },
});
