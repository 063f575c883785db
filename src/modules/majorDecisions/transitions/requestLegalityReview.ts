/**
 * 送请合法性审查 (第二十五条、第二十六条): the draft goes to the legal office through the legality module, with "有关法律、
 * 法规、规章等依据和履行决策法定程序的说明" (第二十六条第一款). Before it, each step of 第二章 is done or left out on a
 * ground the text gives: 公众参与 (第十四条), 专家论证 (第十九条), 风险评估 (第二十二条).
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { gates } from '../gates.ts';
import { decisionInputs } from './inputs.ts';
import { loadDecision, stepDone } from './shared.ts';

export const requestLegalityReview = defineTransition({
  label: '送请合法性审查',
  from: ['drafting'],
  to: 'inLegalityReview',
  roles: ['officer', 'admin', 'leader'],
  input: decisionInputs.requestLegalityReview,
  load: loadDecision,
  guards: [
    ({ facts }) => {
      const out: Problem[] = [];
      if (!stepDone(facts.d.participation))
        out.push({
          code: 'DECISION_PARTICIPATION_MISSING',
          message: '决策草案尚未完成公众参与：决策承办单位应当采取便于社会公众参与的方式充分听取意见，依法不予公开的决策事项除外（第十四条第一款）',
        });
      if (!stepDone(facts.d.expert))
        out.push({
          code: 'DECISION_EXPERT_MISSING',
          message: '决策草案尚未组织专家论证：对专业性、技术性较强的决策事项，决策承办单位应当组织专家、专业机构论证（第十九条第一款）；不属于的，请记录理由',
        });
      if (!stepDone(facts.d.risk))
        out.push({
          code: 'DECISION_RISK_MISSING',
          message: '决策草案尚未进行风险评估：决策实施可能对社会稳定、公共安全等方面造成不利影响的，应当组织评估（第二十二条）；依法不作评估的，请记录理由',
        });
      return out;
    },
  ],
  effect: async ({ tx, ctx, principal, matter, input, facts, date }) => {
    const { reviewId } = await gates.requestLegality(tx, ctx, principal, matter.id, {
      title: facts.d.title,
      materials: `${input.materials}\n\n履行决策法定程序的说明：\n${input.procedureNote}`,
      ...(input.materialFileIds?.length ? { materialFileIds: input.materialFileIds } : {}),
      date,
    });
    await tx.query('update major_decisions set legality_review_id = $2 where id = $1', [matter.id, reviewId]);
    return { reviewId };
  },
});
