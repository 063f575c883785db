/**
 * The contract workflow (合同合法性审查), version 1: draft → underReview (送请合法性审查, again after 不合法 and amendment) →
 * signed (the gate: a passing legality review and the signed file) → closed; → abandoned (不予签订). And the 立法征询
 * workflow, version 1: received → replied.
 */
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { abandon } from './transitions/abandon.ts';
import { close } from './transitions/close.ts';
import { noteDispute } from './transitions/noteDispute.ts';
import { notePerformance } from './transitions/notePerformance.ts';
import { requestReview } from './transitions/requestReview.ts';
import { sign } from './transitions/sign.ts';
import { reply } from './transitions/reply.ts';
import { consultationStates, contractStates } from '../../domain/legality/contracts.ts';

export const contractWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'contractReview',
  version: 1,
  label: '合同合法性审查',
  initial: 'draft',
  states: {
    draft: { label: contractStates.draft },
    underReview: { label: contractStates.underReview },
    signed: { label: contractStates.signed },
    closed: { label: contractStates.closed, final: true },
    abandoned: { label: contractStates.abandoned, final: true },
  },
  transitions: { requestReview, sign, notePerformance, noteDispute, close, abandon },
};

export const legislativeWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'legislativeConsultation',
  version: 1,
  label: '立法征询',
  initial: 'received',
  states: { received: { label: consultationStates.received }, replied: { label: consultationStates.replied, final: true } },
  transitions: { reply },
};
