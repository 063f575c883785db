/**
 * 提请不予公示: an officer or the legal reviewer proposes, with one of the grounds and a reason, not to
 * publish a scheduled publication; a leader approves (approveExemption) or rejects it (rejectExemption).
 */
import { exemptionGrounds } from '../../../domain/publicity/rules.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { type PublicationInput, publicationInputs } from './inputs.ts';
import { problem } from './shared.ts';

export const exemptionReasoned = ({ input }: { input: Partial<PublicationInput<'proposeExemption'>> }) =>
  input.ground && input.ground in exemptionGrounds && input.reason?.trim() ? [] : problem('REASON_REQUIRED', '不予公示须载明情形和理由');

export const proposeExemption = defineTransition({
  label: '提请不予公示',
  from: ['scheduled'],
  to: 'exemptionProposed',
  roles: ['officer', 'legalReviewer'],
  optional: true,
  input: publicationInputs.proposeExemption,
  guards: [exemptionReasoned],
});
