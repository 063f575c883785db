import { defineTransition } from '../../../platform/workflow/transition.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/** 提请移送 (行政处罚法 第二十七条): to the police where a crime is suspected, or to the competent body. */
export const proposeReferral = defineTransition({
  label: '提请移送',
  from: ['verifying', 'investigating'],
  to: 'referralProposed',
  roles: ['officer'],
  optional: true,
  input: transitionInputs.proposeReferral,
  opens: [{ ruleId: 'referral.approval' }],
  effect: async ({ tx, matter, input: i, date }) => {
    await patchCase(tx, matter.id, { referral: { kind: i.kind, to: i.to, reason: `${i.reason}\n${i.suspicion}`, proposedOn: date } });
  },
});
