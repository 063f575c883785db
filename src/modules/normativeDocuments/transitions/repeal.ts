/** 废止: a cleanup's decision (commands/record-cleanup.ts), with its reason. */
import { inForceStates } from '../../../domain/normativeDocuments/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { endDocument } from './end.ts';

export const repeal = defineTransition({
  label: '废止',
  from: [...inForceStates],
  to: 'repealed',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.repeal,
  effect: async (g) => endDocument(g.tx, g.matter.id, g.date, g.input.reason, 'repeal'),
});
