/** The response shapes of 行政复议 and 行政应诉 (they generate the OpenAPI document). */
import { z } from 'zod';
import { ZMatterDeadline, ZTransitionOption } from '../cases/index.ts';

const ZHearing = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  heldOn: z.string(),
  instance: z.string().nullable().optional(),
  attendees: z.string(),
  appearance: z.string().nullable().optional(),
  appearanceLabel: z.string().nullable().optional(),
  headName: z.string().nullable().optional(),
  headTitle: z.string().nullable().optional(),
  absenceGround: z.string().nullable().optional(),
  absenceReason: z.string().nullable().optional(),
  headRequired: z.boolean().optional(),
  note: z.string().nullable().optional(),
});

const common = {
  id: z.string(),
  title: z.string(),
  subjectType: z.string(),
  subjectTypeLabel: z.string(),
  subjectId: z.string(),
  subjectKind: z.string(),
  subjectKindLabel: z.string(),
  subjectTitle: z.string(),
  subjectHref: z.string().nullable(),
  bodyId: z.string(),
  bodyName: z.string(),
  fileNumber: z.string().nullable(),
  receivedOn: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  effect: z.string().nullable(),
  effectLabel: z.string().nullable(),
  nextDue: z.string().nullable(),
};

const detailCommon = {
  version: z.number(),
  hearings: z.array(ZHearing),
  challengeId: z.string().nullable(),
  publicationId: z.string().nullable(),
  publicationState: z.string().nullable(),
  deadlines: z.array(ZMatterDeadline),
  transitions: z.array(ZTransitionOption),
  abilities: z.object({ read: z.boolean(), handle: z.boolean(), viewRecord: z.boolean(), uploadEvidence: z.boolean() }),
};

export const ZReconsiderationItem = z.object({
  ...common,
  applicant: z.string(),
  reviewingBody: z.string(),
  lawVersion: z.string(),
  selfDecided: z.boolean(),
  answeredOn: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  decidedOn: z.string().nullable(),
});

export const ZReconsiderationDetail = ZReconsiderationItem.extend({
  ...detailCommon,
  request: z.string(),
  answer: z.string().nullable(),
  bundleHash: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionSummary: z.string().nullable(),
  decisionFileId: z.string().nullable(),
  lawsuits: z.array(z.object({ id: z.string(), title: z.string(), stateLabel: z.string() })),
});

const ZJudgment = z.object({
  id: z.string(),
  instance: z.string(),
  instanceLabel: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  outcome: z.string(),
  outcomeLabel: z.string(),
  number: z.string(),
  court: z.string(),
  servedOn: z.string(),
  summary: z.string(),
  statedEffect: z.string().nullable().optional(),
  appealedOn: z.string().nullable().optional(),
  appealedBy: z.string().nullable().optional(),
});

export const ZLawsuitItem = z.object({
  ...common,
  plaintiff: z.string(),
  court: z.string(),
  instance: z.string(),
  instanceLabel: z.string(),
  defendedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  headAppeared: z.boolean().nullable(),
});

export const ZLawsuitDetail = ZLawsuitItem.extend({
  ...detailCommon,
  claims: z.string(),
  defence: z.string().nullable(),
  afterReconsiderationId: z.string().nullable(),
  judgments: z.array(ZJudgment),
  execution: z.object({ kind: z.string(), kindLabel: z.string(), on: z.string(), note: z.string() }).nullable(),
});

export const ZReconsiderationList = z.object({ total: z.number(), items: z.array(ZReconsiderationItem) });
export const ZLawsuitList = z.object({ total: z.number(), items: z.array(ZLawsuitItem) });
export const ZRemedyCatalogue = z.object({
  reconsiderationOutcomes: z.record(z.string(), z.object({ label: z.string(), effect: z.string().nullable(), basis: z.array(z.string()) })),
  judgmentOutcomes: z.record(z.string(), z.object({ label: z.string(), effect: z.string().nullable(), basis: z.array(z.string()) })),
  subjectKinds: z.record(z.string(), z.string()),
  appearanceKinds: z.record(z.string(), z.string()),
  absenceGrounds: z.record(z.string(), z.string()),
  effects: z.record(z.string(), z.string()),
  executionKinds: z.record(z.string(), z.string()),
  appearanceSource: z.string(),
});
