/**
 * 提请公平竞争审查: a document concerning the economic activity of operators is reviewed before it is issued
 * (公平竞争审查条例 第二条); the review (self-review, exceptions, 会审) is the fairCompetition module's.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { openFairCompetitionReview, subjectOf } from '../gates.ts';
import { normativeInputs } from './inputs.ts';
import { fullText, loadDocument } from './shared.ts';

export const requestFairCompetitionReview = defineTransition({
  label: '提请公平竞争审查',
  from: ['commentClosed'],
  to: 'fairCompetitionReview',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  input: normativeInputs.requestFairCompetitionReview,
  load: (g) => loadDocument(g.tx, g.matter.id),
  effect: async (g) => {
    const { doc } = g.facts;
    const reviewId = await openFairCompetitionReview(g.tx, g.ctx, g.principal, { subject: subjectOf(doc.id), title: doc.title, text: fullText(doc) });
    await g.tx.query('update normative_documents set fair_review_id = $2, updated_at = now() where id = $1', [doc.id, reviewId]);
    return { reviewId };
  },
});
