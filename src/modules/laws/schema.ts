import { z } from 'zod';
import { lawLevels, lawStatuses } from '../../domain/lawMetadata.ts';
import { ZDate } from '../../platform/schema.ts';

export const ZLawLevel = z.enum(lawLevels);
export const ZLawStatus = z.enum(lawStatuses);
const ZDiffOp = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });

// ── requests ──
export const ZImportLawRequest = z.strictObject({
  fileName: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(4_000_000),
  level: ZLawLevel.optional(),
});

export const ZRepealRequest = z.strictObject({
  repealedOn: ZDate,
  note: z.string().trim().min(2).max(500),
});

export const ZClearFlagRequest = z.strictObject({ note: z.string().trim().min(2).max(500) });

export const ZSearchQuery = z.strictObject({
  q: z.string().trim().min(1, { message: '请输入检索词' }).max(200, { message: '检索词不能超过 200 个字符' }),
  level: ZLawLevel.optional(),
  status: ZLawStatus.optional(),
  issuer: z.string().trim().max(100).optional(),
  sourceId: z.string().trim().max(100).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const ZListLawsQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  level: ZLawLevel.optional(),
  status: ZLawStatus.optional(),
});

export const ZFlagsQuery = z.strictObject({
  status: z.enum(['open', 'cleared', 'all']).default('open'),
  subjectType: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

// ── responses ──
export const ZLawVersion = z.object({
  id: z.string(),
  sourceId: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  versionDate: z.string(),
  docNumber: z.string().nullable(),
  promulgatedOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  repealedOn: z.string().nullable(),
  status: ZLawStatus,
  statusLabel: z.string(),
  articleCount: z.number(),
  history: z.array(z.object({ date: z.string(), event: z.string() })),
});
export type TLawVersion = z.infer<typeof ZLawVersion>;

export const ZLawAbilities = z.object({ read: z.boolean(), import: z.boolean(), repeal: z.boolean(), viewRecord: z.boolean() });

export const ZLawSource = z.object({
  id: z.string(),
  title: z.string(),
  level: ZLawLevel,
  levelLabel: z.string(),
  issuer: z.string().nullable(),
  /** the status of the latest version */
  status: ZLawStatus,
  statusLabel: z.string(),
  currentVersionId: z.string(),
  versions: z.array(ZLawVersion),
  abilities: ZLawAbilities,
});
export type TLawSource = z.infer<typeof ZLawSource>;

export const ZLawSourceDetail = ZLawSource.extend({
  version: ZLawVersion,
  headings: z.array(
    z.object({
      seq: z.number(),
      kind: z.enum(['part', 'chapter', 'section']),
      label: z.string(),
      title: z.string(),
      firstArticleOrdinal: z.number().nullable(),
    }),
  ),
  articles: z.array(z.object({ id: z.string(), label: z.string(), ordinal: z.number(), suffix: z.number(), heading: z.string().nullable(), body: z.string() })),
});

export const ZArticle = z.object({
  id: z.string(),
  label: z.string(),
  ordinal: z.number(),
  suffix: z.number(),
  heading: z.string().nullable(),
  body: z.string(),
  paragraphs: z.array(z.object({ text: z.string(), items: z.array(z.object({ label: z.string(), text: z.string() })) })),
  source: z.object({ id: z.string(), title: z.string(), level: ZLawLevel, levelLabel: z.string(), issuer: z.string().nullable() }),
  version: ZLawVersion,
  previousId: z.string().nullable(),
  nextId: z.string().nullable(),
  /** the same article number in every version of the law, oldest first */
  versions: z.array(
    z.object({
      versionId: z.string(),
      versionDate: z.string(),
      status: ZLawStatus,
      statusLabel: z.string(),
      articleId: z.string().nullable(),
      sameText: z.boolean().nullable(),
    }),
  ),
  citedBy: z.number(),
  abilities: ZLawAbilities,
});
export type TArticle = z.infer<typeof ZArticle>;

const ZArticleRef = z.object({ id: z.string(), label: z.string(), sourceId: z.string(), title: z.string(), versionDate: z.string() });

export const ZArticleDiff = z.object({ from: ZArticleRef, to: ZArticleRef, identical: z.boolean(), ops: z.array(ZDiffOp) });

export const ZSearchHit = z.object({
  articleId: z.string(),
  label: z.string(),
  heading: z.string().nullable(),
  sourceId: z.string(),
  title: z.string(),
  level: ZLawLevel,
  levelLabel: z.string(),
  versionId: z.string(),
  versionDate: z.string(),
  versionStatus: ZLawStatus,
  statusLabel: z.string(),
  /** HTML: matches in <mark>, everything else escaped */
  snippet: z.string(),
  rank: z.number(),
});
export type TSearchHit = z.infer<typeof ZSearchHit>;

export const ZSearchResult = z.object({
  q: z.string(),
  /** index: tokens through the GIN index; substring: 1-character words only (matched literally, by the character index); none: nothing searchable in the query */
  mode: z.enum(['index', 'substring', 'none']),
  /** the number of hits, or when totalCapped a lower bound: more than this many (not counted, see search.ts) */
  total: z.number(),
  totalCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
  hits: z.array(ZSearchHit),
  /** laws whose title contains every word of the query */
  sources: z.array(z.object({ id: z.string(), title: z.string(), level: ZLawLevel, levelLabel: z.string() })),
  tookMs: z.number(),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;

const ZFlagArticle = ZArticleRef.extend({ body: z.string() });

export const ZBasisFlag = z.object({
  id: z.string(),
  subjectType: z.string(),
  subjectTypeLabel: z.string(),
  subjectId: z.string(),
  subjectTitle: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  article: ZFlagArticle,
  newArticle: ZFlagArticle.nullable(),
  change: z.enum(['amended', 'unchanged', 'removed', 'repealed']),
  changeLabel: z.string(),
  /** the text moved to another article number */
  renumbered: z.boolean(),
  diff: z.array(ZDiffOp).nullable(),
  raisedBy: z.object({ versionId: z.string(), title: z.string(), versionDate: z.string() }),
  status: z.enum(['open', 'cleared']),
  createdAt: z.string(),
  clearedAt: z.string().nullable(),
  clearedByName: z.string().nullable(),
  clearNote: z.string().nullable(),
  abilities: z.object({ read: z.boolean(), clear: z.boolean() }),
});
export type TBasisFlag = z.infer<typeof ZBasisFlag>;

export const ZBasisFlagList = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(ZBasisFlag) });

export const ZImportLawResult = z.object({
  versionId: z.string(),
  created: z.boolean(),
  articleCount: z.number(),
  sourceId: z.string(),
  title: z.string(),
  versionDate: z.string(),
  amendedVersionIds: z.array(z.string()),
  flagsRaised: z.number(),
  warnings: z.array(z.object({ line: z.number(), code: z.string(), message: z.string() })),
});
