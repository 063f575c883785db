import { z } from 'zod';
import { chinaToday } from '../../domain/dates.ts';
import { parseBasisCell } from '../../domain/powers.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, powerListPolicy, requireRole } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { addPowerItem } from './commands/add-power-item.ts';
import { amendPowerItem } from './commands/amend-power-item.ts';
import { importPowerList } from './commands/import-power-list.ts';
import { removePowerItem } from './commands/remove-power-item.ts';
import { getPowerItem } from './detail.ts';
import { exportPowerList } from './export.ts';
import { registerPublicPowerRoutes } from './public.ts';
import { basisResolver } from './basis.ts';
import { citedArticles, listApprovers, listPowerBodies, listPowerItems, summarizePowerList } from './queries.ts';
import {
  ZAddPowerItemRequest,
  ZAmendPowerItemRequest,
  ZImportPowerListRequest,
  ZImportPowerListResult,
  ZPowerBody,
  ZPowerItem,
  ZPowerItemDetail,
  ZPowerListQuery,
  ZPowerSummary,
  ZRemovePowerItemRequest,
} from './schema.ts';
import { XLSX_MIME } from './xlsx.ts';
import { fileAnswer } from '../record/index.ts';
import { ZApprovers, ZResolvedBasis } from './responses.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const ZAsOf = z.strictObject({ asOf: ZDate.optional() });
const tags = ['权责清单'];
const MAX_XLSX_BYTES = 8 * 1024 * 1024;

export function registerPowerRoutes(app: App, ctx: AppContext) {
  const detail = async (p: ReturnType<typeof principal>, id: string, asOf?: string) => {
    const item = await getPowerItem(ctx.db, p, id, asOf);
    if (!item) throw notFound('权责事项');
    authorize(item.abilities, undefined, '权责事项');
    return item;
  };

  app.get(
    '/api/powers',
    {
      schema: {
        tags,
        summary: '权责清单：某日（默认今天）有效的事项，可按执法主体、承办机构、职权类别和关键词筛选',
        querystring: ZPowerListQuery,
        response: { 200: z.object({ asOf: z.string(), items: z.array(ZPowerItem) }), ...errorResponses },
      },
    },
    async (req) => {
      const items = await listPowerItems(ctx.db, principal(req), req.query);
      return { asOf: req.query.asOf ?? chinaToday(), items };
    },
  );

  app.get(
    '/api/powers/summary',
    {
      schema: {
        tags,
        summary: '按职权类别统计权责事项数（年度报告用）',
        querystring: z.strictObject({ bodyId: z.string().max(64).optional(), asOf: ZDate.optional() }),
        response: { 200: ZPowerSummary, ...errorResponses },
      },
    },
    async (req) => summarizePowerList(ctx.db, principal(req), req.query),
  );

  app.get(
    '/api/powers/bodies',
    {
      schema: { tags, summary: '可查看其权责清单的执法主体及其内设机构', response: { 200: z.object({ items: z.array(ZPowerBody) }), ...errorResponses } },
    },
    async (req) => ({ items: await listPowerBodies(ctx.db, principal(req)) }),
  );

  app.get(
    '/api/powers/approvers',
    {
      schema: {
        tags,
        summary: '可批准该执法主体权责清单调整的局领导',
        querystring: z.strictObject({ bodyId: z.string().min(1).max(64) }),
        response: {
          200: ZApprovers,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!p.scope.has(req.query.bodyId)) throw notFound('执法主体');
      if (!powerListPolicy(p, { id: req.query.bodyId }).add) throw forbidden();
      return { items: await listApprovers(ctx.db, req.query.bodyId) };
    },
  );

  app.get(
    '/api/powers/basis/resolve',
    {
      schema: {
        tags,
        summary: '解析设定依据：把“《法名》第X条”或条文编号解析为法律法规数据库中的条文（现行版本）',
        querystring: z.strictObject({ text: z.string().min(1).max(2000) }),
        response: {
          200: ZResolvedBasis,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      principal(req);
      const refs = parseBasisCell(req.query.text);
      const resolve = await basisResolver(ctx.db, refs);
      const out = refs.map((ref) => {
        if (ref.kind === 'invalid') return { raw: ref.raw, ids: [] as string[], error: ref.message };
        const r = resolve(ref);
        return 'error' in r ? { raw: ref.raw, ids: [], error: r.error } : { raw: ref.raw, ids: r.articleIds, error: null };
      });
      const articles = await citedArticles(
        ctx.db,
        out.flatMap((o) => o.ids),
      );
      return { refs: out.map((o) => ({ raw: o.raw, error: o.error, articles: o.ids.map((id) => articles.get(id)!) })) };
    },
  );

  app.get(
    '/api/powers/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出权责清单（.xlsx，与导入模板相同的列）',
        querystring: z.strictObject({ bodyId: z.string().max(64).optional(), asOf: ZDate.optional() }),
        produces: [XLSX_MIME],
        response: { 200: fileAnswer('权责清单（.xlsx）', XLSX_MIME), ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await exportPowerList(ctx.db, principal(req), req.query);
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', `attachment; filename="power-list.xlsx"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
      return reply.send(r.file as never);
    },
  );

  app.post(
    '/api/powers/import',
    {
      bodyLimit: Math.ceil(MAX_XLSX_BYTES * 1.4) + 4096,
      schema: {
        tags,
        summary:
          '导入权责清单（.xlsx 以 base64 放在 JSON 请求体的 fileBase64 中）：逐行校验，任何一行有错误即整体不导入（422 IMPORT_INVALID，details.errors 为逐行错误）；dryRun 只校验不写入',
        body: ZImportPowerListRequest,
        response: { 200: ZImportPowerListResult, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      requireRole(p, 'admin', 'legalReviewer');
      const { fileBase64, fileName: _name, ...rest } = req.body;
      const file = Buffer.from(fileBase64, 'base64');
      if (file.length === 0) throw new AppError('VALIDATION_FAILED', '文件内容为空或不是 base64');
      if (file.length > MAX_XLSX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_XLSX_BYTES / 1024 / 1024} MiB`);
      return importPowerList(ctx, { actor: actorOf(p), principal: p }, { file, ...rest });
    },
  );

  app.get(
    '/api/powers/:id',
    {
      schema: {
        tags,
        summary: '查看权责事项：某日有效的版本、全部版本及调整记录、设定依据和依据变动提示',
        params: ZId,
        querystring: ZAsOf,
        response: { 200: ZPowerItemDetail, ...errorResponses },
      },
    },
    async (req) => detail(principal(req), req.params.id, req.query.asOf),
  );

  app.post(
    '/api/powers',
    {
      schema: {
        tags,
        summary: '新增权责事项（须写明调整原因、生效日期和批准的局领导）',
        body: ZAddPowerItemRequest,
        response: { 201: ZPowerItemDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await addPowerItem(ctx, p, req.body);
      reply.status(201);
      return detail(p, id, req.body.change.effectiveOn);
    },
  );

  app.post(
    '/api/powers/:id/amend',
    {
      schema: {
        tags,
        summary: '变更权责事项：自生效日期起以新版本替代现行版本（旧版本保留）',
        params: ZId,
        body: ZAmendPowerItemRequest,
        response: { 200: ZPowerItemDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await amendPowerItem(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id, req.body.change.effectiveOn);
    },
  );

  app.post(
    '/api/powers/:id/remove',
    {
      schema: {
        tags,
        summary: '取消权责事项：自生效日期起不再有效（其子项一并取消；历史版本保留）',
        params: ZId,
        body: ZRemovePowerItemRequest,
        response: { 200: ZPowerItemDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await removePowerItem(ctx, p, req.params.id, req.body.change);
      return detail(p, req.params.id, req.body.change.effectiveOn);
    },
  );

  registerPublicPowerRoutes(app, ctx);
}
