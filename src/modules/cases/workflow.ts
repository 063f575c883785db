/**
 * The case workflow (执法办案, 普通程序 and 简易程序), version 1: its states, and its transitions — one file
 * each under transitions/, with who may take them, the input, the facts they read (facts.ts), the pure
 * guards that must hold (guards.ts), the deadlines opened and met, and what each writes. The engine runs
 * it; a case keeps the version it was opened under.
 */
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import type { GuardInput, MatterRow } from '../../platform/workflow/engine.ts';
import { orgChain } from '../../platform/orgs.ts';
import { caseBodyId } from './store.ts';
import { accept } from './transitions/accept.ts';
import { applyEnforcement } from './transitions/applyEnforcement.ts';
import { approveFiling } from './transitions/approveFiling.ts';
import { approveReferral } from './transitions/approveReferral.ts';
import { archive } from './transitions/archive.ts';
import { audit } from './transitions/audit.ts';
import { close } from './transitions/close.ts';
import { closeInvestigation } from './transitions/closeInvestigation.ts';
import { decide } from './transitions/decide.ts';
import { decideOnSite } from './transitions/decideOnSite.ts';
import { discuss } from './transitions/discuss.ts';
import { handOverFine } from './transitions/handOverFine.ts';
import { holdHearing } from './transitions/holdHearing.ts';
import { legalReview } from './transitions/legalReview.ts';
import { notify } from './transitions/notify.ts';
import { policeAccepted } from './transitions/policeAccepted.ts';
import { policeRefused } from './transitions/policeRefused.ts';
import { proceedToDecision } from './transitions/proceedToDecision.ts';
import { proposeFiling } from './transitions/proposeFiling.ts';
import { proposeReferral } from './transitions/proposeReferral.ts';
import { rejectFiling } from './transitions/rejectFiling.ts';
import { rejectReferral } from './transitions/rejectReferral.ts';
import { requestHearing } from './transitions/requestHearing.ts';
import { returnToInvestigation } from './transitions/returnToInvestigation.ts';
import { scheduleHearing } from './transitions/scheduleHearing.ts';
import { serve } from './transitions/serve.ts';
import { serveDemand } from './transitions/serveDemand.ts';
import { submitForDiscussion } from './transitions/submitForDiscussion.ts';
import { submitForLegalReview } from './transitions/submitForLegalReview.ts';

export const caseWorkflowV1: WorkflowDef<GuardInput<never>> = {
  type: 'case',
  version: 1,
  label: '行政处罚案件',
  initial: 'lead',
  states: {
    lead: { label: '案件线索' },
    verifying: { label: '核查中' },
    filingProposed: { label: '待批准立案' },
    notFiled: { label: '不予立案', final: true },
    investigating: { label: '立案调查' },
    auditing: { label: '案件审核' },
    toNotify: { label: '待告知' },
    noticed: { label: '已告知（陈述申辩期）' },
    hearingRequested: { label: '已申请听证' },
    hearingScheduled: { label: '已通知听证' },
    heard: { label: '听证结束' },
    legalReview: { label: '法制审核' },
    discussion: { label: '集体讨论' },
    toDecide: { label: '待决定' },
    decided: { label: '已决定（待送达）' },
    served: { label: '已送达（执行中）' },
    enforcement: { label: '申请强制执行' },
    referralProposed: { label: '拟移送' },
    referred: { label: '已移送' },
    closed: { label: '已结案' },
    archived: { label: '已归档', final: true },
  },
  transitions: {
    accept,
    proposeFiling,
    approveFiling,
    rejectFiling,
    closeInvestigation,
    audit,
    returnToInvestigation,
    notify,
    requestHearing,
    scheduleHearing,
    holdHearing,
    submitForLegalReview,
    legalReview,
    submitForDiscussion,
    discuss,
    proceedToDecision,
    decide,
    serve,
    serveDemand,
    applyEnforcement,
    close,
    archive,
    proposeReferral,
    approveReferral,
    rejectReferral,
    policeAccepted,
    policeRefused,
    decideOnSite,
    handOverFine,
  },
};

/**
 * Who sees a case beyond the handling unit's subtree: the deciding body's legal reviewers and
 * leaders (a 法制科 reviewer reviews the stations' cases; the 局领导 approves them).
 */
export async function caseVisible(q: Queryable, p: Principal, m: MatterRow): Promise<boolean> {
  if (!p.roles.some((r) => r === 'legalReviewer' || r === 'leader' || r === 'supervisor')) return false;
  const body = await caseBodyId(q, m.id);
  if (!body) return false;
  if (p.scope.has(body)) return true;
  return (await orgChain(q, p.orgId)).includes(body);
}
