/** 集体讨论决定：通过 (第三十条); the gates and the record are in discussion.ts. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { dissentRecorded, headReasonGiven, loadDiscussion, reviewsConcluded } from './discussion.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly } from './shared.ts';

export const decide = defineTransition({
  label: '集体讨论决定（通过）',
  from: ['inLegalityReview'],
  to: 'decided',
  roles: ['leader', 'admin'],
  input: decisionInputs.decide,
  load: loadDiscussion,
  guards: [bodyOnly, reviewsConcluded, dissentRecorded, headReasonGiven(true)],
  effect: async ({ tx, matter, input }) => {
    await setDecisionStep(tx, matter.id, 'discussion', { ...input, adopted: true });
  },
});
