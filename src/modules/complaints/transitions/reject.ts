/** 不予受理 on one of 第十五条's grounds, decided and told within the 7 working days of 第十四条. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { complaintInputs } from './inputs.ts';

export const reject = defineTransition({
  label: '不予受理',
  from: ['received'],
  to: 'rejected',
  roles: COMPLAINT_HANDLERS,
  input: complaintInputs.reject,
  meets: ['complaint.acceptance'],
  effect: async (g) => {
    await g.tx.query(`update complaints set state = 'rejected', decided_on = $2, rejection_ground = $3, decision_reason = $4, finished_on = $2 where id = $1`, [
      g.matter.id,
      g.date,
      g.input.ground,
      g.input.reason,
    ]);
  },
});
