/** 报送备案: the published document is filed with the supervising government within the province's period (meets the filing deadline). */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { filingRuleIds } from './publish.ts';
import { loadDocument } from './shared.ts';

export const file = defineTransition({
  label: '报送备案',
  from: ['published'],
  to: 'filed',
  roles: ['legalReviewer', 'admin'],
  input: normativeInputs.file,
  load: (g) => loadDocument(g.tx, g.matter.id),
  meets: filingRuleIds,
  effect: async (g) => {
    const filedWith = g.input.filedWith ?? g.facts.settings.filingWith;
    await g.tx.query('update normative_documents set filed_on = $2, filed_with = $3, updated_at = now() where id = $1', [g.matter.id, g.date, filedWith]);
    return { filedWith };
  },
});
