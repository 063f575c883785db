/**
 * 登记决定被变更或撤销: the decision published was changed or revoked; the publication must be
 * withdrawn within the limit counted from the day the body learnt of it (`noticedOn`).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { publicationInputs } from './inputs.ts';

export const noticeRevocation = defineTransition({
  label: '登记决定被变更或撤销',
  from: ['published', 'corrected'],
  to: 'withdrawalDue',
  roles: ['officer', 'legalReviewer', 'leader'],
  optional: true,
  input: publicationInputs.noticeRevocation,
  opens: [{ ruleId: 'publicity.withdrawal', startFrom: 'noticedOn' }],
});
