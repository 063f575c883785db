/**
 * The normative-document workflow (规范性文件), version 1: 起草 → 公开征求意见 (or a recorded reason why not)
 * → 公平竞争审查 (concerning market activity) → 合法性审核 → 集体审议 → 统一登记编号印发 → 公布 (政策解读) →
 * 报送备案 → 备案审查结果 → 现行有效, ending as 已修改 (a new version published), 废止, 宣布失效 or
 * 有效期届满. One file per transition in transitions/; the gates of the other modules in gates.ts.
 */
import { normativeStates, type NormativeState } from '../../domain/normativeDocuments/rules.ts';
import type { StateDef, WorkflowDef } from '../../domain/workflow.ts';
import type { TransitionListener } from '../../platform/modules.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { abandon } from './transitions/abandon.ts';
import { closeComment } from './transitions/closeComment.ts';
import { deliberate } from './transitions/deliberate.ts';
import { declareInvalid } from './transitions/declareInvalid.ts';
import { expire } from './transitions/expire.ts';
import { repeal } from './transitions/repeal.ts';
import { supersede } from './transitions/supersede.ts';
import { file } from './transitions/file.ts';
import { openComment } from './transitions/openComment.ts';
import { publish } from './transitions/publish.ts';
import { recordFilingResult } from './transitions/recordFilingResult.ts';
import { register } from './transitions/register.ts';
import { requestFairCompetitionReview } from './transitions/requestFairCompetitionReview.ts';
import { requestLegalityReview } from './transitions/requestLegalityReview.ts';
import { returnForRevision } from './transitions/returnForRevision.ts';
import { skipComment } from './transitions/skipComment.ts';
import { mirrorState, NORMATIVE_DOCUMENT } from './store.ts';

export { normativeInputs } from './transitions/inputs.ts';

const finalStates: readonly NormativeState[] = ['amended', 'repealed', 'invalid', 'expired', 'abandoned'];
const states = Object.fromEntries(
  (Object.keys(normativeStates) as NormativeState[]).map((s) => [s, { label: normativeStates[s], ...(finalStates.includes(s) ? { final: true } : {}) }]),
) as Record<NormativeState, StateDef>;

export const normativeDocumentWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: NORMATIVE_DOCUMENT,
  version: 1,
  label: '规范性文件',
  initial: 'drafting',
  states,
  transitions: {
    openComment,
    skipComment,
    closeComment,
    requestFairCompetitionReview,
    requestLegalityReview,
    deliberate,
    register,
    publish,
    file,
    recordFilingResult,
    returnForRevision,
    abandon,
    supersede,
    repeal,
    declareInvalid,
    expire,
  },
};

/** The lists and the portal read the state from the document row: kept equal to the matter's. */
export const mirrorDocumentState: TransitionListener = {
  name: 'normativeDocuments.mirrorState',
  type: NORMATIVE_DOCUMENT,
  transitions: '*',
  run: async (g, t) => mirrorState(g.tx, g.matter.id, t.to),
};
