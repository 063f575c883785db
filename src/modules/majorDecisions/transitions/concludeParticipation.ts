/**
 * 公众参与完成 (第十八条 "决策承办单位应当对社会各方面提出的意见进行归纳整理、研究论证，充分采纳合理意见，完善决策草案"):
 * at least one way of hearing opinions was used; a public comment must have closed with its 意见采纳情况 published
 * (the consultation module's gate).
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { gates } from '../gates.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const concludeParticipation = defineTransition({
  label: '完成公众参与（意见采纳情况）',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.concludeParticipation,
  load: async (g) => {
    const { d } = await loadDecision(g);
    return { d, comment: d.consultationId ? await gates.commentProblem(g.tx, d.id) : null };
  },
  guards: [
    ({ facts }) => once(stepDone(facts.d.participation), '公众参与'),
    ({ facts }) => {
      const out: Problem[] = [];
      const records = (facts.d.participation?.records as unknown[] | undefined) ?? [];
      if (!facts.d.consultationId && records.length === 0)
        out.push({ code: 'DECISION_PARTICIPATION_NONE', message: '尚未采取任何方式听取意见（第十四条第二款），不能完成公众参与' });
      if (facts.comment) out.push(facts.comment);
      return out;
    },
  ],
  effect: async ({ tx, matter, input, facts, date }) => {
    await setDecisionStep(tx, matter.id, 'participation', { ...(facts.d.participation ?? {}), concluded: true, concludedOn: date, adoption: input.adoption });
  },
});
