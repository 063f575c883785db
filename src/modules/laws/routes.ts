import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { clearBasisFlag } from './commands/clear-basis-flag.ts';
import { importLaw } from './commands/import-law.ts';
import { repealVersion } from './commands/repeal-version.ts';
import { listBasisFlags } from './flags.ts';
import { articleDiff, getArticle, getSource, listSources, searchLaws } from './queries.ts';
import {
  ZArticle,
  ZArticleDiff,
  ZBasisFlag,
  ZBasisFlagList,
  ZClearFlagRequest,
  ZFlagsQuery,
  ZImportLawRequest,
  ZImportLawResult,
  ZLawSource,
  ZLawSourceDetail,
  ZListLawsQuery,
  ZRepealRequest,
  ZSearchQuery,
  ZSearchResult,
} from './schema.ts';

const tags = ['法律法规'];
const ZId = z.object({ id: z.string().min(1).max(200) });

export function registerLawRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/laws/search',
    {
      schema: {
        tags,
        summary: '法律法规全文检索（标题和条文，中文按二元分词）',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult, ...errorResponses },
      },
    },
    async (req) => {
      principal(req);
      return searchLaws(ctx.db, req.query);
    },
  );

  app.get(
    '/api/laws',
    {
      schema: {
        tags,
        summary: '法律法规及其版本',
        querystring: ZListLawsQuery,
        response: { 200: z.object({ items: z.array(ZLawSource) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listSources(ctx.db, principal(req), req.query) }),
  );

  app.get(
    '/api/laws/sources/:id',
    {
      schema: {
        tags,
        summary: '一部法律法规：版本、章节和条文（默认最新版本）',
        params: ZId,
        querystring: z.strictObject({ version: z.string().max(200).optional() }),
        response: { 200: ZLawSourceDetail, ...errorResponses },
      },
    },
    async (req) => getSource(ctx.db, principal(req), req.params.id, req.query.version),
  );

  app.get(
    '/api/laws/articles/:id',
    {
      schema: { tags, summary: '条文：款、项，前后条，各版本中的同一条', params: ZId, response: { 200: ZArticle, ...errorResponses } },
    },
    async (req) => getArticle(ctx.db, principal(req), req.params.id),
  );

  app.get(
    '/api/laws/articles/:id/diff',
    {
      schema: {
        tags,
        summary: '同一条文两个版本的逐字比较',
        params: ZId,
        querystring: z.strictObject({ with: z.string().min(1).max(200) }),
        response: { 200: ZArticleDiff, ...errorResponses },
      },
    },
    async (req) => {
      principal(req);
      return articleDiff(ctx.db, req.params.id, req.query.with);
    },
  );

  app.post(
    '/api/laws/import',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: '导入法律法规文本（Markdown，系统管理员、法制审核人员）；有问题时返回 422 并列出每一处及其行号',
        body: ZImportLawRequest,
        response: { 200: ZImportLawResult, 201: ZImportLawResult, ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await importLaw(ctx, principal(req), req.body);
      reply.status(r.created ? 201 : 200);
      return r;
    },
  );

  app.post(
    '/api/laws/versions/:id/repeal',
    {
      schema: {
        tags,
        summary: '废止法律法规版本（系统管理员、法制审核人员）；引用其条文的事项生成依据变更提示',
        params: ZId,
        body: ZRepealRequest,
        response: { 200: z.object({ versionId: z.string(), flagsRaised: z.number() }), ...errorResponses },
      },
    },
    async (req) => ({ versionId: req.params.id, ...(await repealVersion(ctx, principal(req), req.params.id, req.body)) }),
  );

  app.get(
    '/api/laws/basis-flags',
    {
      schema: { tags, summary: '依据变更待处理清单（含条文新旧对照）', querystring: ZFlagsQuery, response: { 200: ZBasisFlagList, ...errorResponses } },
    },
    async (req) => listBasisFlags(ctx.registry, ctx.db, principal(req), req.query),
  );

  app.post(
    '/api/laws/basis-flags/:id/clear',
    {
      schema: {
        tags,
        summary: '确认处理依据变更提示（系统管理员、法制审核人员），须填写处理说明',
        params: ZId,
        body: ZClearFlagRequest,
        response: { 200: ZBasisFlag, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await clearBasisFlag(ctx, p, req.params.id, req.body.note);
      const r = await listBasisFlags(ctx.registry, ctx.db, p, { status: 'all', page: 1, pageSize: 1, id: req.params.id });
      if (!r.items[0]) throw notFound('依据变更提示');
      return r.items[0];
    },
  );
}
