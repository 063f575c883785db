/** The request schemas of 行政复议 and 行政应诉 (the transitions' inputs are in transitions/inputs.ts). */
import { z } from 'zod';
import { ZDate, ZFactDate } from '../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The act the remedy is brought against: a matter of any type of the registry (a case, a disclosure answer …). */
export const ZRemedySubject = z.strictObject({ type: z.string().trim().min(1).max(64), id: z.string().trim().min(1).max(64) });

export const ZRegisterReconsideration = z.strictObject({
  subject: ZRemedySubject,
  applicant: text(200),
  reviewingBody: text(200).describe('行政复议机关'),
  fileNumber: z.string().trim().max(100).optional().describe('行政复议案号'),
  request: text(4000).describe('行政复议请求及理由'),
  receivedOn: ZFactDate.describe('收到行政复议申请书副本（申请笔录复印件）之日'),
  filedOn: ZFactDate.optional().describe('申请人提出申请之日（默认同收到之日）'),
  lawVersion: z.enum(['2023', '2017']).optional().describe('适用的行政复议法：2024年1月1日前受理的适用2017年法'),
  selfDecided: z.boolean().optional().describe('由本机关作为行政复议机关办理（2017年法，仅登记历史）'),
});

export const ZRegisterLawsuit = z.strictObject({
  subject: ZRemedySubject,
  plaintiff: text(200),
  court: text(200),
  fileNumber: z.string().trim().max(100).optional().describe('案号'),
  claims: text(4000).describe('诉讼请求'),
  receivedOn: ZFactDate.describe('收到起诉状副本之日'),
  filedOn: ZFactDate.optional().describe('原告起诉之日（默认同收到之日）'),
  afterReconsiderationId: z.string().trim().min(1).max(64).optional().describe('经行政复议的，复议案件'),
});

export const ZRemedyListQuery = z.strictObject({
  subjectType: z.string().trim().min(1).max(64).optional(),
  subjectId: z.string().trim().min(1).max(64).optional(),
  state: z.string().trim().min(1).max(32).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export { ZDate };
