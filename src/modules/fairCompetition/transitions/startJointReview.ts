/** 组织会审: the bureau organises a joint review of the measure with the units it names (公平竞争审查条例 第六条第二款、第十四条). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { JOINT_REVIEW_ORGANISERS } from '../access.ts';
import { fairCompetitionInputs } from './inputs.ts';

export const startJointReview = defineTransition({
  label: '组织会审',
  from: ['selfReview'],
  to: 'jointReview',
  roles: JOINT_REVIEW_ORGANISERS,
  optional: true,
  input: fairCompetitionInputs.startJointReview,
  effect: async (g) => {
    const units = [...new Set(g.input.jointUnits)].map((name) => ({ name, opinion: null }));
    await g.tx.query(`update fair_competition_reviews set state = 'jointReview', joint = true, joint_units = $2 where id = $1`, [
      g.matter.id,
      JSON.stringify(units),
    ]);
  },
});
