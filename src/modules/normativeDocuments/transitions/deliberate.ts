/**
 * 集体审议 (局务会): the bureau's meeting deliberates the draft — date, attendees, minutes, result. The hard
 * gate: 未经合法性审核或者经审核不合法的，不得提交集体审议 (国办发〔2018〕115号; the legality module's gate
 * answers with its own article).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { legalityGate, subjectOf } from '../gates.ts';
import { normativeInputs } from './inputs.ts';
import { gate, loadDocument } from './shared.ts';

export const deliberate = defineTransition({
  label: '集体审议（局务会）',
  from: ['legalityReview'],
  to: 'adopted',
  roles: ['leader', 'admin'],
  input: normativeInputs.deliberate,
  load: async (g) => ({ ...(await loadDocument(g.tx, g.matter.id)), legality: await legalityGate(g.tx, subjectOf(g.matter.id)) }),
  guards: [({ facts }) => gate(facts.legality)],
  effect: async (g) => {
    await g.tx.query('update normative_documents set deliberation = $2::jsonb, updated_at = now() where id = $1', [g.matter.id, JSON.stringify(g.input)]);
  },
});
