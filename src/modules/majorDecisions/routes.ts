/**
 * 重大行政决策 API. Staff: catalogues (create, read, transitions), decisions (initiate from a catalogue item, read,
 * one operation per transition, the archive and its download). Public (no login): the published catalogues and the
 * published decisions with their 决策说明.
 */
import { z } from 'zod';
import { chinaToday } from '../../domain/dates.ts';
import type { AppContext } from '../../platform/context.ts';
import { readsOf } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, roleLabels, type Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { catalogueAbilities, decisionAbilities } from './access.ts';
import { createCatalogue } from './commands/create-catalogue.ts';
import { initiateDecision } from './commands/initiate-decision.ts';
import { getArchive, getCatalogue, getDecision, listCatalogues, listDecisions, publicCatalogues, publicDecision, publicDecisions } from './queries.ts';
import {
  ZArchive,
  ZCatalogue,
  ZCatalogueCreate,
  ZCatalogueSummary,
  ZDecision,
  ZDecisionSummary,
  ZId,
  ZInitiate,
  ZPublicCatalogue,
  ZPublicDecision,
  ZPublicDecisionSummary,
} from './schema.ts';
import { findCatalogue, findDecision } from './store.ts';
import { catalogueInputs, decisionInputs } from './transitions/inputs.ts';
import { catalogueWorkflow, decisionWorkflow } from './workflow.ts';
import { decisionStateLabels } from '../../domain/majorDecisions/rules.ts';

const tags = ['重大行政决策'];
const publicTags = ['重大行政决策（公开）'];

export function registerMajorDecisionRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  const visibleCatalogue = async (p: Principal, id: string, ability?: 'manage') => {
    const c = await findCatalogue(db, id);
    if (!c) throw notFound('决策事项目录');
    authorize(await catalogueAbilities(db, p, c), ability, '决策事项目录');
  };
  /** 404 unless the decision is visible, 403 unless the caller may act on it at all (each transition's roles decide the rest). */
  const actableDecision = async (p: Principal, id: string) => {
    const d = await findDecision(db, id);
    if (!d) throw notFound('重大行政决策');
    const a = await decisionAbilities(db, p, d);
    authorize(a, undefined, '重大行政决策');
    if (!a.draft && !a.decide) throw forbidden();
  };

  // ─── 决策事项目录 ───
  app.get(
    '/api/major-decisions/catalogues',
    {
      schema: {
        tags,
        summary: '重大行政决策事项目录（本机关及上级机关）',
        response: { 200: z.object({ items: z.array(ZCatalogueSummary) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listCatalogues(db, principal(req)) }),
  );
  app.post(
    '/api/major-decisions/catalogues',
    {
      schema: {
        tags,
        summary: '拟定年度重大行政决策事项目录（第三条第三款）',
        body: ZCatalogueCreate,
        response: { 201: ZCatalogue, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await createCatalogue(ctx, p, req.body);
      reply.status(201);
      return getCatalogue(ctx.registry, db, p, id);
    },
  );
  app.get(
    '/api/major-decisions/catalogues/:id',
    { schema: { tags, summary: '决策事项目录：事项、同级党委同意、公布与调整', params: ZId, response: { 200: ZCatalogue, ...errorResponses } } },
    async (req) => getCatalogue(ctx.registry, db, principal(req), req.params.id),
  );
  for (const name of Object.keys(catalogueInputs) as (keyof typeof catalogueInputs)[]) {
    const t = catalogueWorkflow.transitions[name];
    const input: z.ZodType = catalogueInputs[name];
    app.post(
      `/api/major-decisions/catalogues/:id/transitions/${name}`,
      {
        preValidation: async (req) => visibleCatalogue(principal(req), (req.params as { id: string }).id, 'manage'),
        schema: {
          tags,
          operationId: `decisionCatalogueTransition_${name}`,
          summary: `决策事项目录：${t.label}`,
          description: `从“${t.from.map((x) => catalogueWorkflow.states[x]?.label ?? x).join('、')}”到“${catalogueWorkflow.states[t.to]?.label}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZCatalogue, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        const body = req.body as { expectedVersion: number; input: unknown; date?: string };
        await transition(ctx, p, { matterId: req.params.id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
        return getCatalogue(ctx.registry, db, p, req.params.id);
      },
    );
  }

  // ─── 重大行政决策 ───
  app.get(
    '/api/major-decisions',
    {
      schema: {
        tags,
        summary: '重大行政决策列表（承办单位及决策机关）',
        querystring: z.strictObject({
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          state: z.enum(Object.keys(decisionStateLabels) as [keyof typeof decisionStateLabels]).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZDecisionSummary) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listDecisions(db, principal(req), req.query) }),
  );
  app.post(
    '/api/major-decisions',
    {
      schema: {
        tags,
        summary: '启动决策程序：从已公布目录中的事项启动，明确决策承办单位（第十条、第十一条）',
        body: ZInitiate,
        response: { 201: ZDecision, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await initiateDecision(ctx, p, req.body, chinaToday());
      reply.status(201);
      return getDecision(ctx.registry, db, p, id);
    },
  );
  app.get(
    '/api/major-decisions/:id',
    { schema: { tags, summary: '重大行政决策：各环节、材料、可办理的环节', params: ZId, response: { 200: ZDecision, ...errorResponses } } },
    async (req) => getDecision(ctx.registry, db, principal(req), req.params.id),
  );
  app.get(
    '/api/major-decisions/:id/archive',
    { schema: { tags, summary: '决策档案（第三十三条）：全部记录条目、文件和文书及其哈希值', params: ZId, response: { 200: ZArchive, ...errorResponses } } },
    async (req) => getArchive(db, principal(req), req.params.id),
  );
  app.get(
    '/api/major-decisions/:id/archive.json',
    { schema: { tags, summary: '下载决策档案清单（JSON）', params: ZId, response: { 200: ZArchive, ...errorResponses } } },
    async (req, reply) => {
      const a = await getArchive(db, principal(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="major-decision-${req.params.id}-archive.json"`);
      return a;
    },
  );
  for (const name of Object.keys(decisionInputs) as (keyof typeof decisionInputs)[]) {
    const t = decisionWorkflow.transitions[name];
    const input: z.ZodType = decisionInputs[name];
    app.post(
      `/api/major-decisions/:id/transitions/${name}`,
      {
        preValidation: async (req) => actableDecision(principal(req), (req.params as { id: string }).id),
        schema: {
          tags,
          operationId: `majorDecisionTransition_${name}`,
          summary: `重大行政决策：${t.label}`,
          description: `从“${t.from.map((x) => decisionWorkflow.states[x]?.label ?? x).join('、')}”到“${decisionWorkflow.states[t.to]?.label}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZDecision, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        const body = req.body as { expectedVersion: number; input: unknown; date?: string };
        await transition(ctx, p, { matterId: req.params.id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
        return getDecision(ctx.registry, db, p, req.params.id);
      },
    );
  }
  app.post(
    '/api/major-decisions/:id/transitions/:name',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(64), name: z.string().max(64) }),
        body: z.unknown(),
        response: { 200: ZDecision, ...errorResponses },
      },
    },
    async (req) => {
      throw new AppError('TRANSITION_UNKNOWN', `重大行政决策没有名为“${req.params.name}”的环节`);
    },
  );

  // ─── public ───
  const reads = readsOf(ctx);
  app.get(
    '/api/public/major-decisions/catalogues',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '已公布的重大行政决策事项目录及其调整',
        response: { 200: z.object({ items: z.array(ZPublicCatalogue) }), ...errorResponses },
      },
    },
    async () => ({ items: await publicCatalogues(reads) }),
  );
  app.get(
    '/api/public/major-decisions',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '已公布的重大行政决策', response: { 200: z.object({ items: z.array(ZPublicDecisionSummary) }), ...errorResponses } },
    },
    async () => ({ items: await publicDecisions(reads) }),
  );
  app.get(
    '/api/public/major-decisions/:id',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '重大行政决策及其决策说明（第三十二条）', params: ZId, response: { 200: ZPublicDecision, ...errorResponses } },
    },
    async (req) => publicDecision(reads, req.params.id),
  );
}
