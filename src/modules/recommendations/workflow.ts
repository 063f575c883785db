/** The recommendation workflow (检察建议、司法建议 …), version 1: received → assigned (分办) → answered (书面回复) → filed (归档). */
import { recommendationStates } from '../../domain/disclosure/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { answer } from './transitions/answer.ts';
import { assign } from './transitions/assign.ts';
import { file } from './transitions/file.ts';

export const recommendationWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'recommendation',
  version: 1,
  label: '检察建议、司法建议等',
  initial: 'received',
  states: {
    received: { label: recommendationStates.received },
    assigned: { label: recommendationStates.assigned },
    answered: { label: recommendationStates.answered },
    filed: { label: recommendationStates.filed, final: true },
  },
  transitions: { assign, answer, file },
};
