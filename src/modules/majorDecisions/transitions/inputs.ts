/**
 * The input of each transition of the two workflows (决策事项目录, 重大行政决策), as the engine parses it (400
 * VALIDATION_FAILED before any guard runs) and as the API documents it: one schema per transition name.
 */
import { z } from 'zod';
import {
  decisionCategories,
  expertMethods,
  expertSkipGrounds,
  meetingKinds,
  memberOpinions,
  participationMethods,
  participationSkipGrounds,
  postEvaluationConclusions,
  postEvaluationGrounds,
  riskConclusions,
  riskLevels,
  riskSkipGrounds,
} from '../../../domain/majorDecisions/rules.ts';
import { ZDate } from '../../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const oneOf = <T extends Record<string, string>>(t: T) => z.enum(Object.keys(t) as [keyof T & string, ...(keyof T & string)[]]);

/** One item of a catalogue (第三条第一款 the kind of item; 第十一条 the proposed undertaking unit). */
export const ZCatalogueItem = z.strictObject({
  title: text(200),
  category: oneOf(decisionCategories),
  unitId: z.string().min(1).max(64),
  planned: z.string().trim().max(100).default(''),
  note: z.string().trim().max(1000).default(''),
});

export const catalogueInputs = {
  /** 草拟阶段修改目录事项 */
  reviseCatalogue: z.strictObject({ items: z.array(ZCatalogueItem).min(1).max(200), standard: optText(4000) }),
  /** 第三条第三款 "经同级党委同意" */
  approveCatalogue: z.strictObject({ approvedOn: ZDate, approvedBy: text(200), document: text(200) }),
  /** 第三条第三款 "向社会公布" */
  publishCatalogue: z.strictObject({ publishedOn: ZDate.optional() }),
  /** 第三条第三款 "根据实际情况调整" */
  adjustCatalogue: z.strictObject({
    adjustedOn: ZDate,
    reason: text(1000),
    add: z.array(ZCatalogueItem).max(50).default([]),
    removeItemIds: z.array(z.string().min(1).max(64)).max(50).default([]),
  }),
} as const;

const ZExpert = z.strictObject({
  name: text(100),
  organisation: text(200),
  opinion: text(4000),
  /** 第二十条 "不得选择与决策事项有直接利害关系的专家、专业机构" */
  noDirectInterest: z.boolean(),
});

const ZMember = z.strictObject({ name: text(100), opinion: oneOf(memberOpinions), remarks: z.string().trim().max(2000).default('') });

/** 集体讨论决定 (第三十条): the meeting, each member's opinion, the head's opinion last, the minutes. */
const ZDiscussion = z.strictObject({
  meetingKind: oneOf(meetingKinds),
  meetingName: text(200),
  heldOn: ZDate,
  head: text(100),
  members: z.array(ZMember).min(1).max(50),
  headOpinion: text(4000),
  headReason: optText(4000),
  minutes: text(20000),
});

export const decisionInputs = {
  /** 第十五条 向社会公开征求意见 (through the consultation module) */
  openPublicComment: z.strictObject({
    text: text(100_000),
    startsOn: ZDate.optional(),
    days: z.number().int().min(1).max(365),
    shortenedReason: optText(2000),
  }),
  /** 第十四条第二款 other ways of hearing opinions; a 听证会 with 第十六条、第十七条 */
  recordParticipation: z.strictObject({
    method: oneOf(participationMethods),
    heldOn: ZDate,
    place: text(200),
    participants: text(4000),
    summary: text(20_000),
    /** 听证会: 第十六条第二款 材料提前公布 */
    materialsPublishedOn: ZDate.optional(),
    /** 听证会: 第十六条第三款 "听证会材料应当于召开听证会7日前送达听证参加人" */
    materialsDeliveredOn: ZDate.optional(),
    /** 听证会: 第十七条（三）"听证参加人确认听证会记录并签字" */
    recordSigned: z.boolean().optional(),
  }),
  /** 第十八条 意见的归纳整理、研究论证和采纳 */
  concludeParticipation: z.strictObject({ adoption: text(20_000) }),
  /** 第十四条第一款 "依法不予公开的决策事项除外" */
  skipParticipation: z.strictObject({ ground: oneOf(participationSkipGrounds), reason: text(2000) }),
  /** 第十九条–第二十一条 */
  recordExpertArgument: z.strictObject({
    method: oneOf(expertMethods),
    heldOn: ZDate,
    experts: z.array(ZExpert).min(1).max(50),
    adoption: text(20_000),
  }),
  skipExpertArgument: z.strictObject({ ground: oneOf(expertSkipGrounds), reason: text(2000) }),
  /** 第二十二条–第二十四条 */
  recordRiskAssessment: z.strictObject({
    assessor: text(200),
    methods: text(2000),
    departmentsHeard: text(4000),
    riskPoints: z.array(text(1000)).min(1).max(50),
    level: oneOf(riskLevels),
    measures: text(20_000),
    conclusion: oneOf(riskConclusions),
    measuresTaken: optText(20_000),
  }),
  skipRiskAssessment: z.strictObject({ ground: oneOf(riskSkipGrounds), reason: text(2000), priorAssessment: optText(1000) }),
  /** 第二十九条（一）涉及市场主体经济活动的，公平竞争审查 (through the fair-competition module) */
  requestFairCompetitionReview: z.strictObject({ text: text(100_000) }),
  /** 第二十五条、第二十六条 送请合法性审查 */
  requestLegalityReview: z.strictObject({
    materials: text(9000),
    procedureNote: text(9000),
    materialFileIds: z.array(z.string().min(1).max(64)).max(50).optional(),
  }),
  /** 第二十八条 "决策承办单位根据合法性审查意见进行必要的调整或者补充" */
  reviseDraft: z.strictObject({ draft: text(100_000), note: text(4000) }),
  decide: ZDiscussion,
  decline: ZDiscussion,
  /** 第三十二条 公布, 第三十一条 出台前向同级党委请示报告 */
  publish: z.strictObject({
    text: text(100_000),
    explanation: text(20_000),
    publicOpinions: optText(20_000),
    expertOpinions: optText(20_000),
    partyCommitteeReport: text(2000),
    publishedOn: ZDate.optional(),
  }),
  /** 第三十四条 决策执行单位 */
  assignExecution: z.strictObject({ executionUnitId: z.string().min(1).max(64), tasks: text(4000) }),
  /** 第三十四条 执行情况报告；第三十五条 问题报告 */
  reportExecution: z.strictObject({ reportedOn: ZDate, progress: text(20_000), problems: optText(20_000) }),
  /** 第三十六条 */
  startPostEvaluation: z.strictObject({
    ground: oneOf(postEvaluationGrounds),
    evaluator: text(200),
    thirdParty: z.boolean(),
    plan: text(4000),
  }),
  concludePostEvaluation: z.strictObject({
    concludedOn: ZDate,
    publicHeard: text(4000),
    findings: text(20_000),
    conclusion: oneOf(postEvaluationConclusions),
  }),
  /** 第三十三条 归档 */
  archive: z.strictObject({ archivedOn: ZDate, archiveNo: text(100) }),
} as const;

export type DecisionTransition = keyof typeof decisionInputs;
export type DecisionInput<T extends DecisionTransition> = z.output<(typeof decisionInputs)[T]>;
export type CatalogueTransition = keyof typeof catalogueInputs;
