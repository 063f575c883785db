/**
 * 公开征求意见: a document affecting the rights and duties of citizens, legal persons or other organisations
 * is published for comment (优化营商环境条例 第六十二条: 一般不少于30日; the province's period in its
 * settings). The comment itself — portal, comments, answers, the feedback report — is the consultation module's.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { openComment as openConsultation, subjectOf } from '../gates.ts';
import { normativeInputs } from './inputs.ts';
import { fullText, loadDocument } from './shared.ts';

export const openComment = defineTransition({
  label: '公开征求意见',
  from: ['drafting'],
  to: 'underComment',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  input: normativeInputs.openComment,
  load: (g) => loadDocument(g.tx, g.matter.id),
  effect: async (g) => {
    const { doc, settings } = g.facts;
    const consultationId = await openConsultation(g.tx, g.ctx, g.principal, {
      subject: subjectOf(doc.id),
      title: `关于《${doc.title}》（征求意见稿）公开征求意见`,
      text: fullText(doc),
      startsOn: g.input.startsOn ?? g.date,
      days: g.input.days ?? settings.commentWhenAffectsRights.minDays,
      ...(g.input.shortenedReason ? { shortenedReason: g.input.shortenedReason } : {}),
    });
    await g.tx.query('update normative_documents set consultation_id = $2, updated_at = now() where id = $1', [doc.id, consultationId]);
    return { consultationId };
  },
});
