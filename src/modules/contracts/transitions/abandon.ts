/** 不予签订: the contract is not signed (a review found it unlawful and it was not amended, or the need fell away). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { contractInputs } from './inputs.ts';

export const abandon = defineTransition({
  label: '不予签订',
  from: ['draft', 'underReview'],
  to: 'abandoned',
  roles: ['officer', 'leader', 'admin'],
  optional: true,
  input: contractInputs.abandon,
});
