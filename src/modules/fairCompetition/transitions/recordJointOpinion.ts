/** 记录会审意见: one participating unit's opinion in the joint review. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { REVIEW_ACTORS } from '../access.ts';
import { loadReview, type ReviewRow } from '../store.ts';
import { fairCompetitionInputs } from './inputs.ts';

export const recordJointOpinion = defineTransition({
  label: '记录会审意见',
  from: ['jointReview'],
  to: 'jointReview',
  roles: REVIEW_ACTORS,
  optional: true,
  input: fairCompetitionInputs.recordJointOpinion,
  load: async (g): Promise<{ review: ReviewRow }> => ({ review: await loadReview(g.tx, g.matter.id) }),
  guards: [
    ({ input, facts }) =>
      (facts.review.jointUnits ?? []).some((u) => u.name === input.jointUnit)
        ? []
        : [{ code: 'VALIDATION_FAILED', message: `“${input.jointUnit}”不是本次会审的参加单位` }],
  ],
  effect: async (g) => {
    const units = (g.facts.review.jointUnits ?? []).map((u) => (u.name === g.input.jointUnit ? { ...u, opinion: g.input.jointOpinion } : u));
    await g.tx.query(`update fair_competition_reviews set joint_units = $2 where id = $1`, [g.matter.id, JSON.stringify(units)]);
  },
});
