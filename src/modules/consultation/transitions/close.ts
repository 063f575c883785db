/** 截止征求意见: after the period's last day (重大行政决策程序暂行条例 第十五条: the period published with the draft). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { type ConsultationRow, loadConsultation } from '../store.ts';
import { CONSULTATION_ACTORS } from '../access.ts';
import { consultationInputs } from './inputs.ts';

export const close = defineTransition({
  label: '截止征求意见',
  from: ['open'],
  to: 'closed',
  roles: CONSULTATION_ACTORS,
  input: consultationInputs.close,
  load: async (g): Promise<{ consultation: ConsultationRow }> => ({ consultation: await loadConsultation(g.tx, g.matter.id) }),
  guards: [
    ({ facts, date }) =>
      date > facts.consultation.endsOn
        ? []
        : [{ code: 'CONSULTATION_PERIOD_RUNNING', message: `征求意见期限至 ${facts.consultation.endsOn} 届满，届满后方可截止` }],
  ],
  effect: async (g) => {
    await g.tx.query(`update consultations set state = 'closed' where id = $1`, [g.matter.id]);
  },
});
