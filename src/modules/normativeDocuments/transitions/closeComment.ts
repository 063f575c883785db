/** 征求意见结束: the comment period is over and the feedback report (意见采纳情况) is published — the consultation module's gate. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { commentProblem, subjectOf } from '../gates.ts';
import { normativeInputs } from './inputs.ts';
import { gate, loadDocument } from './shared.ts';

export const closeComment = defineTransition({
  label: '征求意见结束',
  from: ['underComment'],
  to: 'commentClosed',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  input: normativeInputs.closeComment,
  load: async (g) => ({ ...(await loadDocument(g.tx, g.matter.id)), comment: await commentProblem(g.tx, subjectOf(g.matter.id), { required: true }) }),
  guards: [({ facts }) => gate(facts.comment)],
});
