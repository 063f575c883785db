/**
 * 提起上诉: the bureau or the plaintiff appealed the first-instance judgment or ruling within its window (第八十五条);
 * the suit goes on at the higher court (second instance) and the window is met.
 */
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import type { LawsuitRow } from '../store.ts';
import { type LawsuitInput, lawsuitInputs } from './inputs.ts';
import { loadLawsuit } from './shared.ts';

interface Facts {
  row: LawsuitRow;
  /** the open appeal window's due date */
  due: string | null;
}

export const appealInTime = ({ input, facts }: { input: LawsuitInput<'appeal'>; facts: Facts }): Problem[] => {
  const last = facts.row.judgments.at(-1);
  if (last && input.appealedOn < last.servedOn) return [{ code: 'REMEDY_DATES_INVALID', message: `上诉日期不能早于裁判送达之日 ${last.servedOn}` }];
  return facts.due && input.appealedOn > facts.due
    ? [{ code: 'REMEDY_APPEAL_LATE', message: `上诉期限已于 ${facts.due} 届满，逾期不提起上诉的，第一审判决或者裁定发生法律效力（行政诉讼法第八十五条）` }]
    : [];
};

export const appeal = defineTransition({
  label: '登记上诉',
  from: ['judged'],
  to: 'defended',
  roles: ['legalReviewer', 'leader'],
  input: lawsuitInputs.appeal,
  load: async (g): Promise<Facts> => {
    const row = await loadLawsuit(g.tx, g.matter.id);
    const d = await g.tx.query<{ due: string }>(
      `select due_date as due from matter_deadlines where matter_id = $1 and status = 'open' and rule_id in ('litigation.appeal.judgment', 'litigation.appeal.ruling') order by due_date desc limit 1`,
      [row.id],
    );
    return { row, due: d.rows[0]?.due ?? null };
  },
  guards: [appealInTime],
  meets: ['litigation.appeal.judgment', 'litigation.appeal.ruling'],
  effect: async (g) => {
    const row = g.facts.row;
    const judgments = row.judgments.map((j, i) =>
      i === row.judgments.length - 1 ? { ...j, appealedOn: g.input.appealedOn, appealedBy: g.input.appealedBy } : j,
    );
    await g.tx.query(`update lawsuits set instance = 'second', court = $2, file_number = coalesce($3, file_number), judgments = $4::jsonb where id = $1`, [
      row.id,
      g.input.court,
      g.input.fileNumber || null,
      JSON.stringify(judgments),
    ]);
  },
});
