/** 被新版本修改: run by the publication of the document's next version (publish.ts); the old version is 已修改. */
import { inForceStates } from '../../../domain/normativeDocuments/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { endDocument } from './end.ts';

export const supersede = defineTransition({
  label: '被新版本修改',
  from: [...inForceStates],
  to: 'amended',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.supersede,
  effect: async (g) => endDocument(g.tx, g.matter.id, g.date, `新版本公布（${g.input.newVersionId}）`, 'supersede'),
});
