/** 退回修改: the draft goes back to its drafting unit (a 不合法 opinion, a meeting that asked for changes), with the reason. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';

export const returnForRevision = defineTransition({
  label: '退回起草单位修改',
  from: ['commentClosed', 'fairCompetitionReview', 'legalityReview', 'adopted'],
  to: 'drafting',
  roles: ['officer', 'legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.returnForRevision,
});
