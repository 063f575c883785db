/**
 * The annual-report workflow (年度报告), version 1: 草稿 (generated from the figure sets; paragraphs edited, each a
 * version) → 提交审核 → 领导批准 (or 退回修改) → 向社会公开 on the portal. One file per transition in transitions/.
 */
import { reportStates, type ReportState } from '../../domain/annualReports/layouts.ts';
import type { StateDef, WorkflowDef } from '../../domain/workflow.ts';
import type { GuardInput } from '../../platform/workflow/engine.ts';
import { ANNUAL_REPORT } from './store.ts';
import { approve } from './transitions/approve.ts';
import { publish } from './transitions/publish.ts';
import { returnForRevision } from './transitions/returnForRevision.ts';
import { submit } from './transitions/submit.ts';

export { reportInputs } from './transitions/inputs.ts';

const states = Object.fromEntries(
  (Object.keys(reportStates) as ReportState[]).map((s) => [s, { label: reportStates[s], ...(s === 'published' ? { final: true } : {}) }]),
) as Record<ReportState, StateDef>;

export const annualReportWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: ANNUAL_REPORT,
  version: 1,
  label: '年度报告',
  initial: 'draft',
  states,
  transitions: { submit, returnForRevision, approve, publish },
};
