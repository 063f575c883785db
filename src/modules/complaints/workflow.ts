/**
 * 投诉 (complaint@1): received (待决定是否受理, 7 working days: 第十四条) → accepted (调解中, 45 working days:
 * 第二十一条第一款第（五）项) | rejected (不予受理, 第十五条) ; accepted → resolved (调解成功, 第二十二条) | terminated
 * (终止调解, 第二十一条第一款) → closed (告知, 第二十一条第二款: 7 working days).
 * 举报 (report@1): received (待核查处理) → leadOpened (转为案件线索, 第三十一条) | closed (不予处理并告知).
 */
import { complaintStates, reportStates } from '../../domain/complaints/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { accept } from './transitions/accept.ts';
import { close } from './transitions/close.ts';
import { notifyTermination } from './transitions/notifyTermination.ts';
import { openLead } from './transitions/openLead.ts';
import { recordAgreement } from './transitions/recordAgreement.ts';
import { reject } from './transitions/reject.ts';
import { terminate } from './transitions/terminate.ts';

export { complaintInputs, reportInputs } from './transitions/inputs.ts';

export const complaintWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'complaint',
  version: 1,
  label: '投诉',
  initial: 'received',
  states: {
    received: { label: complaintStates.received },
    accepted: { label: complaintStates.accepted },
    rejected: { label: complaintStates.rejected, final: true },
    resolved: { label: complaintStates.resolved, final: true },
    terminated: { label: complaintStates.terminated },
    closed: { label: complaintStates.closed, final: true },
  },
  transitions: { accept, reject, recordAgreement, terminate, notifyTermination },
};

export const reportWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'report',
  version: 1,
  label: '举报',
  initial: 'received',
  states: {
    received: { label: reportStates.received },
    leadOpened: { label: reportStates.leadOpened, final: true },
    closed: { label: reportStates.closed, final: true },
  },
  transitions: { openLead, close },
};
