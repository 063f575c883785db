/** 批准不予公示: a leader approves the proposal with a signed opinion; the publication limits are met. */
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
  meets: publishRules,
  guards: [approvalSigned],
});
