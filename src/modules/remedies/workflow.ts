/**
 * The two workflows of 行政复议 and 行政应诉, version 1.
 * - reconsideration: received (收到申请书副本) → answered (书面答复, 第四十八条; hearings and mediation attended on the way)
 *   → decided (the reviewing body's decision, final). A reconsideration the bureau decided itself under the 2017 law is
 *   registered and decided, for history.
 * - lawsuit: registered (收到起诉状副本) → defended (答辩状, 第六十七条; hearings with the 负责人出庭应诉 record) → judged (a
 *   first-instance judgment or ruling, appeal window of 第八十五条) → defended again on appeal, or effective → concluded
 *   (execution). Opened by commands/register.ts.
 */
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { answer } from './transitions/answer.ts';
import { appeal } from './transitions/appeal.ts';
import { attend } from './transitions/attend.ts';
import { attendHearing } from './transitions/attendHearing.ts';
import { becomeEffective } from './transitions/becomeEffective.ts';
import { closeSuit } from './transitions/closeSuit.ts';
import { enterDecision } from './transitions/enterDecision.ts';
import { defend } from './transitions/defend.ts';
import { enterFinalJudgment } from './transitions/enterFinalJudgment.ts';
import { enterJudgment } from './transitions/enterJudgment.ts';

export const reconsiderationStates = { received: '待答复', answered: '已答复（审理中）', decided: '已作出复议决定' } as const;
export const lawsuitStates = {
  registered: '待答辩',
  defended: '审理中',
  judged: '一审裁判已送达（上诉期内）',
  effective: '裁判已生效（待执行）',
  concluded: '已结案',
} as const;

export const reconsiderationWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'reconsideration',
  version: 1,
  label: '行政复议',
  initial: 'received',
  states: {
    received: { label: reconsiderationStates.received },
    answered: { label: reconsiderationStates.answered },
    decided: { label: reconsiderationStates.decided, final: true },
  },
  transitions: { answer, attend, enterDecision },
};

export const lawsuitWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'lawsuit',
  version: 1,
  label: '行政应诉',
  initial: 'registered',
  states: {
    registered: { label: lawsuitStates.registered },
    defended: { label: lawsuitStates.defended },
    judged: { label: lawsuitStates.judged },
    effective: { label: lawsuitStates.effective },
    concluded: { label: lawsuitStates.concluded, final: true },
  },
  transitions: { defend, attendHearing, enterJudgment, appeal, becomeEffective, enterFinalJudgment, closeSuit },
};
