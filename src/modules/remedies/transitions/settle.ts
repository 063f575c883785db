/** What the two ways a judgment takes effect share: the row's outcome and its flow into the case and the portal. */
import type { ActEffect, JudgmentOutcome, WithdrawalGround } from '../../../domain/remedies/rules.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { flowOutcome } from '../outcome.ts';
import type { LawsuitRow } from '../store.ts';

export async function settle(
  g: GuardInput<unknown>,
  row: LawsuitRow,
  o: { outcome: JudgmentOutcome; effect: ActEffect; ground: WithdrawalGround | null; on: string; label: string },
) {
  const flow = await flowOutcome(g, row, { effect: o.effect, ground: o.ground, on: o.on, withdrawn: o.outcome === 'withdrawn', label: o.label });
  await g.tx.query(`update lawsuits set outcome = $2, effect = $3, effective_on = $4, publication_id = $5 where id = $1`, [
    row.id,
    o.outcome,
    o.effect,
    o.on,
    flow.publicationId,
  ]);
  return { outcome: o.outcome, effect: o.effect, ...flow };
}
