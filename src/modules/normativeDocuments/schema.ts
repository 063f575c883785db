/** zod request schemas of the normative-document API (the OpenAPI document is generated from them). */
import { z } from 'zod';
import { cleanupKinds, cleanupOutcomes } from '../../domain/normativeDocuments/rules.ts';
import { ZFactDate } from '../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const id = z.string().min(1).max(64);

export const ZArticle = z.strictObject({
  chapter: z.string().trim().max(100).nullable().optional().describe('条文前的章标题，如“第一章 总则”'),
  text: text(5000).describe('条文内容（不含“第X条”，按顺序自动编号）'),
});

export const ZPlanInput = z.strictObject({
  bodyId: id.optional().describe('制定机关，默认当前用户所在的执法主体'),
  year: z.number().int().min(2000).max(2100),
  note: z.string().trim().max(2000).default(''),
});
export type TPlanInput = z.output<typeof ZPlanInput>;

export const ZPlanItemInput = z.strictObject({
  title: text(200),
  unitId: id.describe('起草单位'),
  reason: text(2000).describe('制定必要性和依据'),
  plannedQuarter: z.number().int().min(1).max(4).optional(),
});
export type TPlanItemInput = z.output<typeof ZPlanItemInput>;

const draftFields = {
  title: text(200),
  affectsRights: z.boolean().describe('是否涉及公民、法人和其他组织权利义务（须公开征求意见）'),
  concernsMarket: z.boolean().describe('是否涉及经营者经济活动（须公平竞争审查）'),
  provisional: z.boolean().optional().describe('暂行、试行（有效期较短）；默认按标题是否含“暂行”“试行”'),
  articles: z.array(ZArticle).min(1).max(300),
  necessity: text(10_000).describe('起草说明：制定的必要性、依据'),
  impact: text(10_000).describe('起草说明：主要内容及对相关方的影响'),
  citations: z.array(id.max(200)).max(100).default([]).describe('所依据的上位法条文（法律法规数据库条文编号）'),
};

export const ZDraftInput = z.strictObject({
  ...draftFields,
  unitId: id.describe('起草单位'),
  planItemId: id.optional().describe('制定计划中的项目'),
});
export type TDraftInput = z.output<typeof ZDraftInput>;

export const ZReviseInput = z.strictObject({ ...draftFields, expectedVersion: z.number().int().min(0) });
export type TReviseInput = z.output<typeof ZReviseInput>;

export const ZCleanupInput = z.strictObject({
  kind: z.enum(keys(cleanupKinds)),
  round: z.string().trim().max(200).default(''),
  outcome: z.enum(keys(cleanupOutcomes)),
  reason: text(5000),
  decidedOn: ZFactDate,
  flagIds: z.array(id).max(100).default([]),
  expectedVersion: z.number().int().min(0),
});
export type TCleanupInput = z.output<typeof ZCleanupInput>;
