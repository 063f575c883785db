import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { problem } from '../guards.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 送达行政处罚告知书 (行政处罚法 第四十四条), with the 听证告知书 where the penalty gives hearing rights (第六十三条). */
export const notify = defineTransition({
  label: '送达行政处罚告知书',
  from: ['toNotify'],
  to: 'noticed',
  roles: ['officer'],
  input: transitionInputs.notify,
  load: loadCaseFacts,
  guards: [({ facts }) => ((facts.case.proposed ?? []).length ? [] : problem('NOTICE_NOT_NEEDED', '拟不予行政处罚，无需告知，请直接进入决定'))],
  opens: [
    { ruleId: 'penalty.statement', startFrom: 'servedOn' },
    { ruleId: 'penalty.hearingRequest', startFrom: 'servedOn', when: ({ facts }) => !!facts.case.hearingEligible },
  ],
  effect: async ({ tx, ctx, input, facts: { case: c }, date, principal }) => {
    const numbers: string[] = [];
    const n = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'penaltyNotice',
      date,
      override: input.instrumentData,
      specific: { hearingEligible: !!c.hearingEligible },
    });
    numbers.push(n.number);
    if (c.hearingEligible)
      numbers.push((await issueCaseInstrument(ctx, tx, actorOf(principal), c, { kind: 'hearingRightsNotice', date, override: input.instrumentData })).number);
    await patchCase(tx, c.id, { notice: { noticeOn: date, servedOn: input.servedOn, hearingEligible: !!c.hearingEligible, instrumentNumbers: numbers } });
    return { instrumentNumbers: numbers };
  },
});
