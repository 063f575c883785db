import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 批准移送: to the police with the 涉嫌犯罪案件移送书, whose decision on filing is awaited. */
export const approveReferral = defineTransition({
  label: '批准移送',
  from: ['referralProposed'],
  to: 'referred',
  roles: ['leader'],
  input: transitionInputs.approveReferral,
  load: loadCaseFacts,
  meets: ['referral.approval'],
  opens: [{ ruleId: 'referral.policeDecision', startFrom: 'transferredOn', when: ({ facts }) => facts.case.referral?.kind === 'police' }],
  effect: async ({ tx, ctx, input, facts: { case: c }, date, principal }) => {
    const referral = c.referral!;
    let number: string | undefined;
    if (referral.kind === 'police') {
      const [reason, suspicion] = referral.reason.split('\n');
      number = (
        await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
          kind: 'criminalReferral',
          date,
          override: input.instrumentData,
          specific: { police: referral.to, suspicion: suspicion ?? reason, summary: c.facts ?? c.summary, attachments: input.attachments },
        })
      ).number;
    }
    await patchCase(tx, c.id, { referral: { ...referral, approvedOn: date, instrumentNumber: number } });
    return number ? { number } : {};
  },
});
