import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { problem } from '../guards.ts';
import { transitionInputs } from '../schema.ts';

/** 受理线索并核查 (普通程序 only: a 简易程序 case is decided on the spot). */
export const accept = defineTransition({
  label: '受理线索并核查',
  from: ['lead'],
  to: 'verifying',
  roles: ['officer', 'admin'],
  input: transitionInputs.accept,
  load: loadCaseFacts,
  guards: [({ facts }) => (facts.case.procedure === 'ordinary' ? [] : problem('PROCEDURE_MISMATCH', '简易程序案件当场作出决定，不经核查立案'))],
  opens: [{ ruleId: 'lead.verification', startOn: ({ facts }) => facts.case.receivedOn }],
});
