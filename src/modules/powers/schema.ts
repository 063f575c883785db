import { z } from 'zod';
import { ARTICLE_ID_RE, powerCategoryIds, powerChangeReasonIds } from '../../domain/powers.ts';
import { ZDate } from '../../platform/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZArticleId = z.string().regex(ARTICLE_ID_RE, { message: '应为条文编号，如 食品安全法@2021-04-29#第一百二十四条' });

export const ZPowerStep = z.strictObject({ name: text(100), timeLimit: optionalText(100).transform((v) => v || null) });

/** What a version says; the legal basis is a list of article ids (never free text). */
export const ZPowerContentInput = z.strictObject({
  name: text(200),
  category: z.enum(powerCategoryIds),
  unitId: z.string().min(1).max(64),
  basis: z.array(ZArticleId).min(1, { message: '设定依据不能为空：每项职权都应有法律依据' }).max(50),
  responsibilities: z.array(text(2000)).min(1, { message: '责任事项不能为空' }).max(50),
  accountability: z.array(text(2000)).min(1, { message: '追责情形不能为空' }).max(50),
  steps: z.array(ZPowerStep).max(50).optional(),
  materials: z.array(text(2000)).max(100).optional(),
  timeLimit: optionalText(500),
  fee: optionalText(500),
  office: optionalText(500),
  phone: optionalText(100),
  remarks: optionalText(2000),
});
export type TPowerContentInput = z.infer<typeof ZPowerContentInput>;

/** 立改废 record: why, from when, approved by which leader. */
export const ZPowerChangeInput = z.strictObject({
  reason: z.enum(powerChangeReasonIds),
  note: text(1000),
  effectiveOn: ZDate,
  approverId: z.string().min(1).max(64),
});
export type TPowerChangeInput = z.infer<typeof ZPowerChangeInput>;

export const ZAddPowerItemRequest = z.strictObject({
  bodyId: z.string().min(1).max(64),
  code: z.string().trim().min(3).max(40),
  parentId: z.string().min(1).max(64).nullable().optional(),
  item: ZPowerContentInput,
  change: ZPowerChangeInput,
});
export type TAddPowerItemRequest = z.infer<typeof ZAddPowerItemRequest>;

export const ZAmendPowerItemRequest = z.strictObject({ item: ZPowerContentInput.partial(), change: ZPowerChangeInput });
export type TAmendPowerItemRequest = z.infer<typeof ZAmendPowerItemRequest>;

export const ZRemovePowerItemRequest = z.strictObject({ change: ZPowerChangeInput });

export const ZImportPowerListRequest = z.strictObject({
  /** the .xlsx file, base64-encoded (at most 8 MiB after decoding) */
  fileBase64: z.string().min(1).max(12_000_000),
  fileName: z.string().max(200).optional(),
  reason: z.enum(powerChangeReasonIds),
  note: text(1000),
  effectiveOn: ZDate,
  approverId: z.string().min(1).max(64),
  /** check the file and report what would change, without writing */
  dryRun: z.boolean().optional(),
});
export type TImportPowerListRequest = z.infer<typeof ZImportPowerListRequest>;

export const ZPowerListQuery = z.strictObject({
  bodyId: z.string().max(64).optional(),
  unitId: z.string().max(64).optional(),
  category: z.enum(powerCategoryIds).optional(),
  q: z.string().max(50).optional(),
  asOf: ZDate.optional(),
});

// ─── responses ───────────────────────────────────────────────────────────
export const ZCitedArticle = z.object({
  articleId: z.string(),
  label: z.string(),
  lawTitle: z.string(),
  sourceId: z.string(),
  versionDate: z.string(),
  /** status of the cited law version: effective | amended | repealed | notYetEffective */
  versionStatus: z.string(),
});

export const ZPowerStepOut = z.object({ name: z.string(), timeLimit: z.string().nullable() });

export const ZPowerAbilities = z.object({ read: z.boolean(), amend: z.boolean(), remove: z.boolean(), viewRecord: z.boolean() });

export const ZPowerItem = z.object({
  id: z.string(),
  code: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  parentId: z.string().nullable(),
  versionId: z.string(),
  versionNo: z.number(),
  validFrom: z.string(),
  /** exclusive: the day the next version takes effect; null = open-ended */
  validTo: z.string().nullable(),
  name: z.string(),
  category: z.enum(powerCategoryIds),
  categoryLabel: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  basis: z.array(ZCitedArticle),
  responsibilities: z.array(z.string()),
  accountability: z.array(z.string()),
  steps: z.array(ZPowerStepOut),
  materials: z.array(z.string()),
  timeLimit: z.string().nullable(),
  fee: z.string().nullable(),
  office: z.string().nullable(),
  phone: z.string().nullable(),
  remarks: z.string().nullable(),
  abilities: ZPowerAbilities,
});
export type TPowerItem = z.infer<typeof ZPowerItem>;

export const ZPowerVersion = z.object({
  versionId: z.string(),
  versionNo: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  removed: z.boolean(),
  name: z.string(),
  category: z.string(),
  unitName: z.string(),
  basis: z.array(z.string()),
  changedFields: z.array(z.string()),
  change: z.object({
    id: z.string(),
    kind: z.enum(['add', 'amend', 'remove']),
    kindLabel: z.string(),
    reason: z.enum(powerChangeReasonIds),
    reasonLabel: z.string(),
    note: z.string(),
    effectiveOn: z.string(),
    approver: z.object({ id: z.string(), name: z.string() }),
    requestedBy: z.object({ id: z.string().nullable(), name: z.string() }),
    importBatch: z.string().nullable(),
    recordedAt: z.string(),
  }),
});

export const ZBasisFlag = z.object({
  id: z.string(),
  articleId: z.string(),
  newArticleId: z.string().nullable(),
  change: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

export const ZPowerItemDetail = ZPowerItem.extend({
  /** the displayed version is in effect on asOf (false: it is the latest, shown because none is in effect) */
  inEffect: z.boolean(),
  removed: z.boolean(),
  asOf: z.string(),
  parent: z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable(),
  subItems: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  versions: z.array(ZPowerVersion),
  basisFlags: z.array(ZBasisFlag),
});
export type TPowerItemDetail = z.infer<typeof ZPowerItemDetail>;

export const ZPowerSummary = z.object({
  asOf: z.string(),
  bodyId: z.string().nullable(),
  total: z.number(),
  items: z.number(),
  subItems: z.number(),
  categories: z.array(z.object({ category: z.enum(powerCategoryIds), label: z.string(), items: z.number(), subItems: z.number() })),
});

export const ZPowerBody = z.object({
  id: z.string(),
  name: z.string(),
  divisionCode: z.string().nullable(),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  abilities: z.object({ add: z.boolean() }),
});

export const ZImportRowError = z.object({ row: z.number(), column: z.string(), message: z.string() });

export const ZImportPowerListResult = z.object({
  dryRun: z.boolean(),
  batchId: z.string().nullable(),
  added: z.number(),
  amended: z.number(),
  unchanged: z.number(),
  rows: z.array(z.object({ row: z.number(), code: z.string(), action: z.enum(['add', 'amend', 'unchanged']), itemId: z.string().nullable() })),
  warnings: z.array(z.object({ row: z.number(), code: z.string(), message: z.string() })),
});
