import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { problem } from '../guards.ts';
import { transitionInputs } from '../schema.ts';

/** 不批准移送: back to the investigation — of a filed case only. */
export const rejectReferral = defineTransition({
  label: '不批准移送',
  from: ['referralProposed'],
  to: 'investigating',
  roles: ['leader'],
  input: transitionInputs.rejectReferral,
  load: loadCaseFacts,
  meets: ['referral.approval'],
  guards: [({ facts }) => (facts.case.filedOn ? [] : problem('NOT_FILED', '未立案的线索不批准移送的，请先提请立案'))],
});
