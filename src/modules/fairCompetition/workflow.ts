/**
 * 公平竞争审查 (fairCompetitionReview), version 1: selfReview (起草单位审查) → [jointReview (会审, organised by the
 * bureau, each unit's opinion)] → a conclusion: mayIssue (final) / amendmentRequired (→ resubmit → selfReview) /
 * mayNotIssue (final). Opening is `requestFairCompetitionReview` (a command other modules call in their transaction).
 */
import { fairCompetitionStates } from '../../domain/fairCompetition/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { approve } from './transitions/approve.ts';
import { recordJointOpinion } from './transitions/recordJointOpinion.ts';
import { refuse } from './transitions/refuse.ts';
import { requireAmendment } from './transitions/requireAmendment.ts';
import { resubmit } from './transitions/resubmit.ts';
import { startJointReview } from './transitions/startJointReview.ts';

export { fairCompetitionInputs } from './transitions/inputs.ts';

export const fairCompetitionWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'fairCompetitionReview',
  version: 1,
  label: '公平竞争审查',
  initial: 'selfReview',
  states: {
    selfReview: { label: fairCompetitionStates.selfReview },
    jointReview: { label: fairCompetitionStates.jointReview },
    amendmentRequired: { label: fairCompetitionStates.amendmentRequired },
    mayIssue: { label: fairCompetitionStates.mayIssue, final: true },
    mayNotIssue: { label: fairCompetitionStates.mayNotIssue, final: true },
  },
  transitions: { startJointReview, recordJointOpinion, approve, requireAmendment, refuse, resubmit },
};
