/**
 * The two workflows of 重大行政决策 (重大行政决策程序暂行条例, 第四十二条 参照):
 * - `decisionCatalogue@1`, the yearly 决策事项目录 (第三条第三款): 草拟 → 经同级党委同意 → 向社会公布, then 调整 (recorded).
 * - `majorPolicyDecision@1`: 拟订决策草案 (公众参与、专家论证、风险评估 — each done or left out on the ground its article
 *   gives, as acts in that state) → 送请合法性审查 (gate: the three steps) → 集体讨论决定 (gate: 第二十五条 the legality
 *   review, 第二十九条 the fair-competition review) → 公布 → 执行 (决策后评估 any number of times) → 归档. One file per
 *   transition in transitions/.
 */
import { catalogueStateLabels, decisionStateLabels } from '../../domain/majorDecisions/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { adjustCatalogue } from './transitions/adjustCatalogue.ts';
import { approveCatalogue } from './transitions/approveCatalogue.ts';
import { archive } from './transitions/archive.ts';
import { assignExecution } from './transitions/assignExecution.ts';
import { concludeParticipation } from './transitions/concludeParticipation.ts';
import { concludePostEvaluation } from './transitions/concludePostEvaluation.ts';
import { decide } from './transitions/decide.ts';
import { decline } from './transitions/decline.ts';
import { openPublicComment } from './transitions/openPublicComment.ts';
import { publish } from './transitions/publish.ts';
import { publishCatalogue } from './transitions/publishCatalogue.ts';
import { recordExpertArgument } from './transitions/recordExpertArgument.ts';
import { recordParticipation } from './transitions/recordParticipation.ts';
import { recordRiskAssessment } from './transitions/recordRiskAssessment.ts';
import { reportExecution } from './transitions/reportExecution.ts';
import { requestFairCompetitionReview } from './transitions/requestFairCompetitionReview.ts';
import { requestLegalityReview } from './transitions/requestLegalityReview.ts';
import { reviseCatalogue } from './transitions/reviseCatalogue.ts';
import { reviseDraft } from './transitions/reviseDraft.ts';
import { skipExpertArgument } from './transitions/skipExpertArgument.ts';
import { skipParticipation } from './transitions/skipParticipation.ts';
import { skipRiskAssessment } from './transitions/skipRiskAssessment.ts';
import { startPostEvaluation } from './transitions/startPostEvaluation.ts';
import { DECISION_CATALOGUE, MAJOR_DECISION } from './types.ts';

export { DECISION_CATALOGUE, MAJOR_DECISION };

const states = <K extends string>(t: Record<K, string>, final: readonly K[] = []) =>
  Object.fromEntries(Object.entries<string>(t).map(([k, label]) => [k, final.includes(k as K) ? { label, final: true } : { label }]));

export const catalogueWorkflow: WorkflowDef<GuardInput<never>> = {
  type: DECISION_CATALOGUE,
  version: 1,
  label: '重大行政决策事项目录',
  initial: 'draft',
  states: states(catalogueStateLabels),
  transitions: { reviseCatalogue, approveCatalogue, publishCatalogue, adjustCatalogue },
};

export const decisionWorkflow: WorkflowDef<GuardInput<never>> = {
  type: MAJOR_DECISION,
  version: 1,
  label: '重大行政决策',
  initial: 'drafting',
  states: states(decisionStateLabels, ['archived']),
  transitions: {
    openPublicComment,
    recordParticipation,
    concludeParticipation,
    skipParticipation,
    recordExpertArgument,
    skipExpertArgument,
    recordRiskAssessment,
    skipRiskAssessment,
    requestFairCompetitionReview,
    requestLegalityReview,
    reviseDraft,
    decide,
    decline,
    publish,
    assignExecution,
    reportExecution,
    startPostEvaluation,
    concludePostEvaluation,
    archive,
  },
};
