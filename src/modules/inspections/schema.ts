/** Request and response schemas of 双随机、一公开 (also the OpenAPI description). */
import { z } from 'zod';
import { enforcementFieldIds } from '../../domain/certifiedDuty.ts';
import { ARTICLE_ID_RE } from '../../domain/powers.ts';
import { riskClasses } from '../../domain/inspections/targets.ts';
import { ZDate } from '../../platform/schema.ts';
import { findingIds, inspectionMethodIds, relationKinds } from './vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);
const ZRiskClass = z.enum(riskClasses);
const percent = (c: string) =>
  z
    .number({ message: `${c} 类抽查比例应为数字` })
    .min(0, { message: `${c} 类抽查比例不能为负` })
    .max(100, { message: `${c} 类抽查比例不能超过 100%` });

export const ZItemInput = z.strictObject({
  bodyId: id,
  code: z.string().trim().min(2).max(40),
  name: text(200),
  powerItemId: id.nullish(),
  subjectType: text(100),
  content: text(2000),
  method: z.enum(inspectionMethodIds),
  field: z.enum(enforcementFieldIds),
  ratioNote: z.string().trim().max(200).nullish(),
  frequency: z.string().trim().max(200).nullish(),
  basis: z
    .array(z.string().regex(ARTICLE_ID_RE, { message: '应为条文编号，如 食品安全法@2021-04-29#第一百一十条' }))
    .max(20)
    .default([]),
  published: z.boolean().optional(),
});
export type TItemInput = z.infer<typeof ZItemInput>;

export const ZItem = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  code: z.string(),
  name: z.string(),
  powerItemId: z.string().nullable(),
  subjectType: z.string(),
  content: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  field: z.string(),
  fieldLabel: z.string(),
  ratioNote: z.string().nullable(),
  frequency: z.string().nullable(),
  version: z.number(),
  published: z.boolean(),
  basis: z.array(z.string()),
});

export const ZTarget = z.object({
  id: z.string(),
  bodyId: z.string(),
  uscc: z.string(),
  name: z.string(),
  entityType: z.string(),
  legalRep: z.string().nullable(),
  address: z.string(),
  divisionCode: z.string(),
  industry: z.string(),
  licences: z.string(),
  riskClass: ZRiskClass,
  status: z.string(),
  usccFlagged: z.boolean(),
  updatedAt: z.string(),
});
export const ZTargetQuery = z.strictObject({
  bodyId: id.optional(),
  q: z.string().trim().max(100).optional(),
  riskClass: ZRiskClass.optional(),
  industry: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const ZTargetPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(ZTarget),
  facets: z.object({
    industries: z.array(z.object({ industry: z.string(), count: z.number() })),
    riskClasses: z.array(z.object({ riskClass: z.string(), count: z.number() })),
  }),
});

export const ZImportTargetsQuery = z.strictObject({
  bodyId: id,
  fileName: z.string().max(200).default('targets.xlsx'),
  dryRun: z.enum(['true', 'false']).optional(),
  fromRegister: z.enum(['true', 'false']).optional(),
  background: z.enum(['true', 'false']).optional(),
});
export const ZImportRowError = z.object({ row: z.number(), column: z.string(), message: z.string() });
export const ZImportTargetsResult = z.object({
  dryRun: z.boolean(),
  importId: z.string().nullable(),
  rows: z.number(),
  added: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  flagged: z.number(),
});
export const ZImportJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  result: ZImportTargetsResult.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});

export const ZInspector = z.object({
  officerId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  active: z.boolean(),
  available: z.boolean(),
  unavailableReason: z.string().nullable(),
  certificates: z.array(z.object({ number: z.string(), fields: z.array(z.string()), validTo: z.string(), status: z.string() })),
  eligible: z.boolean().nullable(),
  reason: z.string().nullable(),
  relations: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      kindLabel: z.string(),
      uscc: z.string().nullable(),
      address: z.string().nullable(),
      note: z.string(),
      declaredOn: z.string(),
    }),
  ),
});
export const ZInspectorQuery = z.strictObject({ bodyId: id.optional(), field: z.enum(enforcementFieldIds).optional(), date: ZDate.optional() });
export const ZAvailabilityInput = z.strictObject({ available: z.boolean(), reason: z.string().trim().max(200).nullish() });
export type TAvailabilityInput = z.infer<typeof ZAvailabilityInput>;
export const ZRelationInput = z.strictObject({
  kind: z.enum(relationKinds),
  uscc: z.string().trim().max(18).nullish(),
  address: z.string().trim().max(200).nullish(),
  note: text(500),
  declaredOn: ZDate,
});
export type TRelationInput = z.infer<typeof ZRelationInput>;

export const ZPlanInput = z.strictObject({
  bodyId: id,
  year: z.number().int().min(2000).max(2100),
  title: text(200),
  note: z.string().trim().max(2000).optional(),
});
export type TPlanInput = z.infer<typeof ZPlanInput>;

export const ZTaskInput = z
  .strictObject({
    planId: id,
    name: text(200),
    itemIds: z.array(id).min(1, { message: '至少选择一个抽查事项' }).max(20),
    jointOrgIds: z.array(id).max(20).default([]),
    filter: z.strictObject({
      industries: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
      divisionCodes: z
        .array(z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字' }))
        .max(50)
        .default([]),
      riskClasses: z.array(ZRiskClass).max(4).default([]),
    }),
    ratios: z.strictObject({ A: percent('A'), B: percent('B'), C: percent('C'), D: percent('D') }),
    /** 抽查户数: a fixed number of targets for a class instead of its ratio */
    targetCounts: z.partialRecord(ZRiskClass, z.number().int({ message: '抽查户数应为整数' }).min(0).max(1_000_000)).default({}),
    perTarget: z.number().int().min(2, { message: '每户检查人员不少于 2 名（行政处罚法 第四十二条）' }).max(5),
    differentUnits: z.boolean().default(true),
    excludeRecentDays: z.number().int().min(0).max(3650).default(0),
    periodStart: ZDate,
    periodEnd: ZDate,
  })
  .refine((t) => t.periodEnd >= t.periodStart, { message: '检查期间的结束日不能早于开始日', path: ['periodEnd'] });
export type TTaskInput = z.infer<typeof ZTaskInput>;

export const ZVersioned = z.strictObject({ expectedVersion: z.number().int().min(0) });
export const ZCommitInput = z.strictObject({ expectedVersion: z.number().int().min(0), publicAfter: z.string().datetime({ offset: true }).optional() });

export const ZResultInput = z.strictObject({
  targetId: id,
  inspectedOn: ZDate,
  checkedItems: z.array(text(200)).min(1, { message: '请勾选已检查的内容' }).max(50),
  finding: z.enum(findingIds),
  description: z.string().trim().max(5000).default(''),
  evidenceIds: z.array(id).max(50).default([]),
  lead: z.strictObject({ violationCode: text(40), note: z.string().trim().max(1000).default('') }).nullish(),
});
export type TResultInput = z.infer<typeof ZResultInput>;

const ZTransition = z.object({ id: z.string(), label: z.string() });
export const ZTask = z.object({
  id: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  year: z.number(),
  bodyId: z.string(),
  bodyName: z.string(),
  name: z.string(),
  itemIds: z.array(z.string()),
  items: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), content: z.string() })),
  field: z.string(),
  fieldLabel: z.string(),
  jointOrgIds: z.array(z.string()),
  filter: z.object({ industries: z.array(z.string()), divisionCodes: z.array(z.string()), riskClasses: z.array(z.string()) }),
  ratios: z.record(z.string(), z.number()),
  targetCounts: z.record(z.string(), z.number()),
  perTarget: z.number(),
  differentUnits: z.boolean(),
  excludeRecentDays: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  version: z.number(),
  transitions: z.array(ZTransition),
  abilities: z.object({ manage: z.boolean(), enterResults: z.boolean(), viewRecord: z.boolean() }),
  draw: z
    .object({
      algorithm: z.string(),
      hashAlg: z.string(),
      candidatesDigest: z.string(),
      commitment: z.string(),
      committedAt: z.string(),
      publicAfter: z.string(),
      targetCount: z.number(),
      inspectorCount: z.number(),
      excluded: z.array(z.object({ officerId: z.string(), name: z.string(), orgName: z.string(), code: z.string(), reason: z.string() })),
      drawnAt: z.string().nullable(),
      treeHeadId: z.number().nullable(),
      treeSize: z.number().nullable(),
      publicValue: z.string().nullable(),
      seed: z.string().nullable(),
      secret: z.string().nullable(),
      unstaffed: z.array(z.object({ targetId: z.string(), message: z.string() })),
    })
    .nullable(),
  counts: z.object({ drawn: z.number(), entered: z.number(), problems: z.number(), leads: z.number() }),
  publication: z
    .object({
      id: z.string(),
      dueDate: z.string(),
      status: z.string(),
      resultsFormedOn: z.string(),
      publishedAt: z.string().nullable(),
      contentHash: z.string().nullable(),
    })
    .nullable(),
});
export const ZAssignment = z.object({
  targetId: z.string(),
  uscc: z.string(),
  name: z.string(),
  address: z.string(),
  industry: z.string(),
  riskClass: z.string(),
  seq: z.number(),
  inspectors: z.array(z.object({ officerId: z.string(), name: z.string(), orgName: z.string() })),
  result: z
    .object({
      id: z.string(),
      finding: z.string(),
      findingLabel: z.string(),
      inspectedOn: z.string(),
      checkedItems: z.array(z.string()),
      description: z.string(),
      evidenceIds: z.array(z.string()),
      leadRequested: z.boolean(),
      leadViolation: z.string().nullable(),
      leadId: z.string().nullable(),
    })
    .nullable(),
  mine: z.boolean(),
});
export const ZPlan = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number(),
  title: z.string(),
  note: z.string(),
  tasks: z.array(z.object({ id: z.string(), name: z.string(), state: z.string(), stateLabel: z.string(), periodStart: z.string(), periodEnd: z.string() })),
  abilities: z.object({ manage: z.boolean() }),
});
export const ZMyAssignment = ZAssignment.extend({
  taskId: z.string(),
  taskName: z.string(),
  checkedItemOptions: z.array(z.string()),
  periodStart: z.string(),
  periodEnd: z.string(),
});

export const ZStatsQuery = z.strictObject({ bodyId: id.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() });
const ZRate = z.object({ key: z.string(), label: z.string(), pool: z.number(), drawn: z.number(), inspected: z.number(), problems: z.number() });
export const ZStats = z.object({
  year: z.number(),
  tasks: z.number(),
  published: z.number(),
  pool: z.number(),
  drawn: z.number(),
  inspected: z.number(),
  problems: z.number(),
  leads: z.number(),
  coverage: z.number(),
  problemRate: z.number(),
  byIndustry: z.array(ZRate),
  byRiskClass: z.array(ZRate),
  publications: z.object({ pending: z.number(), overdue: z.number(), onTime: z.number(), late: z.number() }),
});

export const ZDrawCheck = z.object({
  ok: z.boolean(),
  revealed: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});
