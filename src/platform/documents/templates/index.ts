/** The catalogue of instrument templates (文书模板), in the order of a case. */
import type { InstrumentTemplate } from '../model.ts';
import { closureApproval, filingApproval, nonFilingApproval } from './approvals.ts';
import { sharedLabels } from './common.ts';
import { preservationDecision, seizureDecision, seizureExtensionNotice, seizureRelease } from './coercion.ts';
import { exemptionDecision, noPenaltyDecision, penaltyDecision, summaryPenaltyDecision } from './decisions.ts';
import { enforcementApplication, enforcementDemand } from './execution.ts';
import { hearingNotice, hearingRightsNotice, penaltyNotice } from './notices.ts';
import { collectiveDiscussion, hearingRecord, inquiryRecord, siteRecord } from './records.ts';
import { caseAudit, investigationReport, legalReviewOpinion } from './review.ts';
import { legalityOpinion } from './legality.ts';
import { criminalReferral, serviceReceipt } from './service.ts';
import { normativeDocument } from './normativeDocument.ts';
import { policyDecision, policyDecisionExplanation } from './majorDecisions.ts';
import { mediationAgreement, mediationTerminationNotice } from './complaints.ts';
import { annualReport } from './annualReport.ts';
import { disclosureAnswer, disclosureCorrection, disclosureExtension } from './disclosure.ts';

export const instrumentTemplates: readonly InstrumentTemplate[] = [
  filingApproval,
  nonFilingApproval,
  inquiryRecord,
  siteRecord,
  preservationDecision,
  seizureDecision,
  seizureExtensionNotice,
  seizureRelease,
  investigationReport,
  caseAudit,
  legalReviewOpinion,
  collectiveDiscussion,
  penaltyNotice,
  hearingRightsNotice,
  hearingNotice,
  hearingRecord,
  penaltyDecision,
  summaryPenaltyDecision,
  noPenaltyDecision,
  exemptionDecision,
  serviceReceipt,
  enforcementDemand,
  enforcementApplication,
  criminalReferral,
  closureApproval,
  legalityOpinion,
  policyDecision,
  policyDecisionExplanation,
  normativeDocument,
  mediationAgreement,
  mediationTerminationNotice,
  annualReport,
  disclosureAnswer,
  disclosureCorrection,
  disclosureExtension,
];

const byKind = new Map(instrumentTemplates.map((t) => [t.kind, t]));

export const templateByKind = (kind: string): InstrumentTemplate | undefined => byKind.get(kind);
export const instrumentKinds = instrumentTemplates.map((t) => t.kind);
export { sharedLabels };
