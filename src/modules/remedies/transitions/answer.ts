/**
 * 提出书面答复: the respondent's written answer with the evidence, basis and materials (行政复议法 第四十八条), within 10
 * working days of receiving the application copy (第八十八条第二款; 2017 law: 10 days). The materials bundle is generated
 * from the subject's file and record at this moment (bundle.ts) and its hash goes into the record entry; an answer
 * after the deadline is still taken (第七十条 is the reviewing body's consequence), the deadline then shows as overdue.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { buildBundle } from '../bundle.ts';
import type { ReconsiderationRow } from '../store.ts';
import { reconsiderationInputs } from './inputs.ts';
import { loadReconsideration } from './shared.ts';

export const answer = defineTransition({
  label: '提出书面答复',
  from: ['received'],
  to: 'answered',
  roles: ['legalReviewer', 'leader'],
  input: reconsiderationInputs.answer,
  load: async (g): Promise<{ row: ReconsiderationRow }> => ({ row: await loadReconsideration(g.tx, g.matter.id) }),
  guards: [
    ({ facts }) => (facts.row.selfDecided ? [{ code: 'REMEDY_SELF_DECIDED', message: '本机关作为行政复议机关办理的案件（历史登记）无需提出答复' }] : []),
  ],
  meets: ['reconsideration.answer', 'reconsideration.answer.2017'],
  effect: async (g) => {
    const r = g.facts.row;
    const { bundle, hash } = await buildBundle(g.tx, { type: r.subjectType, id: r.subjectId, title: r.subjectTitle });
    await g.tx.query(`update reconsiderations set answered_on = $2, answer = $3, bundle = $4::jsonb, bundle_hash = $5 where id = $1`, [
      r.id,
      g.date,
      `${g.input.answer}\n\n提交材料：${g.input.materials}`,
      JSON.stringify(bundle),
      hash,
    ]);
    return { bundleHash: hash, bundleEntries: bundle.entries.length, bundleFiles: bundle.files.length, bundleInstruments: bundle.instruments.length };
  },
});
