/**
 * 向社会公开征求意见 (重大行政决策程序暂行条例 第十五条第一款): the draft and its explanation go to the portal for comment
 * through the consultation module; "公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时
 * 应当予以说明".
 */
import { commentPeriodProblem } from '../../../domain/majorDecisions/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { gates } from '../gates.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const openPublicComment = defineTransition({
  label: '向社会公开征求意见',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.openPublicComment,
  load: loadDecision,
  guards: [
    ({ facts }) => once(stepDone(facts.d.participation), '公众参与'),
    ({ facts }) => (facts.d.consultationId ? [{ code: 'DECISION_COMMENT_ALREADY_OPEN', message: '该决策草案已经向社会公开征求意见' }] : []),
    ({ input }) => {
      const m = commentPeriodProblem(input.days, input.shortenedReason);
      return m ? [{ code: 'DECISION_COMMENT_PERIOD_TOO_SHORT', message: m }] : [];
    },
  ],
  effect: async ({ tx, ctx, principal, matter, input, facts, date }) => {
    const { consultationId } = await gates.openComment(tx, ctx, principal, matter.id, {
      title: `关于《${facts.d.title}（草案）》公开征求意见`,
      text: input.text,
      startsOn: input.startsOn ?? date,
      days: input.days,
      ...(input.shortenedReason ? { shortenedReason: input.shortenedReason } : {}),
    });
    await tx.query('update major_decisions set consultation_id = $2 where id = $1', [matter.id, consultationId]);
    await setDecisionStep(tx, matter.id, 'participation', {
      ...(facts.d.participation ?? {}),
      publicComment: { consultationId, days: input.days, startsOn: input.startsOn ?? date },
    });
    return { consultationId };
  },
});
