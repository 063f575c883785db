/** 修改后重新审查: the amended measure goes back to the drafting unit's review; the earlier conclusion stays on the record. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { REVIEW_ACTORS } from '../access.ts';
import { fairCompetitionInputs } from './inputs.ts';

export const resubmit = defineTransition({
  label: '修改后重新审查',
  from: ['amendmentRequired'],
  to: 'selfReview',
  roles: REVIEW_ACTORS,
  input: fairCompetitionInputs.resubmit,
  effect: async (g) => {
    await g.tx.query(
      `update fair_competition_reviews set state = 'selfReview', measure_text = $2, checklist = null, exceptions = null, conclusion = null, conclusion_reason = null,
         stakeholder_views = null, concluded_on = null, joint = false, joint_units = null where id = $1`,
      [g.matter.id, g.input.amendedText],
    );
  },
});
