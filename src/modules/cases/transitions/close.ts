import { formatYuan } from '../../../domain/discretion/money.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCase } from '../facts.ts';
import { problem } from '../guards.ts';
import { closureApprovalText } from '../instrumentText.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase, paymentsOf } from '../store.ts';

/** 结案: the decision executed (the fine paid, the enforcement's outcome known) or the referral accepted. */
export const close = defineTransition({
  label: '结案',
  from: ['served', 'enforcement', 'referred'],
  to: 'closed',
  roles: ['leader'],
  input: transitionInputs.close,
  load: async (g) => {
    const c = await loadCase(g);
    return { case: c, payments: await paymentsOf(g.tx, c.id) };
  },
  guards: [
    ({ input, facts: { case: c, payments }, matter }) => {
      if (matter.state === 'referred') return c.referral?.answer === 'accepted' ? [] : problem('REFERRAL_PENDING', '移送案件须待接收机关立案后结案');
      if (matter.state === 'enforcement') return input.enforcementOutcome ? [] : problem('ENFORCEMENT_OUTCOME_MISSING', '申请强制执行的案件结案须载明执行结果');
      if (c.fineFen === 0) return [];
      const finePaid = payments.reduce((s, p) => s + p.finePartFen, 0);
      return finePaid < c.fineFen
        ? problem('FINE_UNPAID', `罚款 ${formatYuan(c.fineFen)} 尚有 ${formatYuan(c.fineFen - finePaid)} 未缴纳，不能结案（可申请强制执行）`)
        : [];
    },
  ],
  effect: async ({ tx, ctx, input: i, facts: { case: c, payments }, date, principal }) => {
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'closureApproval',
      date,
      override: i.instrumentData,
      specific: closureApprovalText(c, { payments, enforcementOutcome: i.enforcementOutcome, opinion: i.opinion, leader: principal.displayName, date }),
    });
    await patchCase(tx, c.id, {
      closedOn: date,
      ...(c.enforcement && i.enforcementOutcome ? { enforcement: { ...c.enforcement, outcome: i.enforcementOutcome } } : {}),
    });
    return { instrumentId: ins.id, number: ins.number };
  },
});
