/** 终止制定: a draft that will not be issued, with the reason. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';

export const abandon = defineTransition({
  label: '终止制定',
  from: ['drafting', 'underComment', 'commentClosed', 'fairCompetitionReview', 'legalityReview', 'adopted'],
  to: 'abandoned',
  roles: ['leader', 'admin'],
  optional: true,
  input: normativeInputs.abandon,
  effect: async (g) => {
    await g.tx.query('update normative_documents set ended_on = $2, ended_reason = $3, updated_at = now() where id = $1', [
      g.matter.id,
      g.date,
      g.input.reason,
    ]);
  },
});
