/** 集体讨论决定：不予通过 (第三十条): the procedure ends; the record and the archive keep it. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { setDecisionStep } from '../store.ts';
import { dissentRecorded, headReasonGiven, loadDiscussion, reviewsConcluded } from './discussion.ts';
import { decisionInputs } from './inputs.ts';
import { bodyOnly } from './shared.ts';

export const decline = defineTransition({
  label: '集体讨论决定（不予通过）',
  from: ['inLegalityReview'],
  to: 'notAdopted',
  roles: ['leader', 'admin'],
  optional: true,
  input: decisionInputs.decline,
  load: loadDiscussion,
  guards: [bodyOnly, reviewsConcluded, dissentRecorded, headReasonGiven(false)],
  effect: async ({ tx, matter, input }) => {
    await setDecisionStep(tx, matter.id, 'discussion', { ...input, adopted: false });
  },
});
