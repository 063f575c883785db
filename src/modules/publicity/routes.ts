/**
 * 行政执法公示 API. Staff: the publications of the bodies above or in the caller's org, a
 * publication's file, its workflow transitions, the supervision overview (late and missing
 * publications, the publication rate per body) and the 双公示 export. Public (no login): the
 * decision search, a decision, its proofs, bodies, officers, statistics.
 */
import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';
import { publicationStates, publishedKinds, type PublicationState } from '../../domain/publicity/rules.ts';
import { logAccess } from '../../platform/audit/access.ts';
import { type AppContext, readsOf } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, creditExportPolicy, roleLabels, type Principal } from '../../platform/policies.ts';
import { enforcementBodyOf } from '../../platform/orgs.ts';
import { findMatter, transition, type MatterRow } from '../../platform/workflow/engine.ts';
import { creditExportAbilities, publicationAbilities } from './access.ts';
import { createCreditExport, exportContentTypes, findExport } from './export.ts';
import { publicDetail, publicProof, searchPublications, ZProofDocument, ZPublicDetail, ZSearchQuery, ZSearchResult } from './public.ts';
import { cachedPublicStatistics, publicBodies, publicOfficers, ZPublicBody, ZPublicOfficers, ZPublicStatistics } from './publicDirectory.ts';
import { creditExports, listPublications, publicationDetail, publicityOverview } from './queries.ts';
import { ZCreditExport, ZCreditExportCreated, ZOverview, ZPublicationDetail, ZPublicationList } from './responses.ts';
import { findPublication, type PublicationRow } from './store.ts';
import { publicationWorkflowV1 } from './workflow.ts';
import { fileAnswer } from '../record/index.ts';
import { publicationInputs } from './transitions/inputs.ts';

const tags = ['行政执法公示'];
const publicTags = ['行政执法公示（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const date = ZDate;

// one schema per transition, declared with the transitions (the engine parses with the same ones)
export { publicationInputs };
type TransitionName = keyof typeof publicationInputs;

export function registerPublicityRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  // the public reads (not the proof, which may sign a tree head): the read replica when one is configured and fresh enough
  const reads = readsOf(ctx);

  /** 404 unless the publication's policy lets the caller see it, then 403 unless it grants `ability`. */
  const visiblePublication = async (p: Principal, id: string, ability?: 'transition'): Promise<{ row: PublicationRow; matter: MatterRow }> => {
    const row = await findPublication(db, id);
    const matter = row && (await findMatter(db, id));
    if (!row || !matter) throw notFound('公示信息');
    authorize(await publicationAbilities(ctx.registry, db, p, row), ability, '公示信息');
    return { row, matter };
  };

  /** A publication as the staff console shows it (the detail and every transition's answer). */

  app.get(
    '/api/publicity/publications',
    {
      schema: {
        tags,
        summary: '公示信息列表（本机关及上级机关）',
        querystring: z.strictObject({
          state: z.enum(Object.keys(publicationStates) as [PublicationState]).optional(),
          q: z.string().max(100).optional(),
          kind: z.enum(publishedKinds).optional(),
          /** 决定日期 from–to, inclusive */
          from: ZDate.optional(),
          to: ZDate.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: ZPublicationList, ...errorResponses },
      },
    },
    async (req) => listPublications(db, principal(req), req.query),
  );

  app.get(
    '/api/publicity/publications/:id',
    {
      schema: { tags, summary: '公示信息详情：各版本、期限、可办理的环节', params: ZId, response: { 200: ZPublicationDetail, ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      const { row, matter } = await visiblePublication(p, req.params.id);
      return publicationDetail(ctx.registry, db, p, row, matter);
    },
  );

  // one operation per transition, its body validated by the transition's own input schema; whoever does not see
  // the publication gets 404 (403 without the ability) before the body is looked at, whatever it holds
  const wf = publicationWorkflowV1;
  for (const name of Object.keys(publicationInputs) as TransitionName[]) {
    const t = wf.transitions[name];
    const input: z.ZodType = publicationInputs[name];
    app.post(
      `/api/publicity/publications/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          await visiblePublication(principal(req), (req.params as { id: string }).id, 'transition');
        },
        schema: {
          tags,
          operationId: `publicationTransition_${name}`,
          summary: `办理公示环节：${t?.label ?? name}`,
          description: t
            ? `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`
            : undefined,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: date.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZPublicationDetail, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
        const m = await transition(ctx, p, {
          matterId: req.params.id,
          transition: name,
          expectedVersion: body.expectedVersion,
          input: body.input,
          date: body.date,
        });
        return publicationDetail(ctx.registry, db, p, (await findPublication(db, m.id))!, m);
      },
    );
  }

  // any other name: 400 as before (the name is not one of the transitions)
  app.post(
    '/api/publicity/publications/:id/transitions/:name',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(64), name: z.enum(Object.keys(publicationInputs) as [TransitionName]) }),
        body: z.strictObject({ expectedVersion: z.number().int().min(0), input: z.unknown().optional(), date: date.optional() }),
        response: { 200: ZPublicationDetail, ...errorResponses },
      },
    },
    async (req) => {
      throw new AppError('TRANSITION_UNKNOWN', `公示信息没有名为“${req.params.name}”的环节`);
    },
  );

  app.get(
    '/api/publicity/overview',
    {
      schema: { tags, summary: '公示监督：逾期和缺失的公示、各机关公示率', response: { 200: ZOverview, ...errorResponses } },
    },
    async (req) => publicityOverview(ctx.registry, db, principal(req)),
  );

  app.post(
    '/api/publicity/credit-exports',
    {
      schema: {
        tags,
        summary: '导出双公示数据（增量：上次导出后新增、更正、撤回的行政处罚信息；逐项校验，出错的行列入错误报告）',
        body: z.strictObject({ bodyId: z.string().max(64).optional(), format: z.enum(['xlsx', 'csv', 'json']).default('xlsx') }),
        response: { 201: ZCreditExportCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      // by default the enforcement body the caller acts under
      const bodyId = req.body.bodyId ?? (await enforcementBodyOf(db, p.orgId));
      if (!bodyId) throw notFound('执法主体');
      const abilities = await creditExportAbilities(db, p, bodyId);
      if (!abilities.read) throw notFound('执法主体');
      if (!abilities.create) throw forbidden('只有系统管理员、局领导和法制审核人员可以导出双公示数据');
      // the file holds natural persons' full resident ids: its creation is in the access log, in the same transaction
      const r = await createCreditExport(ctx, p, bodyId, req.body.format, (tx, e) =>
        logAccess(tx, req, {
          action: 'creditExport.create',
          resourceType: 'creditExport',
          resourceId: e.id,
          matter: { type: 'org', id: bodyId },
          subject: null,
          note: `${e.bodyName}：${e.items} 条行政处罚信息（${req.body.format}）`,
        }),
      );
      reply.status(201);
      return { ...r, downloadUrl: `/api/publicity/credit-exports/${r.id}/file` };
    },
  );

  app.get(
    '/api/publicity/credit-exports',
    {
      schema: {
        tags,
        summary: '双公示导出记录（本机关及上级机关）',
        response: {
          200: z.object({ items: z.array(ZCreditExport) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!creditExportPolicy(p, { id: p.orgId }, p.orgId).list) throw forbidden('只有系统管理员、局领导和法制审核人员可以查看双公示导出');
      return creditExports(db, p);
    },
  );

  const exportFile = fileAnswer('双公示导出文件（.xlsx、.csv 或 .json）', ...Object.values(exportContentTypes));
  const fileSchema = { tags, summary: '下载双公示导出文件（记入访问日志）', params: ZId, response: { 200: exportFile, ...errorResponses } };
  app.get('/api/publicity/credit-exports/:id/file', { schema: fileSchema }, async (req, reply) => {
    const p = principal(req);
    const e = await findExport(db, req.params.id);
    const abilities = e && (await creditExportAbilities(db, p, e.bodyId));
    if (!e || !abilities?.read) throw notFound('导出文件');
    if (!abilities.download) throw forbidden('只有系统管理员、局领导和法制审核人员可以下载双公示导出文件');
    const items = (await db.query<{ n: number }>('select count(*)::int as n from credit_export_items where export_id = $1', [e.id])).rows[0].n;
    await logAccess(db, req, {
      action: 'creditExport.download',
      resourceType: 'creditExport',
      resourceId: e.id,
      matter: { type: 'org', id: e.bodyId },
      subject: null,
      note: `${items} 条行政处罚信息（${e.format}）`,
    });
    reply.header('content-type', exportContentTypes[e.format]);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`双公示-行政处罚-${e.id.slice(0, 8)}.${e.format}`)}`);
    return reply.send(ctx.blobs.read(e.fileHash) as never);
  });

  // ─── public (no login) ───
  app.get(
    '/api/public/publications',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '检索公示的行政处罚决定（公开）：当事人名称、统一社会信用代码、文号、违法行为全文检索，按机关、领域、日期筛选',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult, ...errorResponses },
      },
    },
    async (req) => searchPublications(reads, req.query),
  );

  app.get(
    '/api/public/publications/:id',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '一条公示信息（公开）：现行版本、历次更正、撤回', params: ZId, response: { 200: ZPublicDetail, ...errorResponses } },
    },
    async (req) => publicDetail(reads, req.params.id),
  );

  app.get(
    '/api/public/publications/:id/proof',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '公示记录条目的包含证明（公开）：可用 fazhi proof verify 离线核验',
        params: ZId,
        querystring: z.strictObject({ seq: z.coerce.number().int().min(0).optional() }),
        response: { 200: ZProofDocument, ...errorResponses },
      },
    },
    async (req, reply) => {
      const doc = await publicProof(ctx, req.params.id, req.query.seq);
      reply.header('content-disposition', `inline; filename="proof-${doc.entry.seq}.json"`);
      return doc;
    },
  );

  app.get(
    '/api/public/bodies',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '行政执法主体（公开）：名称、执法主体资格依据、持证执法人员数',
        response: { 200: z.object({ items: z.array(ZPublicBody) }), ...errorResponses },
      },
    },
    async () => ({ items: await publicBodies(reads) }),
  );

  app.get(
    '/api/public/officers',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '行政执法人员（公开）：姓名、执法证号、所在机构、执法领域',
        querystring: z.object({
          q: z.string().max(10_000).optional(),
          page: z.coerce.number().int().min(1).max(1000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: ZPublicOfficers, ...errorResponses },
      },
    },
    async (req) => publicOfficers(reads, req.query),
  );

  app.get(
    '/api/public/publicity-statistics',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '公示统计（公开）：按月、按领域、及时率', response: { 200: ZPublicStatistics, ...errorResponses } },
    },
    async () => cachedPublicStatistics(reads), // recomputed at most once a minute
  );
}
