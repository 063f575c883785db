import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';
import { verifyDrawDocument } from '../../domain/inspections/drawDocument.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { verifySignature } from '../../platform/record/signer.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { mayRead } from './access.ts';
import { commitDraw } from './commands/commit-draw.ts';
import { createPlan } from './commands/create-plan.ts';
import { createTask } from './commands/create-task.ts';
import { recordResult } from './commands/record-result.ts';
import { runDrawCommand } from './commands/run-draw.ts';
import { registerPoolRoutes, tags, ZCreated, ZId } from './poolRoutes.ts';
import { registerPublicInspectionRoutes } from './public.ts';
import { getTask, listPlans, myAssignments, taskAssignments } from './queries.ts';
import { inspectionStats } from './stats.ts';
import {
  ZAssignment,
  ZCommitInput,
  ZDrawCheck,
  ZMyAssignment,
  ZPlan,
  ZPlanInput,
  ZResultInput,
  ZStats,
  ZStatsQuery,
  ZTask,
  ZTaskInput,
  ZVersioned,
} from './schema.ts';
import { drawDocument, findTask } from './tasks.ts';

export function registerInspectionRoutes(app: App, ctx: AppContext) {
  const task = (p: ReturnType<typeof principal>, id: string) => getTask(ctx.db, p, id);
  /** 404 unless the task is visible, 403 unless the caller manages its body (a unit below reads it only). */
  const mayManageTask = async (p: ReturnType<typeof principal>, id: string) => {
    const t = await findTask(ctx.db, id);
    if (!t) throw notFound('抽查任务');
    if (!(await mayRead(ctx.db, p, t.bodyId, '抽查任务')).manage) throw forbidden();
  };

  registerPoolRoutes(app, ctx);

  // ─── 抽查计划与任务 ───
  app.get(
    '/api/inspections/plans',
    {
      schema: {
        tags,
        summary: '抽查计划及其任务',
        querystring: z.strictObject({ bodyId: z.string().max(64).optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ items: z.array(ZPlan) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listPlans(ctx.db, principal(req), req.query) }),
  );
  app.post(
    '/api/inspections/plans',
    {
      schema: { tags, summary: '制定年度抽查计划', body: ZPlanInput, response: { 201: ZCreated, ...errorResponses } },
    },
    async (req, reply) => {
      const id = await createPlan(ctx, principal(req), req.body);
      reply.status(201);
      return { id };
    },
  );
  app.post(
    '/api/inspections/tasks',
    {
      schema: {
        tags,
        summary: '制定抽查任务：事项、对象筛选条件、各风险分类的抽查比例、每户检查人员数、检查期间',
        body: ZTaskInput,
        response: { 201: ZTask, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await createTask(ctx, p, req.body);
      reply.status(201);
      return task(p, id);
    },
  );
  app.get(
    '/api/inspections/tasks/:id',
    {
      schema: { tags, summary: '抽查任务：状态、候选名单摘要与承诺、抽取结果、进度和公示', params: ZId, response: { 200: ZTask, ...errorResponses } },
    },
    async (req) => task(principal(req), req.params.id),
  );
  app.get(
    '/api/inspections/tasks/:id/assignments',
    {
      schema: {
        tags,
        summary: '抽中的检查对象及其检查人员、检查结果',
        params: ZId,
        response: { 200: z.object({ items: z.array(ZAssignment) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await taskAssignments(ctx.db, principal(req), req.params.id) }),
  );
  app.post(
    '/api/inspections/tasks/:id/commit',
    {
      schema: {
        tags,
        summary:
          '冻结候选名单并公布其摘要和对服务器密钥的承诺；公共随机值取 publicAfter（默认现在）之后的第一个签名树头。符合条件的检查人员不足时 422 TOO_FEW_INSPECTORS，details.excluded 说明每人未入选的原因',
        params: ZId,
        body: ZCommitInput,
        response: { 200: ZTask, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await mayManageTask(p, req.params.id);
      await commitDraw(ctx, p, req.params.id, req.body);
      return task(p, req.params.id);
    },
  );
  app.post(
    '/api/inspections/tasks/:id/draw',
    {
      schema: {
        tags,
        summary: '抽取并公开种子（每个任务只能抽取一次；再次抽取 409 DRAW_ALREADY_RUN，不作任何改变）',
        params: ZId,
        body: ZVersioned,
        response: { 200: ZTask, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await mayManageTask(p, req.params.id);
      await runDrawCommand(ctx, p, req.params.id, req.body);
      return task(p, req.params.id);
    },
  );
  app.post(
    '/api/inspections/tasks/:id/results',
    {
      schema: {
        tags,
        summary: '录入一户检查对象的检查结果（被抽中的检查人员或本机关系统管理员）；lead 表示转为案件线索',
        params: ZId,
        body: ZResultInput,
        response: { 201: ZCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await recordResult(ctx, principal(req), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  );
  for (const [name, summary] of [
    ['complete', '结束检查：须已录入全部检查结果；起算结果公示期限（20 个工作日）'],
    ['publish', '公示抽查结果'],
  ] as const) {
    app.post(
      `/api/inspections/tasks/:id/${name}`,
      {
        schema: {
          tags,
          summary,
          params: ZId,
          body: ZVersioned.extend({
            date: ZDate.optional(),
          }),
          response: { 200: ZTask, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        await mayManageTask(p, req.params.id);
        await transition(ctx, p, { matterId: req.params.id, transition: name, expectedVersion: req.body.expectedVersion, date: req.body.date });
        return task(p, req.params.id);
      },
    );
  }
  app.get(
    '/api/inspections/tasks/:id/verify',
    {
      schema: {
        tags,
        summary: '复核抽取：按公开的候选名单、密钥和公共随机值重新抽取并与公布结果比对',
        params: ZId,
        response: { 200: ZDrawCheck, ...errorResponses },
      },
    },
    async (req) => {
      const t = await getTask(ctx.db, principal(req), req.params.id);
      const doc = await drawDocument(ctx.db, t, t.bodyName);
      if (!doc) throw notFound('抽取记录');
      return verifyDrawDocument(doc, { verifySignature: (m, s) => verifySignature(ctx.ledger.signer.publicKeyPem, m, s) });
    },
  );

  app.get(
    '/api/inspections/mine',
    {
      schema: { tags, summary: '我被抽中的检查对象（手机录入结果）', response: { 200: z.object({ items: z.array(ZMyAssignment) }), ...errorResponses } },
    },
    async (req) => ({ items: await myAssignments(ctx.db, principal(req)) }),
  );
  app.get(
    '/api/inspections/stats',
    {
      schema: {
        tags,
        summary: '统计：覆盖率，按行业和信用风险分类的问题发现率，公示及时性',
        querystring: ZStatsQuery,
        response: { 200: ZStats, ...errorResponses },
      },
    },
    async (req) => inspectionStats(ctx.db, principal(req), req.query),
  );

  registerPublicInspectionRoutes(app, ctx);
}
