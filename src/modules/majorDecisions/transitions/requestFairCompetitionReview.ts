/**
 * 公平竞争审查 of a draft that concerns market activity (第二十九条第（一）项 "决策草案涉及市场主体经济活动的，应当包含公平
 * 竞争审查的有关情况"), through the fair-competition module; its conclusion gates the collective discussion.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { gates } from '../gates.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision } from './shared.ts';

export const requestFairCompetitionReview = defineTransition({
  label: '送请公平竞争审查',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.requestFairCompetitionReview,
  load: loadDecision,
  effect: async ({ tx, ctx, principal, matter, input, facts }) => {
    const { reviewId } = await gates.requestFairCompetition(tx, ctx, principal, matter.id, { title: facts.d.title, text: input.text });
    await tx.query('update major_decisions set fair_competition_review_id = $2 where id = $1', [matter.id, reviewId]);
    return { reviewId };
  },
});
