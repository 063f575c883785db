/**
 * 登记行政复议决定: the reviewing body's decision (维持, 变更, 撤销, 确认违法, 确认无效, 责令履行, 驳回, 调解, 和解, 终止 —
 * 行政复议法 第六十三条至第七十四条) with its number and document. A decision that changes or sets aside the act flows into
 * the case and the portal (outcome.ts); the case's 复议 entry is concluded in any event.
 */
import { effectOf, reconsiderationOutcomes, statedEffectProblem, withdrawalGroundOf } from '../../../domain/remedies/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { flowOutcome } from '../outcome.ts';
import type { ReconsiderationRow } from '../store.ts';
import { reconsiderationInputs, type ReconsiderationInput } from './inputs.ts';
import { loadReconsideration } from './shared.ts';

interface Facts {
  row: ReconsiderationRow;
  fileOk: boolean;
}

export const decisionConsistent = ({ input, facts }: { input: ReconsiderationInput<'enterDecision'>; facts: Facts }): Problem[] => {
  const out: Problem[] = [];
  const p = statedEffectProblem(reconsiderationOutcomes[input.outcome], input.statedEffect);
  if (p) out.push(p);
  if (input.decidedOn < facts.row.receivedOn || input.receivedOn < input.decidedOn)
    out.push({ code: 'REMEDY_DATES_INVALID', message: `决定日期不能早于收到申请书副本之日 ${facts.row.receivedOn}，收到决定书之日不能早于决定日期` });
  if (!facts.fileOk) out.push({ code: 'VALIDATION_FAILED', message: '决定书文件不属于该行政复议案件' });
  return out;
};

export const enterDecision = defineTransition({
  label: '登记行政复议决定',
  from: ['received', 'answered'],
  to: 'decided',
  roles: ['legalReviewer', 'leader'],
  input: reconsiderationInputs.enterDecision,
  load: async (g): Promise<Facts> => {
    const row = await loadReconsideration(g.tx, g.matter.id);
    const fileOk =
      !g.input.fileId || (await g.tx.query('select 1 from evidence_files where id = $1 and matter_id = $2', [g.input.fileId, g.matter.id])).rows.length === 1;
    return { row, fileOk };
  },
  guards: [decisionConsistent],
  // an answer not made by the decision is not owed any more
  meets: [],
  effect: async (g) => {
    const { row } = g.facts;
    const o = reconsiderationOutcomes[g.input.outcome];
    const effect = effectOf(o, g.input.statedEffect);
    await g.tx.query(
      `update matter_deadlines set status = 'cancelled', closed_by_transition = 'enterDecision', updated_at = now() where matter_id = $1 and status = 'open'`,
      [row.id],
    );
    const flow = await flowOutcome(g as never, row, {
      effect,
      ground: withdrawalGroundOf(o, g.input.statedEffect),
      on: g.input.receivedOn,
      withdrawn: g.input.outcome === 'terminated',
      label: `行政复议决定${o.label}（${g.input.number}）`,
    });
    await g.tx.query(
      `update reconsiderations set outcome = $2, stated_effect = $3, effect = $4, decided_on = $5, decision_number = $6, decision_summary = $7,
         decision_file_id = $8, publication_id = $9 where id = $1`,
      [
        row.id,
        g.input.outcome,
        g.input.statedEffect ?? null,
        effect,
        g.input.decidedOn,
        g.input.number,
        g.input.summary,
        g.input.fileId ?? null,
        flow.publicationId,
      ],
    );
    return { effect, ...flow };
  },
});
