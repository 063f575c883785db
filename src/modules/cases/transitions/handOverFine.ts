import type { Problem } from '../../../domain/workflow.ts';
import { formatYuan } from '../../../domain/discretion/money.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { problem } from '../guards.ts';
import type { TransitionInput } from '../schema.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase, type CaseRow } from '../store.ts';

/** The collected fine is handed over once, on or after the day it was collected. */
export function handoverDue(c: Pick<CaseRow, 'decision'>, i: Pick<TransitionInput<'handOverFine'>, 'handedOverOn'>): Problem[] {
  const col = c.decision?.collection;
  if (!col) return problem('HANDOVER_NOT_DUE', '本案没有当场收缴的罚款（行政处罚法 第六十八条、第七十一条）');
  if (col.handedOverOn) return problem('HANDOVER_NOT_DUE', `当场收缴的罚款已于 ${col.handedOverOn} 交至行政机关`);
  if (i.handedOverOn < col.collectedOn) return problem('HANDOVER_NOT_DUE', `交款日期 ${i.handedOverOn} 早于收缴日期 ${col.collectedOn}`);
  return [];
}

/**
 * 当场收缴罚款交至行政机关 (行政处罚法 第七十一条 "执法人员当场收缴的罚款，应当自收缴罚款之日起二日内，交至行政机关"):
 * meets the two-working-day limit opened by `decideOnSite`; a late handover is recorded as it happened (the deadline shows it overdue).
 */
export const handOverFine = defineTransition({
  label: '当场收缴罚款交至行政机关',
  from: ['served'],
  to: 'served',
  roles: ['officer'],
  optional: true,
  input: transitionInputs.handOverFine,
  load: loadCaseFacts,
  guards: [({ input, facts }) => handoverDue(facts.case, input)],
  meets: ['penalty.onSiteHandover'],
  effect: async ({ tx, input, facts: { case: c } }) => {
    const col = c.decision!.collection!;
    await patchCase(tx, c.id, {
      decision: { ...c.decision!, collection: { ...col, handedOverOn: input.handedOverOn, handedOverTo: input.handedOverTo } },
    });
    return { amount: formatYuan(col.amountFen), handedOverOn: input.handedOverOn };
  },
});
