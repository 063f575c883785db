/**
 * 提交答辩状: the defence with the evidence and the normative documents the act relied on, within 15 days of receiving
 * the complaint copy (行政诉讼法 第六十七条); evidence produced later is, as a rule, treated as absent (第三十四条第二款).
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { lawsuitInputs } from './inputs.ts';

export const defend = defineTransition({
  label: '提交答辩状',
  from: ['registered'],
  to: 'defended',
  roles: ['legalReviewer', 'leader'],
  input: lawsuitInputs.defend,
  meets: ['litigation.defence'],
  effect: async (g) => {
    await g.tx.query(`update lawsuits set defended_on = $2, defence = $3 where id = $1`, [
      g.matter.id,
      g.date,
      `${g.input.defence}\n\n提交证据和依据：${g.input.evidence}`,
    ]);
  },
});
