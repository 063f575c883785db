/**
 * 登记一审判决、裁定: the first-instance judgment or ruling served on the bureau; it opens the appeal window of 第八十五条
 * — 15 days for a judgment, 10 for a ruling, from service — after which it takes effect unless a party appealed.
 */
import { judgmentOutcomes, statedEffectProblem } from '../../../domain/remedies/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { LawsuitRow } from '../store.ts';
import { type LawsuitInput, lawsuitInputs } from './inputs.ts';
import { loadLawsuit, pushJudgment } from './shared.ts';

export const firstInstanceJudgment = ({ input, facts }: { input: LawsuitInput<'enterJudgment'>; facts: { row: LawsuitRow } }): Problem[] => {
  const out: Problem[] = [];
  if (facts.row.instance !== 'first') out.push({ code: 'REMEDY_INSTANCE_INVALID', message: '二审、再审的判决、裁定送达即生效，请登记为生效裁判' });
  const p = statedEffectProblem(judgmentOutcomes[input.outcome], input.statedEffect);
  if (p) out.push(p);
  if (input.servedOn < facts.row.receivedOn) out.push({ code: 'REMEDY_DATES_INVALID', message: `送达日期不能早于收到起诉状副本之日 ${facts.row.receivedOn}` });
  return out;
};

export const enterJudgment = defineTransition({
  label: '登记一审判决、裁定',
  from: ['defended'],
  to: 'judged',
  roles: ['legalReviewer', 'leader'],
  input: lawsuitInputs.enterJudgment,
  load: async (g): Promise<{ row: LawsuitRow }> => ({ row: await loadLawsuit(g.tx, g.matter.id) }),
  guards: [firstInstanceJudgment],
  opens: [
    { ruleId: 'litigation.appeal.judgment', startFrom: 'servedOn', when: (g) => g.input.kind === 'judgment' },
    { ruleId: 'litigation.appeal.ruling', startFrom: 'servedOn', when: (g) => g.input.kind === 'ruling' },
  ],
  effect: async (g) => ({ judgmentId: await pushJudgment(g.tx, g.facts.row, g.input) }),
});
