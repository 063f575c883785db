/** 不批准不予公示: a leader rejects the proposal (with an opinion); the publication is scheduled again. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { publicationInputs } from './inputs.ts';

export const rejectExemption = defineTransition({
  label: '不批准不予公示',
  from: ['exemptionProposed'],
  to: 'scheduled',
  roles: ['leader'],
  input: publicationInputs.rejectExemption,
});
