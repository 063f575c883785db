import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCase } from '../facts.ts';
import { problem } from '../guards.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase, paymentsOf } from '../store.ts';

/** 申请人民法院强制执行 (行政处罚法 第七十二条): a fine still owed after its period ran out. */
export const applyEnforcement = defineTransition({
  label: '申请人民法院强制执行',
  from: ['served'],
  to: 'enforcement',
  roles: ['leader'],
  input: transitionInputs.applyEnforcement,
  load: async (g) => {
    const c = await loadCase(g);
    return { case: c, payments: await paymentsOf(g.tx, c.id) };
  },
  guards: [
    ({ facts: { case: c, payments }, date }) => {
      const paid = payments.reduce((s, p) => s + p.finePartFen, 0);
      if (c.fineFen - paid <= 0) return problem('NOTHING_TO_ENFORCE', '罚款已缴清，无需申请强制执行');
      const due = c.paymentPlan ? c.paymentPlan.instalments.at(-1)!.dueOn : c.paymentDue;
      return due && date <= due ? problem('PAYMENT_NOT_OVERDUE', `缴款期限至 ${due}，期满前不能申请强制执行`) : [];
    },
  ],
  effect: async ({ tx, matter, input }) => {
    await patchCase(tx, matter.id, { enforcement: { appliedOn: input.appliedOn, court: input.court, outcome: null } });
  },
});
