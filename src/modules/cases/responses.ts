/**
 * Response schemas of the case module (执法办案): what each route answers, as the presenters in queries.ts
 * build it. They generate the OpenAPI document, check every answer (the serializer encodes through them), and
 * the web console's types are inferred from them.
 */
import { z } from 'zod';
import { decisionOutcomeIds, noPenaltyGroundIds, onSiteCollectionGroundIds } from '../../domain/cases/decide.ts';
import { caseActs, type CaseActId } from '../../domain/cases/rules.ts';
import { penaltyKindIds, partyTypeIds } from '../../domain/discretion/vocabulary.ts';
import { ZDeadlineInScope } from '../../platform/schema.ts';

const str = z.string();
const nstr = z.string().nullable();
const optStr = z.string().nullish();

// ─── shared by the matter-based modules ───────────────────────────────

/** A transition the viewer may take now. */
export const ZTransitionOption = z.object({ id: str, label: str });

/** A deadline of a matter (open, met, extended…), with its colours for today. */
export const ZMatterDeadline = z.object({
  id: str,
  ruleId: str,
  label: str,
  start: str,
  due: str,
  warnFrom: str,
  status: str,
  extended: z.boolean(),
  suspensions: z.array(z.unknown()),
  overdue: z.boolean(),
  warning: z.boolean(),
  /** the period touches a year without an official holiday schedule: 暂按法定节假日计算 (recomputed when it is entered) */
  provisional: z.boolean(),
});

/** An issued instrument (文书) of the register. */
export const ZInstrumentRecord = z.object({
  id: str,
  orgId: str,
  kind: str,
  title: str,
  year: z.number(),
  seq: z.number(),
  number: str,
  templateVersion: z.number(),
  matterType: str,
  matterId: str,
  issuedOn: str,
  dataHash: str,
  hashAlg: str,
  docxHash: str,
  docxSize: z.number(),
  pdfHash: str,
  pdfSize: z.number(),
  createdBy: nstr,
  createdAt: str,
});

// ─── the case file ─────────────────────────────────────────────────────

export const ZChosenPenalty = z.object({ kind: z.enum(penaltyKindIds), amountFen: z.number().nullish(), note: optStr });

const ZPartyOut = z.object({
  type: z.enum(partyTypeIds),
  name: str,
  uscc: optStr,
  idNumber: optStr,
  address: str,
  legalRep: optStr,
  legalRepId: optStr,
  phone: optStr,
  licenceName: optStr,
});

const ZRange = z.object({ minFen: z.number(), maxFen: z.number(), upperExclusive: z.boolean().optional() });
const ZThresholdCrossing = z.object({ crossed: str, thresholdFen: z.number(), source: str });

/** The discretion calculator's result as frozen onto the case. */
export const ZDiscretionSnapshot = z.object({
  tier: str,
  tierLabel: str,
  exempt: z.boolean(),
  penalties: z.array(
    z.object({
      kind: z.enum(penaltyKindIds),
      label: str,
      applies: z.enum(['required', 'optional', 'none']),
      range: ZRange.nullable(),
      amountFen: z.number().nullable(),
      note: str,
      articleId: str,
      /** decided by another authority (药品管理法 第一百三十九条): the bureau only recommends it */
      reservedTo: z.object({ authority: str, articleId: str, text: str }).nullish(),
    }),
  ),
  thresholds: z.object({ hearing: ZThresholdCrossing, majorDecision: ZThresholdCrossing }),
  trace: z.array(z.object({ step: str, text: str, articleIds: z.array(str), rule: str.optional() })),
  exemption: z.object({ list: str.nullable(), label: str, articleId: str }).nullish(),
  legalRange: z.object({ minFen: z.number(), maxFen: z.number() }).nullish(),
  /** the rule that decided the tier (法定/酌定) and its statement in official wording; absent on older snapshots */
  decidingRule: z.object({ id: str, nature: z.enum(['statutory', 'discretionary']), articleIds: z.array(str), text: str }).optional(),
  /** 减轻处罚 and whether on a statutory ground */
  mitigation: z.object({ belowRange: z.boolean(), statutory: z.boolean(), articleIds: z.array(str) }).optional(),
  /** the law version applied (从旧兼从轻) */
  statuteVersion: str.optional(),
  rulesDigest: str,
  decisionDate: str,
  violates: z.array(str),
  punishes: z.array(str),
  violationName: str,
});

const ZMajor = z.object({ major: z.boolean(), reasons: z.array(z.object({ criterion: str, text: str, basis: str })) });

const ZHearing = z.object({
  requestedOn: str,
  at: str.optional(),
  place: str.optional(),
  noticeOn: str.optional(),
  hostOfficerId: str.optional(),
  openness: str.optional(),
  clerk: str.optional(),
  heldOn: str.optional(),
  summary: str.optional(),
  report: str.optional(),
});

const ZDecision = z.object({
  outcome: z.enum(decisionOutcomeIds),
  penalties: z.array(ZChosenPenalty),
  decidedOn: str,
  instrumentId: str,
  number: str,
  reason: str.optional(),
  ground: z.enum(noPenaltyGroundIds).nullish(),
  exemption: z.object({ list: str.nullable(), label: str, articleId: str }).nullish(),
  collection: z
    .object({
      ground: z.enum(onSiteCollectionGroundIds),
      reason: str.nullable(),
      receiptNo: str,
      collectedOn: str,
      amountFen: z.number(),
      handedOverOn: str.optional(),
      handedOverTo: str.optional(),
    })
    .nullish(),
});

const ZPaymentPlan = z.object({
  kind: z.enum(['deferral', 'instalments']),
  instalments: z.array(z.object({ dueOn: str, amountFen: z.number() })),
  reason: str,
  approvedBy: str,
  approvedOn: str,
});

const ZReferral = z.object({
  kind: z.enum(['police', 'body']),
  to: str,
  reason: str,
  proposedOn: str,
  approvedOn: str.optional(),
  instrumentNumber: str.optional(),
  answer: z.enum(['accepted', 'refused']).optional(),
  answeredOn: str.optional(),
  answerNote: str.optional(),
});

/** The columns of a case (CaseRow). */
export const ZCaseRow = z.object({
  id: str,
  bodyId: str,
  unitId: str,
  procedure: z.enum(['ordinary', 'summary']),
  source: str,
  sourceNote: nstr,
  receivedOn: str,
  party: ZPartyOut,
  contact: z.object({ name: str, phone: str, address: optStr }),
  partyType: z.enum(partyTypeIds),
  field: str,
  summary: str,
  violationId: nstr,
  violationDate: nstr,
  lifeHealth: z.boolean(),
  caseNumber: nstr,
  filedOn: nstr,
  investigatorIds: z.array(str),
  facts: nstr,
  discretionInput: z.record(str, z.unknown()).nullable().describe('立案调查终结时录入的裁量事实（基数、情节）'),
  discretion: ZDiscretionSnapshot.nullable(),
  proposed: z.array(ZChosenPenalty).nullable(),
  deviationReason: nstr,
  hearingEligible: z.boolean().nullable(),
  major: ZMajor.nullable(),
  complex: z.boolean(),
  publicInterest: z.boolean(),
  notice: z
    .object({
      noticeOn: str,
      servedOn: str,
      hearingEligible: z.boolean(),
      instrumentNumbers: z.array(str),
      penalties: z.array(ZChosenPenalty).optional(),
      renotice: z.object({ reason: str, previous: z.array(ZChosenPenalty) }).nullish(),
    })
    .nullable(),
  waivers: z.object({ statement: str.optional(), hearing: str.optional(), note: str.optional() }),
  statement: z.object({ receivedOn: str, text: str, adopted: z.boolean(), reply: str }).nullable(),
  hearing: ZHearing.nullable(),
  decision: ZDecision.nullable(),
  fineFen: z.number(),
  confiscationFen: z.number(),
  service: z.object({ servedOn: str, method: str, recipient: str, note: nstr }).nullable(),
  paymentDue: nstr,
  paymentPlan: ZPaymentPlan.nullable(),
  enforcement: z.object({ appliedOn: str, court: str, outcome: nstr }).nullable(),
  referral: ZReferral.nullable(),
  closedOn: nstr,
  archivedOn: nstr,
});

export const ZCaseAbilities = z.object({
  read: z.boolean(),
  viewRecord: z.boolean(),
  // one per act of the table caseActs (casePolicy)
  ...(Object.fromEntries((Object.keys(caseActs) as CaseActId[]).map((act) => [act, z.boolean()])) as Record<CaseActId, z.ZodBoolean>),
  uploadEvidence: z.boolean(),
});

const ZOwed = z.object({
  outstandingFen: z.number(),
  overdueFen: z.number(),
  lateFeeFen: z.number(),
  accruedLateFeeFen: z.number(),
  lateFeePaidFen: z.number(),
  capped: z.boolean(),
  excludedDays: z.number(),
});

/** 执行 of the decision (modules/cases/execution.ts → executionSummary). */
export const ZExecution = z.object({
  asOf: str,
  lines: z.array(
    z.object({
      line: z.number(),
      kind: str,
      label: str,
      amountFen: z.number().nullable(),
      state: z.enum(['executed', 'pending', 'terminated']),
      owedFen: z.number().nullable(),
      how: str,
      records: z.array(z.object({ id: str, line: z.number(), act: str, on: str, amountFen: z.number().nullable(), receiptNo: nstr, note: str })),
    }),
  ),
  owed: ZOwed.nullable(),
  excludedPeriods: z.array(z.object({ from: str, to: nstr, reason: str })),
  challenges: z.array(z.object({ id: str, kind: z.enum(['reconsideration', 'litigation']), filedOn: str, body: str, concludedOn: nstr, outcome: nstr })),
  periods: z.object({ reconsiderationEnds: str, litigationEnds: str, performanceEnds: nstr, windowStart: str, windowEnds: str }).nullable(),
  demand: z.object({ servedOn: str, method: str, recipient: str, periodEnds: str, instrumentId: str, number: str }).nullable(),
  enforcement: z.object({ appliedOn: str, court: str, outcome: nstr }).nullable(),
  termination: z.object({ ground: str, note: nstr, on: str }).nullable(),
});

/** GET /api/cases/:id and the answer of every act on a case: the case file. */
export const ZCaseDetail = ZCaseRow.extend({
  bodyName: str,
  unitName: str,
  investigators: z.array(z.object({ id: str, name: str })),
  /** the body's leaders who may approve an act of the case (先行登记保存, 查封、扣押) */
  approvers: z.array(z.object({ id: str, name: str })),
  matter: z.object({ state: str, stateLabel: str, version: z.number(), final: z.boolean(), title: str, workflowVersion: z.number() }),
  transitions: z.array(ZTransitionOption),
  evidence: z.array(
    z.object({
      id: str,
      kind: str,
      title: str,
      collectedOn: str,
      place: nstr,
      officerIds: z.array(str),
      fileIds: z.array(str),
      description: nstr,
      instrumentId: nstr,
    }),
  ),
  reviews: z.array(
    z.object({
      id: str,
      kind: z.enum(['caseAudit', 'legalReview']),
      reviewerId: str,
      reviewerName: str,
      items: z.record(str, z.object({ ok: z.boolean(), note: optStr })),
      opinion: z.enum(['agree', 'agreeAfterChanges', 'disagree']),
      reasons: str,
      acceptsDeviation: z.boolean(),
      reviewedOn: str,
      instrumentId: nstr,
    }),
  ),
  discussions: z.array(
    z.object({
      id: str,
      heldOn: str,
      place: nstr,
      chair: str,
      attendees: z.array(z.object({ name: str, position: optStr })),
      opinions: z.array(z.object({ name: str, opinion: str })),
      decision: str,
      minutes: str,
      instrumentId: nstr,
    }),
  ),
  payments: z.array(z.object({ id: str, paidOn: str, amountFen: z.number(), finePartFen: z.number(), lateFeeFen: z.number(), receiptNo: nstr })),
  deadlines: z.array(ZMatterDeadline),
  owed: ZOwed.nullable(),
  execution: ZExecution.nullable().describe('执行：每项处罚的执行情况、应缴金额（罚款、加处罚款、不计算加处罚款的复议诉讼期间）、催告与申请强制执行'),
  publication: z
    .object({ id: str, state: str, stateLabel: str, publishedOn: nstr, expiresOn: nstr, version: z.number() })
    .nullable()
    .describe('行政执法公示（决定后由公示模块生成）'),
  instruments: z.array(ZInstrumentRecord),
  abilities: ZCaseAbilities,
  /** the 举报 or 投诉 the lead came from (modules/complaints) */
  origin: z.object({ type: str, id: str }).nullable().optional(),
});
export type CaseDetail = z.infer<typeof ZCaseDetail>;

// ─── lists and reference ───────────────────────────────────────────────

/** A row of GET /api/cases. */
export const ZCaseListItem = z.object({
  id: str,
  title: str,
  state: str,
  version: z.number(),
  unitId: str,
  unitName: str,
  caseNumber: nstr,
  procedure: z.enum(['ordinary', 'summary']),
  /** the decision's 文号 once decided (a 简易程序 case has no 案号: its 当场行政处罚决定书 is its number) */
  decisionNumber: nstr,
  partyName: str,
  receivedOn: str,
  filedOn: nstr,
  field: str,
  fineFen: z.number(),
  major: z.boolean(),
  updatedAt: str,
  nextDue: nstr,
  overdue: z.boolean(),
  warning: z.boolean(),
});
export type CaseListItem = z.infer<typeof ZCaseListItem>;
export const ZCaseList = z.object({ total: z.number(), items: z.array(ZCaseListItem) });
export type CaseList = z.infer<typeof ZCaseList>;

/** GET /api/cases/statistics: decided cases by outcome — 给予、不予（按法定情形）、免予（按免罚清单） counted apart. */
const ZOutcomeCount = z.object({ label: str, count: z.number(), byDetail: z.array(z.object({ key: str, label: str, count: z.number() })) });
export const ZCaseStatistics = z.object({
  from: str.nullable(),
  to: str.nullable(),
  total: z.number(),
  outcomes: z.object({ penalty: ZOutcomeCount, noPenalty: ZOutcomeCount, exempted: ZOutcomeCount }),
});
export type CaseStatistics = z.infer<typeof ZCaseStatistics>;

/** GET /api/cases/reference: the catalogues the case forms choose from. */
export const ZCaseReference = z.object({
  sources: z.record(str, str),
  evidenceKinds: z.record(str, z.object({ label: str, act: nstr, av: nstr })),
  avChecklist: z.record(str, z.object({ label: str, source: str })),
  serviceMethods: z.record(str, z.object({ label: str, av: nstr })),
  legalReviewItems: z.record(str, str),
  reviewOpinions: z.record(str, str),
  majorCriteria: z.record(str, z.object({ label: str, basis: str })),
  states: z.record(str, str),
  transitions: z.record(str, z.object({ label: str, from: z.array(str), to: str, roles: z.array(str) })),
});
export type CaseReference = z.infer<typeof ZCaseReference>;

/** GET /api/deadlines/mine. */
export const ZMyDeadlines = z.object({ items: z.array(ZDeadlineInScope) });

export const ZCreated = z.object({ id: str });

/** GET /api/orgs/:id/major-catalogue. */
export const ZMajorCatalogues = z.object({
  items: z.array(z.object({ id: str, validFrom: str, validTo: nstr, criteria: z.array(str), documentNumber: nstr, note: nstr })),
  defaults: z.array(str),
});
