/**
 * 批准不予公示: a leader approves the proposal with a signed opinion; nothing is to be reported any more, so
 * the reports to the external systems are cancelled (not met: nothing went out).
 */
import { closeDeadlines } from '../../../platform/workflow/deadlines.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { type PublicationInput, publicationInputs } from './inputs.ts';
import { problem, publishRules } from './shared.ts';

export const approvalSigned = ({ input }: { input: Partial<PublicationInput<'approveExemption'>> }) =>
  input.opinion?.trim() ? [] : problem('OPINION_REQUIRED', '须签署批准意见');

export const approveExemption = defineTransition({
  label: '批准不予公示',
  from: ['exemptionProposed'],
  to: 'exempted',
  roles: ['leader'],
  input: publicationInputs.approveExemption,
  guards: [approvalSigned],
  effect: async (g) => {
    await closeDeadlines(g.tx, g.matter.id, publishRules, 'cancelled', 'approveExemption');
  },
});
