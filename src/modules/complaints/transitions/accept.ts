/**
 * 受理 (第十四条 "应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人"): meets the acceptance
 * deadline and opens the mediation period — 45 working days from acceptance (第二十一条第一款第（五）项), testing time
 * excluded (第二十条第三款: the deadline is suspendable).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { complaintInputs } from './inputs.ts';

export const accept = defineTransition({
  label: '受理投诉',
  from: ['received'],
  to: 'accepted',
  roles: COMPLAINT_HANDLERS,
  input: complaintInputs.accept,
  meets: ['complaint.acceptance'],
  opens: [{ ruleId: 'complaint.mediation' }],
  effect: async (g) => {
    await g.tx.query(`update complaints set state = 'accepted', decided_on = $2, decision_reason = $3 where id = $1`, [
      g.matter.id,
      g.date,
      g.input.note ?? null,
    ]);
  },
});
