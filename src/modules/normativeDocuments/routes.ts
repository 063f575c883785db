/**
 * 规范性文件 API. Staff: plans, drafts, a document's file with its versions, steps and deadlines, one operation
 * per workflow transition, cleanups and the cleanup view. Public (no login): the published documents with
 * their status (现行有效 / 已修改 / 已废止 / 已失效), text and 政策解读.
 */
import { z } from 'zod';
import { libraryStatusLabels, normativeStates, type LibraryStatus } from '../../domain/normativeDocuments/rules.ts';
import { readsOf, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { roleLabels, type Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { findMatter, transition, type MatterRow } from '../../platform/workflow/engine.ts';
import { documentAbilities } from './access.ts';
import { createDraft, reviseDraft } from './commands/drafts.ts';
import { addPlanItem, createPlan } from './commands/plans.ts';
import { recordCleanup } from './commands/record-cleanup.ts';
import { cleanupView, documentDetail, listDocuments, listPlans, publicDocument, publicDocuments } from './queries.ts';
import { ZCleanupView, ZDocumentDetail, ZDocumentList, ZPlanList, ZPublicDocument, ZPublicDocumentList } from './responses.ts';
import { ZCleanupInput, ZDraftInput, ZPlanInput, ZPlanItemInput, ZReviseInput } from './schema.ts';
import { findDocument } from './store.ts';
import { normativeDocumentWorkflowV1, normativeInputs } from './workflow.ts';

const tags = ['规范性文件'];
const publicTags = ['规范性文件（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const ZCreated = z.object({ id: z.string() });
type TransitionName = keyof typeof normativeInputs;

export function registerNormativeDocumentRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const reads = readsOf(ctx);

  /** 404 unless the caller sees the document, then 403 unless the policy grants `ability`. */
  const visible = async (p: Principal, id: string, ability?: 'transition' | 'edit' | 'cleanup'): Promise<MatterRow> => {
    const d = await findDocument(db, id);
    const m = d && (await findMatter(db, id));
    if (!d || !m) throw notFound('规范性文件');
    const a = await documentAbilities(db, p, d);
    if (!a.read) throw notFound('规范性文件');
    if (ability && !a[ability]) throw new AppError('FORBIDDEN', '当前用户无权办理该规范性文件的此事项');
    return m;
  };
  const detail = async (p: Principal, id: string) => documentDetail(ctx.registry, db, p, (await findMatter(db, id))!);

  app.get(
    '/api/normative-documents',
    {
      schema: {
        tags,
        summary: '规范性文件列表（起草单位及本机关法制、领导可见）',
        querystring: z.strictObject({
          state: z.enum(Object.keys(normativeStates) as [string, ...string[]]).optional(),
          status: z.enum(Object.keys(libraryStatusLabels) as [LibraryStatus, ...LibraryStatus[]]).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: ZDocumentList, ...errorResponses },
      },
    },
    async (req) => listDocuments(db, principal(req), req.query),
  );

  app.post(
    '/api/normative-documents',
    { schema: { tags, summary: '起草规范性文件（条文、起草说明、所依据的上位法）', body: ZDraftInput, response: { 201: ZCreated, ...errorResponses } } },
    async (req, reply) => {
      const id = await createDraft(ctx, principal(req), req.body);
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/normative-documents/plans',
    {
      schema: {
        tags,
        summary: '规范性文件年度制定计划',
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: ZPlanList, ...errorResponses },
      },
    },
    async (req) => listPlans(db, principal(req), req.query.year),
  );

  app.post(
    '/api/normative-documents/plans',
    { schema: { tags, summary: '编制年度制定计划', body: ZPlanInput, response: { 201: ZCreated, ...errorResponses } } },
    async (req, reply) => {
      const id = await createPlan(ctx, principal(req), req.body);
      reply.status(201);
      return { id };
    },
  );

  app.post(
    '/api/normative-documents/plans/:id/items',
    {
      schema: {
        tags,
        summary: '制定计划增加项目（标题、起草单位、必要性）',
        params: ZId,
        body: ZPlanItemInput,
        response: { 201: ZCreated, ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await addPlanItem(ctx, principal(req), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/normative-documents/cleanup',
    {
      schema: {
        tags,
        summary: '规范性文件清理：上位法变化、有效期届满、备案审查意见待清理的文件及清理决定',
        response: { 200: ZCleanupView, ...errorResponses },
      },
    },
    async (req) => cleanupView(db, principal(req)),
  );

  app.get(
    '/api/normative-documents/:id',
    { schema: { tags, summary: '规范性文件：文本、各版本、各环节、期限、清理', params: ZId, response: { 200: ZDocumentDetail, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      await visible(p, req.params.id);
      return detail(p, req.params.id);
    },
  );

  app.put(
    '/api/normative-documents/:id',
    {
      preValidation: async (req) => {
        await visible(principal(req), (req.params as { id: string }).id, 'edit');
      },
      schema: { tags, summary: '修改草案（仅起草中）', params: ZId, body: ZReviseInput, response: { 200: ZDocumentDetail, ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      await reviseDraft(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/normative-documents/:id/cleanups',
    {
      preValidation: async (req) => {
        await visible(principal(req), (req.params as { id: string }).id, 'cleanup');
      },
      schema: {
        tags,
        summary: '清理决定：继续有效、修改（开始起草新版本）、废止、宣布失效',
        params: ZId,
        body: ZCleanupInput,
        response: { 200: ZDocumentDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await recordCleanup(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  const wf = normativeDocumentWorkflowV1;
  for (const name of Object.keys(normativeInputs) as TransitionName[]) {
    const t = wf.transitions[name];
    const input: z.ZodType = normativeInputs[name];
    app.post(
      `/api/normative-documents/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          await visible(principal(req), (req.params as { id: string }).id, 'transition');
        },
        schema: {
          tags,
          operationId: `normativeDocumentTransition_${name}`,
          summary: `办理规范性文件环节：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZDocumentDetail, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
        await transition(ctx, p, { matterId: req.params.id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
        return detail(p, req.params.id);
      },
    );
  }

  // ─── public (no login) ───
  app.get(
    '/api/public/normative-documents',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '本机关公布的规范性文件（公开）：现行有效、已修改、已废止、已失效',
        querystring: z.strictObject({
          status: z.enum(Object.keys(libraryStatusLabels) as [LibraryStatus, ...LibraryStatus[]]).optional(),
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: ZPublicDocumentList, ...errorResponses },
      },
    },
    async (req) => publicDocuments(reads, req.query),
  );

  app.get(
    '/api/public/normative-documents/:id',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '一件规范性文件（公开）：文本、政策解读、状态、各版本',
        params: ZId,
        response: { 200: ZPublicDocument, ...errorResponses },
      },
    },
    async (req) => {
      const d = await publicDocument(reads, req.params.id);
      if (!d) throw notFound('规范性文件');
      return d;
    },
  );
}
