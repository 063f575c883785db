/** 退回修改: the leader sends the submitted report back to the drafters with the reason; it is a draft again. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { reportInputs } from './inputs.ts';

export const returnForRevision = defineTransition({
  label: '退回修改',
  from: ['submitted'],
  to: 'draft',
  roles: ['leader'],
  input: reportInputs.returnForRevision,
});
