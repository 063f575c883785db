/**
 * The publication workflow (行政执法公示), version 1. scheduled → published → corrected (a new version;
 * the old one is kept and marked) / withdrawalDue → withdrawn, → expired (end of the publicity period),
 * → repaired (信用修复, early end on application); scheduled → exemptionProposed → exempted (不予公示,
 * with a reason and a leader's approval). Every step is a transition through the engine, one file each
 * in transitions/, so it is in the record; what the public sees is the content of a
 * `publication.published` entry, whose actor is the publishing body (no staff name or id is ever part
 * of a public proof). The listeners that create publications live in listeners.ts.
 */
import { publicationStates } from '../../domain/publicity/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { approveExemption } from './transitions/approveExemption.ts';
import { correct } from './transitions/correct.ts';
import { expire } from './transitions/expire.ts';
import { noticeRevocation } from './transitions/noticeRevocation.ts';
import { proposeExemption } from './transitions/proposeExemption.ts';
import { publish } from './transitions/publish.ts';
import { rejectExemption } from './transitions/rejectExemption.ts';
import { repair } from './transitions/repair.ts';
import { withdraw } from './transitions/withdraw.ts';

export { expireDue, mirrorPublicationState, publishDecidedCase, publishInspectionResults, schedulePublication, systemPublisher } from './listeners.ts';
export { publicationInputs } from './transitions/inputs.ts';

export const publicationWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'publication',
  version: 1,
  label: '行政执法公示',
  initial: 'scheduled',
  states: {
    scheduled: { label: publicationStates.scheduled },
    published: { label: publicationStates.published },
    corrected: { label: publicationStates.corrected },
    withdrawalDue: { label: publicationStates.withdrawalDue },
    withdrawn: { label: publicationStates.withdrawn, final: true },
    expired: { label: publicationStates.expired, final: true },
    repaired: { label: publicationStates.repaired, final: true },
    exemptionProposed: { label: publicationStates.exemptionProposed },
    exempted: { label: publicationStates.exempted, final: true },
  },
  transitions: { publish, correct, noticeRevocation, withdraw, expire, repair, proposeExemption, approveExemption, rejectExemption },
};
