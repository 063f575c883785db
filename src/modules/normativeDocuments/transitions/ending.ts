/**
 * The ends of a document in force: 已修改 (its next version is published), 废止 and 宣布失效 (a cleanup's
 * decision, commands/record-cleanup.ts), 有效期届满 (the validity deadline; the module's job). Each ends the
 * open validity and filing deadlines (cancelled: nothing more is owed) and keeps the text.
 */
import { inForceStates } from '../../../domain/normativeDocuments/rules.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { filingRuleIds, validityRuleIds } from './publish.ts';
import { loadDocument, problem } from './shared.ts';

async function end(tx: Queryable, id: string, date: string, reason: string, by: string) {
  await closeDeadlines(tx, id, [...validityRuleIds, ...filingRuleIds], 'cancelled', by);
  await tx.query('update normative_documents set ended_on = $2, ended_reason = $3, updated_at = now() where id = $1', [id, date, reason]);
}

export const supersede = defineTransition({
  label: '被新版本修改',
  from: [...inForceStates],
  to: 'amended',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.supersede,
  effect: async (g) => end(g.tx, g.matter.id, g.date, `新版本公布（${g.input.newVersionId}）`, 'supersede'),
});

export const repeal = defineTransition({
  label: '废止',
  from: [...inForceStates],
  to: 'repealed',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.repeal,
  effect: async (g) => end(g.tx, g.matter.id, g.date, g.input.reason, 'repeal'),
});

export const declareInvalid = defineTransition({
  label: '宣布失效',
  from: [...inForceStates],
  to: 'invalid',
  roles: ['legalReviewer', 'leader', 'admin'],
  optional: true,
  input: normativeInputs.declareInvalid,
  effect: async (g) => end(g.tx, g.matter.id, g.date, g.input.reason, 'declareInvalid'),
});

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
