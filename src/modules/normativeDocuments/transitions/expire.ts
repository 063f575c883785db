/** 有效期届满失效: the validity deadline is over (the module's job runs it; a person may too). */
import { inForceStates } from '../../../domain/normativeDocuments/rules.ts';
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { filingRuleIds, validityRuleIds } from './publish.ts';
import { loadDocument, problem } from './shared.ts';

export const expire = defineTransition({
  label: '有效期届满失效',
  from: [...inForceStates],
  to: 'expired',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.expire,
  load: (g) => loadDocument(g.tx, g.matter.id),
  guards: [
    ({ facts, date }) =>
      facts.doc.expiresOn && date > facts.doc.expiresOn ? [] : problem('NORMATIVE_NOT_EXPIRED', `有效期至 ${facts.doc.expiresOn ?? '（未设定）'}，尚未届满`),
  ],
  effect: async (g) => {
    await closeDeadlines(g.tx, g.matter.id, [...validityRuleIds], 'met', 'expire');
    await closeDeadlines(g.tx, g.matter.id, [...filingRuleIds], 'cancelled', 'expire');
    await g.tx.query('update normative_documents set ended_on = $2, ended_reason = $3, updated_at = now() where id = $1', [
      g.matter.id,
      g.date,
      `有效期至 ${g.facts.doc.expiresOn} 届满`,
    ]);
  },
});
