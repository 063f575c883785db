/** 两库一单: the routes of the item list (随机抽查事项清单), the target pool (检查对象名录库) and the inspector pool (执法检查人员名录库). */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { actorOf, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { mayManageBody } from './access.ts';
import { importTargets } from './commands/import-targets.ts';
import { declareRelation, setAvailability } from './commands/manage-inspectors.ts';
import { saveItem } from './commands/save-item.ts';
import { getJob, presentJob, startJob } from './jobs.ts';
import { listInspectors, listItems, listTargets } from './queries.ts';
import {
  ZAvailabilityInput,
  ZImportJob,
  ZImportTargetsQuery,
  ZImportTargetsResult,
  ZInspector,
  ZInspectorQuery,
  ZItem,
  ZItemInput,
  ZRelationInput,
  ZTargetPage,
  ZTargetQuery,
} from './schema.ts';
import { XLSX_MIME, writeTargetWorkbook } from './xlsx.ts';
import { fileAnswer } from '../record/index.ts';

export const tags = ['双随机、一公开'];
export const ZId = z.object({ id: z.string().min(1).max(64) });
const MAX_IMPORT_BYTES = 96 * 1024 * 1024;
export const ZCreated = z.object({ id: z.string() });

async function readBody(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    n += (c as Buffer).length;
    if (n > limit) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${limit / 1024 / 1024} MiB`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export function registerPoolRoutes(app: App, ctx: AppContext) {
  // ─── 随机抽查事项清单 ───
  app.get(
    '/api/inspections/items',
    {
      schema: {
        tags,
        summary: '随机抽查事项清单',
        querystring: z.strictObject({ bodyId: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(ZItem) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listItems(ctx.db, principal(req), req.query.bodyId) }),
  );
  app.post(
    '/api/inspections/items',
    {
      schema: { tags, summary: '新增随机抽查事项（依据为条文编号，写入引用）', body: ZItemInput, response: { 201: ZCreated, ...errorResponses } },
    },
    async (req, reply) => {
      const id = await saveItem(ctx, principal(req), req.body);
      reply.status(201);
      return { id };
    },
  );
  app.post(
    '/api/inspections/items/:id',
    {
      schema: {
        tags,
        summary: '修改随机抽查事项（版本号加一，记录保留每个版本）',
        params: ZId,
        body: ZItemInput,
        response: { 200: ZCreated, ...errorResponses },
      },
    },
    async (req) => ({ id: await saveItem(ctx, principal(req), req.body, req.params.id) }),
  );

  // ─── 检查对象名录库 ───
  app.get(
    '/api/inspections/targets',
    {
      schema: {
        tags,
        summary: '检查对象名录库：按名称、统一社会信用代码、地址检索，按风险分类和行业筛选',
        querystring: ZTargetQuery,
        response: { 200: ZTargetPage, ...errorResponses },
      },
    },
    async (req) => listTargets(ctx.db, principal(req), req.query),
  );
  app.get(
    '/api/inspections/targets/template.xlsx',
    {
      schema: {
        tags,
        summary: '检查对象名录导入模板（.xlsx）',
        produces: [XLSX_MIME],
        response: { 200: fileAnswer('检查对象名录导入模板（.xlsx）', XLSX_MIME), ...errorResponses },
      },
    },
    async (req, reply) => {
      principal(req);
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', `attachment; filename="targets.xlsx"; filename*=UTF-8''${encodeURIComponent('检查对象名录导入模板.xlsx')}`);
      return reply.send(
        (await writeTargetWorkbook([
          {
            uscc: '91990105MA0000000X',
            name: '示例区某某食品店',
            entityType: '个体工商户',
            legalRep: '张三',
            address: '示例区人民路1号',
            divisionCode: '990105',
            industry: '餐饮服务',
            licences: 'JY2990105000001',
            riskClass: 'B',
            status: 'active',
          },
        ])) as never,
      );
    },
  );
  app.post(
    '/api/inspections/targets/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          '导入检查对象名录（请求体为 .xlsx 或 UTF-8 .csv 文件原始字节，application/octet-stream）：逐行校验，任何一行有错误即整体不导入（422 IMPORT_INVALID，details.errors 为逐行错误）；按统一社会信用代码合并；background=true 时在后台导入并返回任务编号以查询进度',
        querystring: ZImportTargetsQuery,
        response: { 200: ZImportTargetsResult, 202: ZImportJob, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      if (!req.headers['content-type']?.startsWith('application/octet-stream'))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '名录文件须以 application/octet-stream 上传');
      await mayManageBody(ctx.db, p, req.query.bodyId);
      const file = await readBody(req.body as Readable, MAX_IMPORT_BYTES);
      if (file.length === 0) throw new AppError('VALIDATION_FAILED', '文件内容为空');
      const input = {
        bodyId: req.query.bodyId,
        file,
        fileName: req.query.fileName,
        dryRun: req.query.dryRun === 'true',
        fromRegister: req.query.fromRegister === 'true',
      };
      if (req.query.background === 'true') {
        reply.status(202);
        return presentJob(startJob(p.userId, (progress) => importTargets(ctx, actorOf(p), input, progress)));
      }
      return importTargets(ctx, actorOf(p), input);
    },
  );
  app.get(
    '/api/inspections/targets/import/:id',
    {
      schema: { tags, summary: '后台导入的进度与结果', params: ZId, response: { 200: ZImportJob, ...errorResponses } },
    },
    async (req) => {
      const j = getJob(principal(req).userId, req.params.id);
      if (!j) throw notFound('导入任务');
      return presentJob(j);
    },
  );

  // ─── 执法检查人员名录库 ───
  app.get(
    '/api/inspections/inspectors',
    {
      schema: {
        tags,
        summary: '执法检查人员名录库：持证执法人员、可选派状态和回避关系；给出执法领域时说明每人能否被抽取及原因',
        querystring: ZInspectorQuery,
        response: { 200: z.object({ items: z.array(ZInspector) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listInspectors(ctx.db, principal(req), req.query) }),
  );
  app.post(
    '/api/inspections/inspectors/:id/availability',
    {
      schema: {
        tags,
        summary: '设置检查人员是否可被选派（请假、借调等须写明原因）',
        params: ZId,
        body: ZAvailabilityInput,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await setAvailability(ctx, principal(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/inspections/inspectors/:id/relations',
    {
      schema: {
        tags,
        summary: '登记回避关系（近亲属经营、原工作单位、住址相同等）：抽取时该人员不会被派往相关检查对象',
        params: ZId,
        body: ZRelationInput,
        response: { 201: ZCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await declareRelation(ctx, principal(req), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  );
}
