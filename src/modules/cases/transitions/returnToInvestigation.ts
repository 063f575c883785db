import { defineTransition } from '../../../platform/workflow/transition.ts';
import { DEFENCE_RULES } from '../facts.ts';
import { transitionInputs } from '../schema.ts';
import { cancelDeadlines, insertReview, patchCase } from '../store.ts';

/**
 * 退回补充调查: the notice, hearing and defence start over; a reviewer's return is recorded as a review that
 * disagrees — a 案件审核 when it left 案件审核, a 法制审核 when it left 法制审核 (行政处罚法 第五十八条).
 */
export const returnToInvestigation = defineTransition({
  label: '退回补充调查',
  from: ['auditing', 'legalReview', 'discussion'],
  to: 'investigating',
  roles: ['legalReviewer', 'leader'],
  optional: true,
  input: transitionInputs.returnToInvestigation,
  // the effect sees the state after the transition; the review kind follows the state it left
  load: async ({ matter }) => ({ leftState: matter.state }),
  effect: async ({ tx, input, date, principal, matter, facts }) => {
    if (principal.roles.includes('legalReviewer')) {
      await insertReview(tx, {
        caseId: matter.id,
        kind: facts.leftState === 'legalReview' ? 'legalReview' : 'caseAudit',
        reviewerId: principal.userId,
        reviewerName: principal.displayName,
        items: {},
        opinion: 'disagree',
        reasons: input.reasons,
        acceptsDeviation: false,
        reviewedOn: date,
        instrumentId: null,
      });
    }
    await patchCase(tx, matter.id, { notice: null, hearing: null, statement: null, waivers: {} });
    await cancelDeadlines(tx, matter.id, DEFENCE_RULES);
  },
});
