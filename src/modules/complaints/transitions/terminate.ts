/**
 * 终止调解 on a ground of 第二十一条第一款; the 45-working-day ground (第（五）项) only after the period. Opens the
 * notice deadline: 7 working days from the decision to tell both parties (第二十一条第二款).
 */
import { terminationProblem } from '../../../domain/complaints/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { COMPLAINT_HANDLERS } from '../access.ts';
import { complaintInputs } from './inputs.ts';

export const terminate = defineTransition({
  label: '终止调解',
  from: ['accepted'],
  to: 'terminated',
  roles: COMPLAINT_HANDLERS,
  input: complaintInputs.terminate,
  load: async (g) => ({
    mediationDue:
      (
        await g.tx.query<{ due: string }>(
          `select due_date as due from matter_deadlines where matter_id = $1 and rule_id = 'complaint.mediation' order by start_date desc limit 1`,
          [g.matter.id],
        )
      ).rows[0]?.due ?? null,
  }),
  guards: [
    ({ input, facts, date }) => {
      const problem = terminationProblem({ ground: input.ground, date, mediationDue: facts.mediationDue });
      return problem ? [{ code: 'COMPLAINT_TERMINATION_EARLY', message: problem }] : [];
    },
  ],
  meets: ['complaint.mediation'],
  opens: [{ ruleId: 'complaint.terminationNotice' }],
  effect: async (g) => {
    await g.tx.query(`update complaints set state = 'terminated', termination_ground = $2, termination_reason = $3, terminated_on = $4 where id = $1`, [
      g.matter.id,
      g.input.ground,
      g.input.reason,
      g.date,
    ]);
  },
});
