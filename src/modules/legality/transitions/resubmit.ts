/**
 * 补充材料后重新送审: the requesting unit sends the completed materials; the minimum and the longest review time count
 * again from this day (the time the legal office needs is for the materials it reviews).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { earliestOpinionOn, openReviewLimit } from '../kinds.ts';
import { reviewInputs } from './inputs.ts';
import { loadReview } from './shared.ts';

export const resubmit = defineTransition({
  label: '补充材料后重新送审',
  from: ['returned'],
  to: 'underReview',
  roles: ['officer', 'leader', 'admin'],
  input: reviewInputs.resubmit,
  load: async (g) => ({ review: await loadReview(g.tx, g.matter.id) }),
  effect: async ({ tx, input, facts, date, matter }) => {
    const earliest = await earliestOpinionOn(tx, facts.review.kind, facts.review.bodyId, date);
    await tx.query('update legality_reviews set materials = $2, earliest_opinion_on = $3 where id = $1', [facts.review.id, input.materials, earliest]);
    const limit = await openReviewLimit(tx, matter, facts.review.kind, facts.review.bodyId, date, 'resubmit');
    return { earliestOpinionOn: earliest, ...(limit ? { reviewDue: limit.due } : {}) };
  },
});
