/**
 * 执行完毕: the effective judgment performed by the bureau (行政诉讼法 第九十五条、第九十六条 — a body refusing to perform is
 * compelled), enforcement applied for against the plaintiff, or nothing to execute; the suit is closed.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { lawsuitInputs } from './inputs.ts';

export const closeSuit = defineTransition({
  label: '登记裁判执行情况并结案',
  from: ['effective'],
  to: 'concluded',
  roles: ['legalReviewer', 'leader'],
  input: lawsuitInputs.closeSuit,
  effect: async (g) => {
    await g.tx.query(`update lawsuits set execution = $2::jsonb where id = $1`, [
      g.matter.id,
      JSON.stringify({ kind: g.input.execution, on: g.input.on, note: g.input.note }),
    ]);
  },
});
