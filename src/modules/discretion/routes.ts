/** /api/discretion/…: the violation catalogue, benchmarks, 较大数额 thresholds, the calculator, .xlsx import/export. */
import { z } from 'zod';
import { enforcementFieldIds, enforcementFields } from '../../domain/certifiedDuty.ts';
import { lawCircumstances, standardCircumstances } from '../../domain/discretion/circumstances.ts';
import { discretionRules } from '../../domain/discretion/tiers.ts';
import { defaultThresholds } from '../../domain/discretion/thresholds.ts';
import {
  applyModes,
  baseKinds,
  circumstanceEffects,
  circumstanceForces,
  circumstanceKinds,
  discretionTiers,
  exemptionLists,
  partyTypes,
  penaltyKinds,
  thresholdKinds,
} from '../../domain/discretion/vocabulary.ts';
import { actorOf, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, type Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { runCalculation } from './calculate.ts';
import { createBenchmark, updateBenchmark } from './commands/benchmarks.ts';
import { importBenchmarks } from './commands/import-benchmarks.ts';
import { setThreshold, updateThreshold } from './commands/thresholds.ts';
import { createViolation, updateViolation } from './commands/violations.ts';
import { exportBenchmarks } from './export.ts';
import { ZDiscretionReference, ZThresholdList } from './responses.ts';
import {
  ancestorsOf,
  articleRefs,
  findBenchmark,
  findViolation,
  listBenchmarks,
  listThresholds,
  listViolations,
  presentBenchmark,
  presentViolation,
} from './queries.ts';
import {
  ZBenchmark,
  ZBenchmarkDetail,
  ZCalculateRequest,
  ZCalculationResult,
  ZCreateBenchmarkRequest,
  ZCreateViolationRequest,
  ZImportRequest,
  ZImportResult,
  ZThresholdRequest,
  ZUpdateBenchmarkRequest,
  ZUpdateThresholdRequest,
  ZUpdateViolationRequest,
  ZViolation,
  ZViolationDetail,
} from './schema.ts';
import { MAX_XLSX_BYTES, XLSX_MIME } from './xlsx.ts';
import { fileAnswer } from '../record/index.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const tags = ['违法行为与裁量基准'];

export function registerDiscretionRoutes(app: App, ctx: AppContext) {
  const db = ctx.db;

  const violationDetail = async (p: Principal, id: string) => {
    const v = await findViolation(db, id);
    if (!v) throw notFound('违法行为');
    const benchmarks = await listBenchmarks(db, p, { violationId: v.id });
    const flags = (
      await db.query<{ n: number }>(`select count(*)::int as n from basis_flags where subject_type = 'violation' and subject_id = $1 and status = 'open'`, [
        v.id,
      ])
    ).rows[0].n;
    const ids = [
      ...v.violates,
      ...v.punishes,
      ...v.conditions.map((c) => c.articleId),
      ...v.provisions.flatMap((x) => [x.articleId, ...(x.branches ?? []).map((b) => b.articleId)]),
      ...benchmarks.flatMap((b) => [...b.circumstances.map((c) => c.articleId), ...b.exemptions.map((e) => e.articleId)]),
    ];
    return { ...presentViolation(p, v, flags), benchmarks, articles: await articleRefs(db, ids) };
  };

  const benchmarkDetail = async (p: Principal, id: string) => {
    const b = await findBenchmark(db, id);
    if (!b) throw notFound('裁量基准');
    const flags = (
      await db.query<{ n: number }>(
        `select count(*)::int as n from basis_flags where subject_type = 'discretionBenchmark' and subject_id = $1 and status = 'open'`,
        [id],
      )
    ).rows[0].n;
    const out = presentBenchmark(p, b, await ancestorsOf(db, p.orgId), flags);
    authorize(out.abilities, undefined, '裁量基准');
    return { ...out, articles: await articleRefs(db, [...b.circumstances.map((c) => c.articleId), ...b.exemptions.map((e) => e.articleId)]) };
  };

  app.get(
    '/api/discretion/reference',
    {
      schema: {
        tags,
        summary: '裁量基准的词表：处罚种类、裁量阶次、计罚基数、当事人类型、情节、免罚清单、常用情节和默认较大数额',
        response: { 200: ZDiscretionReference },
      },
    },
    async () => ({
      penaltyKinds: { ...penaltyKinds },
      tiers: { ...discretionTiers },
      baseKinds: { ...baseKinds },
      partyTypes: { ...partyTypes },
      circumstanceKinds: { ...circumstanceKinds },
      circumstanceEffects: { ...circumstanceEffects },
      exemptionLists: { ...exemptionLists },
      applyModes: { ...applyModes },
      thresholdKinds: { ...thresholdKinds },
      fields: { ...enforcementFields },
      standardCircumstances,
      lawCircumstances,
      circumstanceForces: { ...circumstanceForces },
      rules: Object.entries(discretionRules).map(([id, r]) => ({ id, ...r, articleIds: [...r.articleIds] })),
      defaultThresholds,
    }),
  );

  // ─── violations ───
  app.get(
    '/api/discretion/violations',
    {
      schema: {
        tags,
        summary: '违法行为目录',
        querystring: z.strictObject({
          field: z.enum(enforcementFieldIds).optional(),
          q: z.string().max(50).optional(),
          includeInactive: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZViolation) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listViolations(db, principal(req), { ...req.query, includeInactive: req.query.includeInactive === 'true' }) }),
  );

  app.get(
    '/api/discretion/violations/:id',
    {
      schema: { tags, summary: '查看违法行为：依据条文、法定幅度、各机关的裁量基准', params: ZId, response: { 200: ZViolationDetail, ...errorResponses } },
    },
    async (req) => violationDetail(principal(req), req.params.id),
  );

  app.post(
    '/api/discretion/violations',
    {
      schema: {
        tags,
        summary: '新增违法行为（法制审核人员、系统管理员）',
        body: ZCreateViolationRequest,
        response: { 201: ZViolationDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await createViolation(ctx, p, req.body);
      reply.status(201);
      return violationDetail(p, id);
    },
  );

  app.patch(
    '/api/discretion/violations/:id',
    {
      schema: { tags, summary: '修改违法行为', params: ZId, body: ZUpdateViolationRequest, response: { 200: ZViolationDetail, ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      await updateViolation(ctx, p, req.params.id, req.body);
      return violationDetail(p, req.params.id);
    },
  );

  // ─── benchmarks ───
  app.get(
    '/api/discretion/benchmarks',
    {
      schema: {
        tags,
        summary: '裁量基准（本机关及上级机关制定的）',
        querystring: z.strictObject({ violationId: z.string().max(64).optional(), orgId: z.string().max(64).optional(), asOf: ZDate.optional() }),
        response: { 200: z.object({ items: z.array(ZBenchmark) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listBenchmarks(db, principal(req), req.query) }),
  );

  app.get(
    '/api/discretion/benchmarks/export.xlsx',
    {
      schema: {
        tags,
        summary: '导出裁量基准表（.xlsx：裁量基准、裁量情节、免罚清单三张表，与导入格式相同）',
        querystring: z.strictObject({ orgId: z.string().max(64).optional(), asOf: ZDate.optional() }),
        produces: [XLSX_MIME],
        response: { 200: fileAnswer('裁量基准表（.xlsx）', XLSX_MIME), ...errorResponses },
      },
    },
    async (req, reply) => {
      const r = await exportBenchmarks(db, principal(req), req.query);
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', `attachment; filename="discretion-benchmarks.xlsx"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`);
      return reply.send(r.file as never);
    },
  );

  app.post(
    '/api/discretion/benchmarks/import',
    {
      bodyLimit: Math.ceil(MAX_XLSX_BYTES * 1.4) + 4096,
      schema: {
        tags,
        summary:
          '导入裁量基准表（.xlsx 以 base64 放在 fileBase64 中）：逐行校验，任何一行有错误即整体不导入（422 IMPORT_INVALID，details.errors 为逐行错误）；dryRun 只校验不写入',
        body: ZImportRequest,
        response: { 200: ZImportResult, 413: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const file = Buffer.from(req.body.fileBase64, 'base64');
      if (file.length === 0) throw new AppError('VALIDATION_FAILED', '文件内容为空或不是 base64');
      return importBenchmarks(ctx, { actor: actorOf(p), principal: p }, { file, orgId: req.body.orgId ?? p.orgId, dryRun: req.body.dryRun });
    },
  );

  app.get(
    '/api/discretion/benchmarks/:id',
    {
      schema: { tags, summary: '查看裁量基准', params: ZId, response: { 200: ZBenchmarkDetail, ...errorResponses } },
    },
    async (req) => benchmarkDetail(principal(req), req.params.id),
  );

  app.post(
    '/api/discretion/benchmarks',
    {
      schema: {
        tags,
        summary: '制定裁量基准（有效期不得与同一机关同一违法行为的其他基准重叠）',
        body: ZCreateBenchmarkRequest,
        response: { 201: ZBenchmarkDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await createBenchmark(ctx, p, req.body);
      reply.status(201);
      return benchmarkDetail(p, id);
    },
  );

  app.patch(
    '/api/discretion/benchmarks/:id',
    {
      schema: { tags, summary: '修改裁量基准', params: ZId, body: ZUpdateBenchmarkRequest, response: { 200: ZBenchmarkDetail, ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      await updateBenchmark(ctx, p, req.params.id, req.body);
      return benchmarkDetail(p, req.params.id);
    },
  );

  // ─── thresholds ───
  app.get(
    '/api/discretion/thresholds',
    {
      schema: {
        tags,
        summary: '较大数额标准（听证、重大执法决定法制审核），本机关及上级机关规定的；未规定时适用默认标准',
        querystring: z.strictObject({ orgId: z.string().max(64).optional() }),
        response: { 200: ZThresholdList, ...errorResponses },
      },
    },
    async (req) => ({ items: await listThresholds(db, principal(req), req.query.orgId), defaults: defaultThresholds }),
  );

  app.post(
    '/api/discretion/thresholds',
    {
      schema: {
        tags,
        summary: '规定本机关的较大数额标准（有效期不得重叠）',
        body: ZThresholdRequest,
        response: { 201: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await setThreshold(ctx, principal(req), req.body);
      reply.status(201);
      return { id };
    },
  );

  app.patch(
    '/api/discretion/thresholds/:id',
    {
      schema: {
        tags,
        summary: '修改较大数额标准（如设定失效日期）',
        params: ZId,
        body: ZUpdateThresholdRequest,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      await updateThreshold(ctx, principal(req), req.params.id, req.body);
      return { id: req.params.id };
    },
  );

  // ─── calculator ───
  app.post(
    '/api/discretion/calculate',
    {
      schema: {
        tags,
        summary: '自由裁量计算：按违法行为发生时的基准（从旧兼从轻）给出裁量阶次、各处罚种类的建议幅度（分）、是否免罚、听证与法制审核标准及逐步依据',
        body: ZCalculateRequest,
        response: { 200: ZCalculationResult, ...errorResponses },
      },
    },
    async (req) => runCalculation(db, principal(req), req.body),
  );
}
