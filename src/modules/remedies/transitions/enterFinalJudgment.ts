/**
 * 登记生效裁判: a judgment or ruling effective when served — of the second instance (行政诉讼法 第八十九条) or a retrial,
 * a 调解书 (第六十条), or a first-instance ruling allowing the plaintiff to withdraw (第六十二条). The outcome flows into
 * the case and the portal (outcome.ts).
 */
import { effectOf, judgmentOutcomes, statedEffectProblem, withdrawalGroundOf } from '../../../domain/remedies/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { LawsuitRow } from '../store.ts';
import { type LawsuitInput, lawsuitInputs } from './inputs.ts';
import { loadLawsuit, pushJudgment } from './shared.ts';
import { settle } from './settle.ts';

export const effectiveWhenServed = ({ input, facts }: { input: LawsuitInput<'enterFinalJudgment'>; facts: { row: LawsuitRow } }): Problem[] => {
  const out: Problem[] = [];
  if (facts.row.instance === 'first' && input.kind !== 'mediation' && input.outcome !== 'withdrawn')
    out.push({
      code: 'REMEDY_INSTANCE_INVALID',
      message: '第一审判决、裁定有上诉期（行政诉讼法第八十五条），请登记为一审判决、裁定；只有调解书和准予撤诉的裁定送达即生效',
    });
  const p = statedEffectProblem(judgmentOutcomes[input.outcome], input.statedEffect);
  if (p) out.push(p);
  if (input.servedOn < facts.row.receivedOn) out.push({ code: 'REMEDY_DATES_INVALID', message: `送达日期不能早于收到起诉状副本之日 ${facts.row.receivedOn}` });
  return out;
};

export const enterFinalJudgment = defineTransition({
  label: '登记生效判决、裁定或者调解书',
  from: ['defended'],
  to: 'effective',
  roles: ['legalReviewer', 'leader'],
  input: lawsuitInputs.enterFinalJudgment,
  load: async (g): Promise<{ row: LawsuitRow }> => ({ row: await loadLawsuit(g.tx, g.matter.id) }),
  guards: [effectiveWhenServed],
  effect: async (g) => {
    const row = g.facts.row;
    const judgmentId = await pushJudgment(g.tx, row, g.input);
    const o = judgmentOutcomes[g.input.outcome];
    return {
      judgmentId,
      ...(await settle(g as never, row, {
        outcome: g.input.outcome,
        effect: effectOf(o, g.input.statedEffect),
        ground: withdrawalGroundOf(o, g.input.statedEffect),
        on: g.input.servedOn,
        label: `${g.input.number}${o.label}`,
      })),
    };
  },
});
