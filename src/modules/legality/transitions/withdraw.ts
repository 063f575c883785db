/** 撤回送审: the requesting unit withdraws its request (the subject then has no review; the gate stays closed). */
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { limitRules } from '../kinds.ts';
import { reviewInputs } from './inputs.ts';

export const withdraw = defineTransition({
  label: '撤回送审',
  from: ['underReview', 'returned'],
  to: 'withdrawn',
  roles: ['officer', 'leader', 'admin'],
  optional: true,
  input: reviewInputs.withdraw,
  effect: async ({ tx, matter }) => {
    await closeDeadlines(tx, matter.id, limitRules(), 'cancelled', 'withdraw');
  },
});
