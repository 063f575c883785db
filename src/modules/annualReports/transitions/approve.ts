/** 批准: a leader of the body approves the submitted report as it stands (its current version); it is no longer edited. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { reportInputs } from './inputs.ts';

export const approve = defineTransition({
  label: '领导批准',
  from: ['submitted'],
  to: 'approved',
  roles: ['leader'],
  input: reportInputs.approve,
});
