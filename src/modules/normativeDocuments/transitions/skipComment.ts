/**
 * 不公开征求意见: only a document that does not affect rights and duties (or one returned for revision after its comment) may go on without public comment
 * (优化营商环境条例 第六十二条; the province's rule in its settings), and the reason is recorded.
 */
import { commentSkipProblem } from '../../../domain/normativeDocuments/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { commentProblem, subjectOf } from '../gates.ts';
import { normativeInputs } from './inputs.ts';
import { loadDocument, problem } from './shared.ts';

export const skipComment = defineTransition({
  label: '不公开征求意见（记录理由）',
  from: ['drafting'],
  to: 'commentClosed',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  input: normativeInputs.skipComment,
  load: async (g) => {
    const f = await loadDocument(g.tx, g.matter.id);
    // a draft returned for revision after its public comment does not need a second one
    const commented = !!f.doc.consultationId && (await commentProblem(g.tx, subjectOf(f.doc.id), { required: true })) === null;
    return { ...f, commented };
  },
  guards: [
    ({ facts }) =>
      facts.doc.affectsRights && facts.settings.commentWhenAffectsRights.required && !facts.commented
        ? problem('NORMATIVE_COMMENT_REQUIRED', '该文件涉及公民、法人和其他组织的权利义务，应当向社会公开征求意见（优化营商环境条例 第六十二条），不能跳过')
        : [],
    ({ input, facts }) =>
      commentSkipProblem({
        affectsRights: facts.doc.affectsRights && !facts.commented,
        required: facts.settings.commentWhenAffectsRights.required,
        reason: input.reason,
      }) === 'reasonMissing'
        ? problem('REASON_REQUIRED', '不公开征求意见的，须记录理由（如：不涉及公民、法人和其他组织权利义务）')
        : [],
  ],
  effect: async (g) => {
    await g.tx.query('update normative_documents set comment_skip_reason = $2, updated_at = now() where id = $1', [g.matter.id, g.input.reason!.trim()]);
  },
});
