/** Request and response schemas of the 重大行政决策 API (they generate the OpenAPI document). */
import { z } from 'zod';
import { ZCatalogueItem } from './transitions/inputs.ts';

export const ZId = z.object({ id: z.string().min(1).max(64) });

export const ZCatalogueCreate = z.strictObject({
  bodyId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  /** 第三条第三款 the body's 标准 */
  standard: z.string().trim().max(4000).default(''),
  items: z.array(ZCatalogueItem).min(1).max(200),
});

export const ZInitiate = z.strictObject({
  catalogueItemId: z.string().min(1).max(64),
  /** the 决策承办单位 (default the one the catalogue names) */
  unitId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(150).optional(),
  /** 决策草案 (第十二条) */
  draft: z.string().trim().min(1).max(100_000),
  /** 拟解决的主要问题、建议理由和依据、初步方案及其必要性、可行性 (第十条) */
  reasons: z.string().trim().min(1).max(20_000),
  /** 决策草案涉及市场主体经济活动 (第二十九条第（一）项: 公平竞争审查) */
  marketActivity: z.boolean(),
});

const ZTransitionRef = z.object({ id: z.string(), label: z.string() });
const ZMatterState = z.object({
  state: z.string(),
  stateLabel: z.string(),
  version: z.number().int(),
  final: z.boolean(),
  transitions: z.array(ZTransitionRef),
});

export const ZCatalogueItemOut = z.object({
  id: z.string(),
  seq: z.number().int(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  planned: z.string(),
  note: z.string(),
  status: z.enum(['listed', 'removed']),
  adjustment: z.object({ kind: z.enum(['added', 'removed']), reason: z.string(), on: z.string() }).nullable(),
  decisionId: z.string().nullable(),
});

export const ZCatalogue = z.object({
  id: z.string(),
  bodyId: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  standard: z.string(),
  approval: z.object({ approvedOn: z.string(), approvedBy: z.string(), document: z.string() }).nullable(),
  publishedOn: z.string().nullable(),
  matter: ZMatterState,
  items: z.array(ZCatalogueItemOut),
  abilities: z.object({ manage: z.boolean() }),
});

export const ZCatalogueSummary = z.object({
  id: z.string(),
  bodyName: z.string(),
  year: z.number().int(),
  title: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  items: z.number().int(),
  publishedOn: z.string().nullable(),
});

export const ZDecisionSummary = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  bodyName: z.string(),
  unitName: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  publishedOn: z.string().nullable(),
});

const ZStep = z.object({
  key: z.enum(['participation', 'expert', 'risk', 'fairCompetition', 'legality', 'discussion', 'publication', 'execution', 'evaluation', 'archive']),
  label: z.string(),
  status: z.enum(['pending', 'running', 'done', 'skipped', 'notRequired']),
  articles: z.string(),
  summary: z.string(),
});

const ZStepData = z.record(z.string(), z.unknown()).nullable();

export const ZDecision = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  bodyId: z.string(),
  bodyName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  catalogue: z.object({ id: z.string(), title: z.string(), seq: z.number().int(), itemTitle: z.string(), category: z.string() }),
  draft: z.string(),
  reasons: z.string(),
  marketActivity: z.boolean(),
  consultationId: z.string().nullable(),
  legalityReviewId: z.string().nullable(),
  fairCompetitionReviewId: z.string().nullable(),
  participation: ZStepData,
  expert: ZStepData,
  risk: ZStepData,
  discussion: ZStepData,
  publication: ZStepData,
  execution: ZStepData,
  evaluation: ZStepData,
  archive: ZStepData,
  steps: z.array(ZStep),
  procedure: z.array(z.string()),
  instruments: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), issuedOn: z.string() })),
  matter: ZMatterState,
  abilities: z.object({ draft: z.boolean(), decide: z.boolean(), viewRecord: z.boolean() }),
});

export const ZArchive = z.object({
  decisionId: z.string(),
  title: z.string(),
  state: z.string(),
  archive: ZStepData,
  entries: z.array(
    z.object({
      seq: z.number().int().nullable(),
      recordedAt: z.string(),
      matterType: z.string(),
      matterId: z.string(),
      eventType: z.string(),
      eventLabel: z.string(),
      actor: z.string().nullable(),
      payloadHash: z.string(),
    }),
  ),
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      hashAlg: z.string(),
      contentHash: z.string(),
      uploadedAt: z.string(),
    }),
  ),
  instruments: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), issuedOn: z.string(), docxHash: z.string(), pdfHash: z.string() })),
});

// ─── public (portal) ────────────────────────────────────────────────────────
export const ZPublicCatalogue = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  body: z.string(),
  standard: z.string(),
  publishedOn: z.string(),
  items: z.array(
    z.object({ seq: z.number().int(), title: z.string(), category: z.string(), unit: z.string(), planned: z.string(), status: z.enum(['listed', 'removed']) }),
  ),
  adjustments: z.array(z.object({ on: z.string(), kind: z.enum(['added', 'removed']), seq: z.number().int(), title: z.string(), reason: z.string() })),
});

export const ZPublicDecision = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  publishedOn: z.string(),
  number: z.string(),
  text: z.string(),
  explanation: z.string(),
  publicOpinions: z.string(),
  expertOpinions: z.string(),
  catalogueYear: z.number().int(),
  catalogueSeq: z.number().int(),
});
export const ZPublicDecisionSummary = ZPublicDecision.pick({ id: true, title: true, body: true, publishedOn: true, number: true });
