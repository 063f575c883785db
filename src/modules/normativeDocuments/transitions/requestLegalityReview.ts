/**
 * 提请合法性审核: the legal unit reviews the draft with its 起草说明, the comment and the fair-competition
 * conclusion (国办发〔2018〕115号; the review is the legality module's). A document concerning market
 * activity goes only after its fair-competition review allows it (公平竞争审查条例 第二条).
 */
import { fairCompetitionRequired } from '../../../domain/normativeDocuments/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { fairCompetitionGate, openLegalityReview, subjectOf } from '../gates.ts';
import { normativeInputs } from './inputs.ts';
import { fullText, gate, loadDocument } from './shared.ts';

export const requestLegalityReview = defineTransition({
  label: '提请合法性审核',
  from: ['commentClosed', 'fairCompetitionReview'],
  to: 'legalityReview',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  input: normativeInputs.requestLegalityReview,
  load: async (g) => {
    const f = await loadDocument(g.tx, g.matter.id);
    const needed = fairCompetitionRequired({ concernsMarket: f.doc.concernsMarket, required: f.settings.fairCompetitionWhenMarket.required });
    return { ...f, fairCompetition: needed ? await fairCompetitionGate(g.tx, subjectOf(f.doc.id)) : null };
  },
  guards: [({ facts }) => gate(facts.fairCompetition)],
  effect: async (g) => {
    const { doc } = g.facts;
    const materials = [
      `起草说明（制定必要性）：${doc.necessity}`,
      `起草说明（主要内容及影响）：${doc.impact}`,
      doc.consultationId ? '公开征求意见情况及意见采纳情况（见征求意见记录）' : `未公开征求意见的理由：${doc.commentSkipReason ?? ''}`,
      ...(doc.fairReviewId ? ['公平竞争审查结论（见公平竞争审查记录）'] : []),
      ...(g.input.note ? [g.input.note] : []),
    ];
    const reviewId = await openLegalityReview(g.tx, g.ctx, g.principal, {
      subject: subjectOf(doc.id),
      title: doc.title,
      text: fullText(doc),
      materials,
      date: g.date,
    });
    await g.tx.query('update normative_documents set legality_review_id = $2, updated_at = now() where id = $1', [doc.id, reviewId]);
    return { reviewId };
  },
});
