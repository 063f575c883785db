/** 宣布失效: a cleanup's decision (commands/record-cleanup.ts), with its reason. */
import { inForceStates } from '../../../domain/normativeDocuments/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { endDocument } from './end.ts';

export const declareInvalid = defineTransition({
  label: '宣布失效',
  from: [...inForceStates],
  to: 'invalid',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.declareInvalid,
  effect: async (g) => endDocument(g.tx, g.matter.id, g.date, g.input.reason, 'declareInvalid'),
});
