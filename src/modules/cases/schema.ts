/** Request and response schemas of the case module (执法办案); they also generate the OpenAPI document. */
import { z } from 'zod';
import { ZDate, ZDateTime, ZFactDate, ZResidentId, ZUscc } from '../../platform/schema.ts';
import { caseSourceIds, evidenceKindIds, legalReviewItemIds, majorCriterionIds, serviceMethodIds } from '../../domain/cases/rules.ts';
import { disposalGroundIds, measureKindIds, preservationDecisionIds, releaseGroundIds } from '../../domain/cases/measures.ts';
import { baseKindIds, penaltyKindIds } from '../../domain/discretion/vocabulary.ts';
import { decisionOutcomeIds, noPenaltyGroundIds, onSiteCollectionGroundIds } from '../../domain/cases/decide.ts';
import { enforcementFieldIds } from '../../domain/certifiedDuty.ts';
import { challengeKindIds, challengeOutcomeIds, executionActIds, terminationGroundIds } from '../../domain/cases/execution.ts';

const id = z.string().min(1).max(64);
const date = ZDate;
/** a date on which something happened: not in the future */
const factDate = ZFactDate;
const dateTime = ZDateTime;
const text = (max: number, min = 1) => z.string().trim().min(min, { message: '不能为空' }).max(max);
const fen = z.number().int({ message: '金额应为整数（分）' }).nonnegative();

export const ZParty = z
  .strictObject({
    type: z.enum(['naturalPerson', 'organisation']),
    name: text(200),
    uscc: ZUscc.nullish(),
    idNumber: ZResidentId().nullish(),
    address: text(300),
    legalRep: text(50).nullish(),
    legalRepId: ZResidentId('法定代表人身份号码').nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, { message: '联系电话格式不正确' })
      .nullish(),
    licenceName: text(100).nullish(),
  })
  .refine((p) => (p.type === 'organisation' ? !!p.uscc : !!(p.idNumber || p.uscc)), {
    message: '法人或者其他组织须填写统一社会信用代码；自然人须填写身份证件号码（个体工商户可填统一社会信用代码）',
    path: ['uscc'],
  });

export const ZCreateCaseRequest = z.strictObject({
  procedure: z.enum(['ordinary', 'summary']).default('ordinary'),
  unitId: id.optional(),
  source: z.enum(caseSourceIds),
  sourceNote: text(500).nullish(),
  receivedOn: factDate,
  party: ZParty,
  field: z.enum(enforcementFieldIds),
  summary: text(2000),
  contact: z.strictObject({
    name: text(50),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-() ]{5,20}$/, { message: '联系电话格式不正确' }),
    address: text(200).nullish(),
  }),
  title: text(200).optional(),
  /** 实名举报人 (a lead from a report): told of the filing decision within five working days (投诉举报处理暂行办法 第三十一条) */
  reporter: z
    .strictObject({
      name: text(50),
      phone: z
        .string()
        .trim()
        .regex(/^[0-9+\-() ]{5,20}$/, { message: '联系电话格式不正确' })
        .nullish(),
      address: text(200).nullish(),
    })
    .nullish(),
});
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;

export const ZPenalty = z.strictObject({ kind: z.enum(penaltyKindIds), amountFen: fen.nullish(), note: text(300).nullish() });
const instrumentData = z.record(z.string(), z.unknown()).optional().describe('文书中无法从案件取得的内容（按文书字段名），如询问笔录的问答');
const opinion = text(1000);

/** The input of each transition, validated before the engine runs it. */
export const transitionInputs = {
  accept: z.strictObject({ note: text(500).optional() }),
  proposeFiling: z.strictObject({
    violationId: id,
    violationDate: factDate,
    lifeHealth: z.boolean().default(false),
    investigatorIds: z.array(id).min(1).max(10),
    opinion,
    instrumentData,
  }),
  approveFiling: z.strictObject({ opinion, unitOpinion: opinion.optional(), instrumentData }),
  rejectFiling: z.strictObject({ reason: text(1000), opinion, instrumentData }),
  closeInvestigation: z.strictObject({
    facts: text(5000),
    bases: z.partialRecord(z.enum(baseKindIds), fen.nullable()).default({}),
    unreliableBases: z.array(z.enum(baseKindIds)).default([]),
    circumstances: z.array(z.string().max(64)).max(50).default([]),
    proposed: z.array(ZPenalty).max(12),
    deviationReason: text(2000).nullish(),
    complex: z.boolean().default(false),
    publicInterest: z.boolean().default(false),
    analysis: text(5000).optional(),
    instrumentData,
  }),
  audit: z.strictObject({ opinion: z.enum(['agree', 'agreeAfterChanges']), reasons: opinion, acceptsDeviation: z.boolean().default(false), instrumentData }),
  returnToInvestigation: z.strictObject({ reasons: opinion }),
  notify: z.strictObject({
    servedOn: factDate,
    /** 重新告知: the new proposal (a decision heavier than the last notice needs one, 行政处罚法 第四十四条、第六十二条) */
    proposed: z.array(ZPenalty).max(12).optional(),
    renoticeReason: text(1000).optional(),
    deviationReason: text(2000).optional(),
    instrumentData,
  }),
  requestHearing: z.strictObject({ requestedOn: factDate }),
  scheduleHearing: z.strictObject({
    at: dateTime,
    place: text(200),
    hostOfficerId: id,
    clerk: text(50),
    openness: text(200).default('公开举行'),
    noticeOn: date,
    instrumentData,
  }),
  holdHearing: z.strictObject({
    heldOn: date,
    startAt: dateTime,
    endAt: dateTime,
    turns: z
      .array(z.strictObject({ speaker: text(50), text: text(5000) }))
      .min(1)
      .max(200),
    report: text(5000),
    avFileIds: z.array(id).max(20).default([]),
    instrumentData,
  }),
  submitForLegalReview: z.strictObject({ note: text(500).optional() }),
  legalReview: z.strictObject({
    items: z.partialRecord(z.enum(legalReviewItemIds), z.strictObject({ ok: z.boolean(), note: text(1000).nullish() })),
    opinion: z.enum(['agree', 'agreeAfterChanges', 'disagree']),
    reasons: opinion,
    acceptsDeviation: z.boolean().default(false),
    instrumentData,
  }),
  submitForDiscussion: z.strictObject({ reason: text(500) }),
  discuss: z.strictObject({
    heldOn: date,
    startAt: dateTime,
    endAt: dateTime,
    place: text(200),
    chair: text(50),
    attendees: z
      .array(z.strictObject({ name: text(50), position: text(50).nullish() }))
      .min(1)
      .max(30),
    opinions: z
      .array(z.strictObject({ name: text(50), opinion: text(2000) }))
      .min(1)
      .max(30),
    decision: z.enum(decisionOutcomeIds),
    minutes: text(5000),
    reporter: text(50),
    recorder: text(50),
    instrumentData,
  }),
  proceedToDecision: z.strictObject({ note: text(500).optional() }),
  decide: z.strictObject({
    outcome: z.enum(decisionOutcomeIds),
    penalties: z.array(ZPenalty).max(12).default([]),
    reason: text(2000).optional(),
    noPenaltyReason: text(2000).optional(),
    /** 不予行政处罚: the ground of 行政处罚法 (第三十条、第三十一条、第三十三条 …) */
    noPenaltyGround: z.enum(noPenaltyGroundIds).optional(),
    instrumentData,
  }),
  serve: z.strictObject({
    servedOn: factDate,
    servedAt: dateTime.optional(),
    method: z.enum(serviceMethodIds),
    recipient: text(100),
    receiver: text(50).optional(),
    avFileIds: z.array(id).max(20).default([]),
    instrumentData,
  }),
  // 催告 before applying to the court (行政强制法 第五十四条)
  serveDemand: z.strictObject({
    servedOn: factDate,
    method: z.enum(serviceMethodIds),
    recipient: text(100),
    avFileIds: z.array(id).max(20).default([]),
    instrumentData,
  }),
  applyEnforcement: z.strictObject({ appliedOn: factDate, court: text(100), instrumentData }),
  close: z.strictObject({
    opinion,
    enforcementOutcome: text(1000).optional(),
    /** 终结执行: a ground of 行政强制法 第四十条 for a decision not wholly executed, and the reason written out */
    terminationGround: z.enum(terminationGroundIds).optional(),
    terminationNote: text(1000).optional(),
    instrumentData,
  }),
  archive: z.strictObject({ note: text(500).optional() }),
  proposeReferral: z.strictObject({ kind: z.enum(['police', 'body']), to: text(100), reason: text(2000), suspicion: text(2000) }),
  approveReferral: z.strictObject({ transferredOn: factDate, attachments: z.array(text(200)).min(1).max(50), instrumentData }),
  rejectReferral: z.strictObject({ reason: text(1000) }),
  policeAccepted: z.strictObject({ answeredOn: factDate, note: text(1000).optional() }),
  policeRefused: z.strictObject({ answeredOn: factDate, note: text(1000) }),
  decideOnSite: z.strictObject({
    violationId: id,
    violationDate: factDate,
    officerIds: z.array(id).min(1).max(5),
    occurredAt: dateTime,
    place: text(200),
    facts: text(2000),
    penalties: z.array(ZPenalty).min(1).max(2),
    collectedOnSite: z.boolean().default(false),
    /** 当场收缴: the ground (行政处罚法 第六十八条、第六十九条), its recorded reason, the 专用票据 number (第七十条) */
    collectionGround: z.enum(onSiteCollectionGroundIds).optional(),
    collectionReason: text(1000).optional(),
    receiptNo: text(64).optional(),
    /** the facts weighed by the discretion calculator (a 减轻 result is not decided on the spot, 行政处罚法 第五十一条) */
    bases: z.partialRecord(z.enum(baseKindIds), fen.nullable()).default({}),
    unreliableBases: z.array(z.enum(baseKindIds)).default([]),
    circumstances: z.array(z.string().max(64)).max(50).default([]),
    avFileIds: z.array(id).max(20).default([]),
    instrumentData,
  }),
  handOverFine: z.strictObject({ handedOverOn: factDate, handedOverTo: text(100), note: text(500).optional() }),
} as const;
export type TransitionName = keyof typeof transitionInputs;
export type TransitionInput<T extends TransitionName> = z.infer<(typeof transitionInputs)[T]>;

export const ZTransitionRequest = z.strictObject({
  expectedVersion: z.number().int().nonnegative(),
  date: date.optional().describe('办理日期，默认今天（北京时间）'),
  input: z.record(z.string(), z.unknown()).default({}),
});

export const ZAddEvidenceRequest = z.strictObject({
  kind: z.enum(evidenceKindIds),
  title: text(200),
  collectedOn: factDate,
  place: text(200).nullish(),
  officerIds: z.array(id).max(10).default([]),
  fileIds: z.array(id).max(50).default([]),
  description: text(5000).nullish(),
  instrument: z.enum(['inquiryRecord', 'siteRecord']).optional(),
  instrumentData,
  /** 先行登记保存 "经行政机关负责人批准" (行政处罚法 第五十六条): the leader (user) who approved it */
  approvedBy: id.optional().describe('批准先行登记保存的行政机关负责人（用户）'),
});
export type TAddEvidenceRequest = z.infer<typeof ZAddEvidenceRequest>;

export const ZStatementRequest = z.strictObject({ receivedOn: factDate, text: text(5000), adopted: z.boolean(), reply: text(5000) });
export const ZWaiverRequest = z
  .strictObject({ statement: z.boolean().default(false), hearing: z.boolean().default(false), signedOn: factDate, note: text(500) })
  .refine((w) => w.statement || w.hearing, { message: '至少放弃一项权利' });
export const ZPaymentRequest = z.strictObject({ paidOn: factDate, amountFen: fen.positive(), receiptNo: text(64).nullish() });
export const ZChallengeRequest = z.strictObject({ kind: z.enum(challengeKindIds), filedOn: factDate, body: text(100) });
export const ZChallengeConclusionRequest = z.strictObject({ challengeId: id, concludedOn: factDate, outcome: z.enum(challengeOutcomeIds) });
export const ZExecutionRequest = z.strictObject({
  line: z.coerce.number().int().min(0).max(11).describe('处罚决定的第几项（从 0 起）'),
  act: z.enum(executionActIds),
  on: factDate,
  amountFen: fen.positive().nullish(),
  receiptNo: text(64).nullish(),
  note: text(1000),
});
export const ZPaymentPlanRequest = z.strictObject({
  kind: z.enum(['deferral', 'instalments']),
  instalments: z
    .array(z.strictObject({ dueOn: date, amountFen: fen.positive() }))
    .min(1)
    .max(12),
  reason: text(1000),
});
/**
 * 集体讨论决定继续延期 (a second extension of the 办案期限: 《市场监督管理行政处罚程序规定》第六十四条, not in the law
 * library): the leaders' discussion, recorded with the extension, fixes the new due date.
 */
export const ZExtensionDiscussion = z.strictObject({
  heldOn: factDate,
  chair: text(50),
  attendees: z
    .array(z.strictObject({ name: text(50), position: text(50).nullish() }))
    .min(1)
    .max(30),
  minutes: text(5000),
  extendTo: date,
});
export const ZExtendRequest = z.strictObject({ ruleId: z.string().max(64), reason: text(1000), discussion: ZExtensionDiscussion.optional() });
export type TExtendRequest = z.infer<typeof ZExtendRequest>;

// 查封、扣押 (行政强制法 第二十四条—第二十八条); the limits of 第二十五条 are checked by the command with their article
export const ZMeasureItem = z.strictObject({ name: text(200), quantity: text(50), note: text(300).nullish() });
export const ZImposeMeasureRequest = z.strictObject({
  kind: z.enum(measureKindIds),
  reason: text(1000),
  basis: text(500),
  items: z.array(ZMeasureItem).min(1).max(100),
  place: text(200),
  imposedOn: factDate,
  periodDays: z.number().int().min(1).max(366).default(30),
  approvedBy: id.describe('批准的行政机关负责人（用户）'),
  officerIds: z.array(id).min(1).max(10),
  fileIds: z.array(id).max(20).default([]),
  instrumentData,
});
export type TImposeMeasureRequest = z.infer<typeof ZImposeMeasureRequest>;
export const ZExtendMeasureRequest = z.strictObject({ extendedOn: factDate, days: z.number().int().min(1).max(366), reason: text(1000), instrumentData });
export type TExtendMeasureRequest = z.infer<typeof ZExtendMeasureRequest>;
export const ZMeasureTestingRequest = z.strictObject({ from: date, to: date, reason: text(200) });
export type TMeasureTestingRequest = z.infer<typeof ZMeasureTestingRequest>;
export const ZEndMeasureRequest = z.strictObject({
  endedOn: factDate,
  kind: z.enum(['release', 'dispose']),
  ground: z.enum([...releaseGroundIds, ...disposalGroundIds]),
  reason: text(1000),
  approvedBy: id.describe('批准的行政机关负责人（用户）'),
  instrumentData,
});
export type TEndMeasureRequest = z.infer<typeof ZEndMeasureRequest>;
// 先行登记保存的处理决定 (行政处罚法 第五十六条)
export const ZPreservationDecisionRequest = z.strictObject({
  decidedOn: factDate,
  decision: z.enum(preservationDecisionIds),
  note: text(1000),
  instrumentData,
});
export type TPreservationDecisionRequest = z.infer<typeof ZPreservationDecisionRequest>;
// 告知实名举报人 (投诉举报处理暂行办法 第三十一条); 推送至登记地 (行政处罚信息公示规定 第十条)
export const ZReporterNoticeRequest = z.strictObject({ notifiedOn: factDate, method: text(100), note: text(1000).nullish() });
export type TReporterNoticeRequest = z.infer<typeof ZReporterNoticeRequest>;
export const ZPublicityPushRequest = z.strictObject({ pushedOn: factDate, via: text(200), recipient: text(200), note: text(1000).nullish() });
export type TPublicityPushRequest = z.infer<typeof ZPublicityPushRequest>;
export const ZSuspendRequest = z.strictObject({ ruleId: z.string().max(64), from: date, to: date, reason: text(200) });
export const ZCatalogueRequest = z.strictObject({
  validFrom: date,
  criteria: z.array(z.enum(majorCriterionIds)).min(1),
  documentNumber: text(100).nullish(),
  note: text(500).nullish(),
});

/** GET /api/cases/statistics: decision dates from–to (inclusive) */
export const ZCaseStatisticsQuery = z.strictObject({ from: date.optional(), to: date.optional() });

export const ZCaseListQuery = z.strictObject({
  state: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  procedure: z.enum(['ordinary', 'summary']).optional(),
  inbox: z.enum(['mine', 'review', 'approve']).optional(),
  /** a date range on one of the case's dates (收到线索, 立案, 决定), inclusive */
  dateField: z.enum(['received', 'filed', 'decided']).default('received'),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
