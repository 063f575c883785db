/**
 * 先行登记保存证据的处理决定 (行政处罚法 第五十六条 "经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定";
 * 七日 = working days, 第八十五条): records the decision on one preserved item with its instrument and meets that item's
 * deadline (opened by the evidence registration as 'evidence:<id>'). Late is recorded as late, never refused.
 */
import { preservationDecisions } from '../../../domain/cases/measures.ts';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { closeDeadlineOf, deadlineOpenedBy } from '../../../platform/workflow/deadlines.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { assertCaseOpenFor, preservationDeadlineName } from '../measures.ts';
import type { TPreservationDecisionRequest } from '../schema.ts';
import { actOnCase } from './act-on-case.ts';

export async function decidePreservation(ctx: AppContext, p: Principal, caseId: string, evidenceId: string, input: TPreservationDecisionRequest) {
  return actOnCase(ctx, p, caseId, { act: 'decidePreservation', event: 'case.preservationDecided' }, async (tx, c, m) => {
    assertCaseOpenFor(ctx, m, 'decidePreservation');
    const e = (
      await tx.query<{ id: string; title: string; collectedOn: string; decided: unknown }>(
        `select id, title, collected_on as "collectedOn", preservation_decision as decided from case_evidence
          where case_id = $1 and id = $2 and kind = 'evidencePreservation' for update`,
        [caseId, evidenceId],
      )
    ).rows[0];
    if (!e) throw new AppError('PRESERVATION_NOT_FOUND', '本案没有该先行登记保存的证据');
    if (e.decided) throw new AppError('PRESERVATION_ALREADY_DECIDED', `已对“${e.title}”作出处理决定`);
    if (input.decidedOn < e.collectedOn) throw new AppError('PERIOD_INVALID', `处理决定日期不能早于先行登记保存之日（${e.collectedOn}）`);
    const ins = await issueCaseInstrument(ctx, tx, actorOf(p), c, {
      kind: 'preservationDecision',
      date: input.decidedOn,
      override: input.instrumentData,
      specific: {
        preservedOn: e.collectedOn,
        evidenceTitle: e.title,
        decisionText: preservationDecisions[input.decision],
        decisionNote: input.note,
        decidedOn: input.decidedOn,
      },
    });
    const d = await deadlineOpenedBy(tx, caseId, preservationDeadlineName(e.id));
    const late = !!d && input.decidedOn > d.due;
    if (d?.status === 'open') await closeDeadlineOf(tx, d.id, 'met', 'decidePreservation');
    await tx.query('update case_evidence set preservation_decision = $2::jsonb where id = $1', [
      e.id,
      JSON.stringify({ decidedOn: input.decidedOn, decision: input.decision, note: input.note, instrumentId: ins.id, due: d?.due ?? null, late }),
    ]);
    return {
      evidenceId: e.id,
      decidedOn: input.decidedOn,
      decision: input.decision,
      note: late ? `${input.note}（逾期：应于${d!.due}前作出）` : input.note,
      instrumentNumber: ins.number,
    };
  });
}
