/**
 * 一审裁判生效: no party appealed within the window (第八十五条 "逾期不提起上诉的，人民法院的第一审判决或者裁定发生法律效力");
 * taken after the window's last day. The effective outcome flows into the case and the portal (outcome.ts).
 */
import { effectOf, judgmentOutcomes, withdrawalGroundOf } from '../../../domain/remedies/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { LawsuitRow } from '../store.ts';
import { lawsuitInputs } from './inputs.ts';
import { loadLawsuit } from './shared.ts';
import { settle } from './settle.ts';

interface Facts {
  row: LawsuitRow;
  due: string | null;
}

export const windowOver = ({ facts, date }: { facts: Facts; date: string }): Problem[] =>
  facts.due && date <= facts.due
    ? [{ code: 'REMEDY_APPEAL_WINDOW_OPEN', message: `上诉期限至 ${facts.due} 届满，届满前第一审裁判尚未发生法律效力（行政诉讼法第八十五条）` }]
    : [];

export const becomeEffective = defineTransition({
  label: '登记一审裁判生效',
  from: ['judged'],
  to: 'effective',
  roles: ['legalReviewer', 'leader'],
  input: lawsuitInputs.becomeEffective,
  load: async (g): Promise<Facts> => {
    const row = await loadLawsuit(g.tx, g.matter.id);
    const d = await g.tx.query<{ due: string }>(
      `select due_date as due from matter_deadlines where matter_id = $1 and status = 'open' and rule_id in ('litigation.appeal.judgment', 'litigation.appeal.ruling') order by due_date desc limit 1`,
      [row.id],
    );
    return { row, due: d.rows[0]?.due ?? null };
  },
  guards: [windowOver],
  meets: ['litigation.appeal.judgment', 'litigation.appeal.ruling'],
  effect: async (g) => {
    const j = g.facts.row.judgments.at(-1)!;
    const o = judgmentOutcomes[j.outcome];
    return settle(g as never, g.facts.row, {
      outcome: j.outcome,
      effect: effectOf(o, j.statedEffect),
      ground: withdrawalGroundOf(o, j.statedEffect),
      on: g.date,
      label: `${j.number}${o.label}`,
    });
  },
});
