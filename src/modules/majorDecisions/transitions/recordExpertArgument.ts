/**
 * 专家论证 (第十九条–第二十一条): the method (第二十条 论证会、书面咨询、委托咨询论证), each expert or institution with
 * their opinion, and how the opinions were taken up. 第二十条 "不得选择与决策事项有直接利害关系的专家、专业机构".
 */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, once, stepDone } from './shared.ts';

export const recordExpertArgument = defineTransition({
  label: '记录专家论证',
  from: ['drafting'],
  to: 'drafting',
  roles: ['officer', 'admin', 'leader'],
  optional: true,
  input: decisionInputs.recordExpertArgument,
  load: loadDecision,
  guards: [
    ({ facts }) => once(stepDone(facts.d.expert), '专家论证'),
    ({ input }) => {
      const bad = input.experts.filter((e) => !e.noDirectInterest).map((e) => e.name);
      return bad.length
        ? [{ code: 'DECISION_EXPERT_INTEREST', message: `不得选择与决策事项有直接利害关系的专家、专业机构（第二十条）：${bad.join('、')}` }]
        : [];
    },
  ],
  effect: async ({ tx, matter, input }) => {
    await setDecisionStep(tx, matter.id, 'expert', { concluded: true, ...input });
  },
});
