/**
 * The 政府信息公开申请 workflow (disclosureRequest), version 1: received (待答复) → answered; received → correcting
 * (告知补正, 第三十条) → received (收到补正: the answer period runs again) or → answered (逾期未补正); received →
 * consulting (征求第三方意见, 第三十二条) → received (登记第三方意见: the time excluded, 第三十三条第三款); 延长答复期限
 * (第三十三条第二款) once, by a leader.
 */
import { disclosureStates } from '../../domain/disclosure/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { answer } from './transitions/answer.ts';
import { consultThirdParty } from './transitions/consultThirdParty.ts';
import { extendAnswer } from './transitions/extendAnswer.ts';
import { receiveCorrection } from './transitions/receiveCorrection.ts';
import { recordThirdPartyOpinion } from './transitions/recordThirdPartyOpinion.ts';
import { requestCorrection } from './transitions/requestCorrection.ts';

export const disclosureWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'disclosureRequest',
  version: 1,
  label: '政府信息公开申请',
  initial: 'received',
  states: {
    received: { label: disclosureStates.received },
    correcting: { label: disclosureStates.correcting },
    consulting: { label: disclosureStates.consulting },
    answered: { label: disclosureStates.answered, final: true },
  },
  transitions: { requestCorrection, receiveCorrection, consultThirdParty, recordThirdPartyOpinion, extendAnswer, answer },
};
