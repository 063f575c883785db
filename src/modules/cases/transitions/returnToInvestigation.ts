import { defineTransition } from '../../../platform/workflow/transition.ts';
import { DEFENCE_RULES } from '../facts.ts';
import { transitionInputs } from '../schema.ts';
import { cancelDeadlines, insertReview, patchCase } from '../store.ts';

/** 退回补充调查: the notice, hearing and defence start over; a reviewer's return is recorded as a review that disagrees. */
export const returnToInvestigation = defineTransition({
  label: '退回补充调查',
  from: ['auditing', 'legalReview', 'discussion'],
  to: 'investigating',
  roles: ['legalReviewer', 'leader'],
  input: transitionInputs.returnToInvestigation,
  effect: async ({ tx, input, date, principal, matter }) => {
    // recorded as a 案件审核 whichever state it left (v1 as it was: its effect saw the state after the transition)
    if (principal.roles.includes('legalReviewer')) {
      await insertReview(tx, {
        caseId: matter.id,
        kind: 'caseAudit',
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
