import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 接收机关已立案: the referral is answered; the case can be closed. */
export const policeAccepted = defineTransition({
  label: '接收机关已立案',
  from: ['referred'],
  to: 'referred',
  roles: ['officer', 'leader'],
  input: transitionInputs.policeAccepted,
  load: loadCaseFacts,
  meets: ['referral.policeDecision'],
  effect: async ({ tx, input, facts: { case: c } }) => {
    await patchCase(tx, c.id, { referral: { ...c.referral!, answer: 'accepted', answeredOn: input.answeredOn, answerNote: input.note } });
  },
});
