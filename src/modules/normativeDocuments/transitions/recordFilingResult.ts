/**
 * 备案审查结果: the supervising government's answer — registered, or asked to correct (要求纠正) or not
 * registered; the last two call for a cleanup decision (修改、废止), which the cleanup view lists.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { normativeInputs } from './inputs.ts';
import { loadDocument, problem } from './shared.ts';

export const recordFilingResult = defineTransition({
  label: '登记备案审查结果',
  from: ['filed'],
  to: 'inForce',
  roles: ['legalReviewer', 'admin'],
  input: normativeInputs.recordFilingResult,
  load: (g) => loadDocument(g.tx, g.matter.id),
  guards: [
    ({ input, facts }) =>
      facts.doc.filedOn && input.resultOn < facts.doc.filedOn
        ? problem('NORMATIVE_DATE_INVALID', `备案审查结果日期（${input.resultOn}）不能早于报送备案日期（${facts.doc.filedOn}）`)
        : [],
  ],
  effect: async (g) => {
    await g.tx.query('update normative_documents set filing_result = $2, filing_result_on = $3, filing_note = $4, updated_at = now() where id = $1', [
      g.matter.id,
      g.input.result,
      g.input.resultOn,
      g.input.note ?? null,
    ]);
  },
});
