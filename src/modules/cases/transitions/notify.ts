import type { ChosenPenalty } from '../../../domain/cases/decide.ts';
import { actorOf } from '../../../platform/context.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { DEFENCE_RULES, hearingEligible, loadCase, majorNow } from '../facts.ts';
import { deviationAccepted, problem } from '../guards.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs, type TransitionInput } from '../schema.ts';
import { cancelDeadlines, patchCase, type CaseRow } from '../store.ts';

/** The states from which a case is notified again (重新告知), after the first notice. */
const RENOTICE_FROM = ['noticed', 'heard', 'toDecide'];

/**
 * 送达行政处罚告知书 (行政处罚法 第四十四条), with the 听证告知书 where the penalty gives hearing rights (第六十三条). Sent again
 * (重新告知) when the penalty to be decided is heavier than the last notice or now gives hearing rights (第四十五条第二款、
 * 第六十二条): with the new proposal and its reason, the statement window (and the hearing window, where now eligible)
 * reopen, and the waivers of the earlier notice no longer count. The notice keeps what it announced (`notice.penalties`),
 * which the decision is compared with.
 */
export const notify = defineTransition({
  label: '送达行政处罚告知书（含重新告知）',
  from: ['toNotify', ...RENOTICE_FROM],
  to: 'noticed',
  roles: ['officer'],
  optional: ['noticed', 'heard', 'toDecide'],
  input: transitionInputs.notify,
  load: async (g: GuardInput<TransitionInput<'notify'>>) => {
    const c = await loadCase(g);
    const renotice = RENOTICE_FROM.includes(g.matter.state);
    const proposed: ChosenPenalty[] = g.input.proposed ?? c.proposed ?? [];
    return { case: c, renotice, proposed, eligible: hearingEligible(c, proposed) };
  },
  guards: [
    ({ facts }) => (facts.proposed.length ? [] : problem('NOTICE_NOT_NEEDED', '拟不予行政处罚，无需告知，请直接进入决定')),
    ({ input, facts }) =>
      facts.renotice && !input.renoticeReason
        ? problem('REASON_REQUIRED', '重新告知须说明理由（如拟作出的处罚重于原告知的内容，行政处罚法 第四十五条第二款、第六十二条）')
        : [],
    ({ input, facts }) => (input.proposed ? deviationAccepted(facts.case, input.proposed, input.deviationReason ?? facts.case.deviationReason, null) : []),
  ],
  opens: [
    { ruleId: 'penalty.statement', startFrom: 'servedOn' },
    { ruleId: 'penalty.hearingRequest', startFrom: 'servedOn', when: ({ facts }) => !!(facts as { eligible: boolean }).eligible },
  ],
  effect: async ({ tx, ctx, input, facts, date, principal }) => {
    const { proposed, eligible, renotice } = facts;
    const c: CaseRow = { ...facts.case, proposed, hearingEligible: eligible };
    // the windows of an earlier notice give way to the new ones (opened after this effect)
    if (renotice) await cancelDeadlines(tx, c.id, DEFENCE_RULES);
    const numbers: string[] = [];
    const n = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'penaltyNotice',
      date,
      override: input.instrumentData,
      specific: { hearingEligible: eligible },
    });
    numbers.push(n.number);
    if (eligible)
      numbers.push((await issueCaseInstrument(ctx, tx, actorOf(principal), c, { kind: 'hearingRightsNotice', date, override: input.instrumentData })).number);
    const previous = facts.case.notice ? (facts.case.notice.penalties ?? facts.case.proposed ?? []) : null;
    const patch: Partial<CaseRow> = {
      notice: {
        noticeOn: date,
        servedOn: input.servedOn,
        hearingEligible: eligible,
        instrumentNumbers: numbers,
        penalties: proposed,
        renotice: renotice && previous ? { reason: input.renoticeReason ?? '', previous } : null,
      },
    };
    if (input.proposed) {
      patch.proposed = proposed;
      patch.hearingEligible = eligible;
      patch.major = await majorNow(tx, c, proposed, date, !!c.hearing?.heldOn);
      if (input.deviationReason) patch.deviationReason = input.deviationReason;
    }
    // a waiver answers the notice it was given to (行政处罚法 第六十二条 "当事人明确放弃陈述或者申辩权利的除外")
    if (renotice) patch.waivers = {};
    await patchCase(tx, c.id, patch);
    return { instrumentNumbers: numbers, renotice, hearingEligible: eligible };
  },
});
