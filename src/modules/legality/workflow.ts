/**
 * The legality review workflow (合法性审查), version 1: underReview → concluded (出具审查意见, final), with the advisers'
 * opinions recorded on the way (第二十八条); underReview → returned (退回补充材料, 第二十六条第一款) → underReview; the request
 * withdrawn. Opened by `requestLegalityReview` (request.ts) in the requesting module's transaction.
 */
import { reviewStateLabels } from '../../domain/legality/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { conclude } from './transitions/conclude.ts';
import { consultAdviser } from './transitions/consultAdviser.ts';
import { resubmit } from './transitions/resubmit.ts';
import { returnMaterials } from './transitions/returnMaterials.ts';
import { withdraw } from './transitions/withdraw.ts';

export const legalityReviewWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'legalityReview',
  version: 1,
  label: '合法性审查',
  initial: 'underReview',
  states: {
    underReview: { label: reviewStateLabels.underReview },
    returned: { label: reviewStateLabels.returned },
    concluded: { label: reviewStateLabels.concluded, final: true },
    withdrawn: { label: reviewStateLabels.withdrawn, final: true },
  },
  transitions: { consultAdviser, returnMaterials, resubmit, conclude, withdraw },
};
