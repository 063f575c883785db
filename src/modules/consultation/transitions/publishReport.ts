/**
 * 公布意见采纳情况: the feedback report, once every comment has its answer (优化营商环境条例 第六十二条第二款
 * "建立健全意见采纳情况反馈机制"). The portal then shows each comment — without personal data — with its answer,
 * the summary and the link to the final text.
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { CONSULTATION_ACTORS } from '../access.ts';
import { commentCounts } from '../store.ts';
import { consultationInputs } from './inputs.ts';

export const publishReport = defineTransition({
  label: '公布意见采纳情况',
  from: ['closed'],
  to: 'reported',
  roles: CONSULTATION_ACTORS,
  input: consultationInputs.publishReport,
  load: async (g) => commentCounts(g.tx, g.matter.id),
  guards: [
    ({ facts }) =>
      facts.unanswered === 0
        ? []
        : [{ code: 'CONSULTATION_COMMENTS_UNANSWERED', message: `尚有 ${facts.unanswered} 条意见未作采纳情况说明，请逐条或者分组答复后再公布` }],
  ],
  effect: async (g) => {
    await g.tx.query(`update consultations set state = 'reported', report_summary = $2, final_text_url = $3, reported_on = $4 where id = $1`, [
      g.matter.id,
      g.input.summary,
      g.input.finalTextUrl ?? null,
      g.date,
    ]);
  },
});
