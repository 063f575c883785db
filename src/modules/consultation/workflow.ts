/**
 * 公开征求意见 (publicConsultation), version 1: open (征求意见中, comments taken until the period's last day) →
 * closed (截止) → reported (意见采纳情况已公布, final). Opening is `openConsultation` (a command other modules call
 * in their own transaction); comments and answers are commands on the open or closed matter, each recorded.
 */
import { consultationStates } from '../../domain/consultation/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { close } from './transitions/close.ts';
import { publishReport } from './transitions/publishReport.ts';

export { consultationInputs } from './transitions/inputs.ts';

export const consultationWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'publicConsultation',
  version: 1,
  label: '公开征求意见',
  initial: 'open',
  states: {
    open: { label: consultationStates.open },
    closed: { label: consultationStates.closed },
    reported: { label: consultationStates.reported, final: true },
  },
  transitions: { close, publishReport },
};
