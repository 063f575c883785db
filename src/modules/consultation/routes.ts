/**
 * 公开征求意见 API. Staff (the drafting unit's subtree): open a draft for comment, list, one consultation with its
 * comments grouped by anchor (names and contacts only here), answer comments, the workflow's transitions (截止,
 * 公布意见采纳情况). Public (no login): the drafts, one draft, a challenge, and submitting a comment — limited per
 * address (the shared limiter of every public path, plus this route's own) and in size.
 */
import { z } from 'zod';
import { COMMENT_LIMITS } from '../../domain/consultation/rules.ts';
import { type AppContext, readsOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { roleLabels } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { consultationAbilities } from './access.ts';
import { newChallenge } from './challenge.ts';
import { answerComments } from './commands/answer-comments.ts';
import { openConsultation } from './commands/open-consultation.ts';
import { submitComment } from './commands/submit-comment.ts';
import { publicConsultationDetail, publicConsultationList } from './public.ts';
import { consultationDetail, listConsultations } from './queries.ts';
import { ZChallenge, ZCommentAccepted, ZConsultationDetail, ZConsultationList, ZPublicConsultation, ZPublicConsultationList } from './responses.ts';
import { findConsultation } from './store.ts';
import { consultationInputs } from './transitions/inputs.ts';
import { consultationWorkflowV1 } from './workflow.ts';

const tags = ['公众参与（征求意见）'];
const publicTags = ['公众参与（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });

/** A comment per address and hour, on top of the portal's per-minute limit. */
export const COMMENTS_PER_HOUR_PER_ADDRESS = 20;

export const ZOpenConsultation = z.strictObject({
  subject: z.strictObject({ type: z.string().min(1).max(50), id: z.string().min(1).max(64) }).optional(),
  orgId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(100_000),
  startsOn: ZDate.optional(),
  days: z.number().int().min(1).max(365),
  shortenedReason: z.string().trim().max(1000).nullable().optional(),
});

export const ZAnswer = z.strictObject({
  commentIds: z.array(z.string().min(1).max(64)).min(1).max(500),
  outcome: z.enum(['adopted', 'partlyAdopted', 'notAdopted']),
  reason: z.string().trim().min(1).max(2000),
});

export const ZComment = z.strictObject({
  anchor: z.string().min(1).max(20),
  text: z.string().min(1).max(COMMENT_LIMITS.text),
  name: z.string().max(COMMENT_LIMITS.name).nullable().optional(),
  contact: z.string().max(COMMENT_LIMITS.contact).nullable().optional(),
  challengeToken: z.string().min(1).max(1000),
  challengeAnswer: z.string().min(1).max(10),
});

type TransitionName = keyof typeof consultationInputs;

export function registerConsultationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const reads = readsOf(ctx);
  const visible = async (req: { principal: unknown }, id: string) => {
    const c = await findConsultation(db, id);
    if (!c || !consultationAbilities(principal(req as never), c.orgId).read) throw notFound('征求意见');
    return c;
  };
  const detail = async (req: unknown, id: string) =>
    (await consultationDetail(ctx.registry, db, principal(req as never), id)) ?? Promise.reject(notFound('征求意见'));

  app.get(
    '/api/consultations',
    {
      schema: {
        tags,
        summary: '征求意见列表（本单位及下级）',
        querystring: z.strictObject({
          state: z.enum(['open', 'closed', 'reported']).optional(),
          subjectType: z.string().max(50).optional(),
          subjectId: z.string().max(64).optional(),
        }),
        response: { 200: ZConsultationList, ...errorResponses },
      },
    },
    async (req) => listConsultations(db, principal(req), req.query),
  );

  app.post(
    '/api/consultations',
    { schema: { tags, summary: '公开征求意见（发布草案）', body: ZOpenConsultation, response: { 200: ZConsultationDetail, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      const { consultationId } = await db.transaction((tx) => openConsultation(tx, ctx, p, req.body));
      return detail(req, consultationId);
    },
  );

  app.get(
    '/api/consultations/:id',
    { schema: { tags, summary: '征求意见详情：草案、按条款分组的意见、答复', params: ZId, response: { 200: ZConsultationDetail, ...errorResponses } } },
    async (req) => detail(req, req.params.id),
  );

  app.post(
    '/api/consultations/:id/answers',
    {
      schema: {
        tags,
        summary: '答复意见（逐条或分组：采纳、部分采纳、不予采纳）',
        params: ZId,
        body: ZAnswer,
        response: { 200: ZConsultationDetail, ...errorResponses },
      },
    },
    async (req) => {
      await answerComments(ctx, principal(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  const wf = consultationWorkflowV1;
  for (const name of Object.keys(consultationInputs) as TransitionName[]) {
    const t = wf.transitions[name];
    const input: z.ZodType = consultationInputs[name];
    app.post(
      `/api/consultations/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          await visible(req, (req.params as { id: string }).id);
        },
        schema: {
          tags,
          operationId: `consultationTransition_${name}`,
          summary: `办理征求意见环节：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZConsultationDetail, ...errorResponses },
        },
      },
      async (req) => {
        const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
        await transition(ctx, principal(req), {
          matterId: req.params.id,
          transition: name,
          expectedVersion: body.expectedVersion,
          input: body.input,
          date: body.date,
        });
        return detail(req, req.params.id);
      },
    );
  }

  // ─── public ───────────────────────────────────────────────────────────
  app.get(
    '/api/public/consultations',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '公开征求意见的草案（公开）',
        querystring: z.object({ open: z.enum(['true', 'false']).optional() }),
        response: { 200: ZPublicConsultationList, ...errorResponses },
      },
    },
    async (req) => publicConsultationList(reads, { open: req.query.open === 'true' }),
  );

  app.get(
    '/api/public/consultations/:id',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '草案、意见数与意见采纳情况（公开）', params: ZId, response: { 200: ZPublicConsultation, ...errorResponses } },
    },
    async (req) => (await publicConsultationDetail(reads, req.params.id)) ?? Promise.reject(notFound('征求意见')),
  );

  app.get(
    '/api/public/consultations/:id/challenge',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '提交意见前的验证题（公开）', params: ZId, response: { 200: ZChallenge, ...errorResponses } },
    },
    async (req, reply) => {
      if (!(await findConsultation(reads, req.params.id))) throw notFound('征求意见');
      reply.header('cache-control', 'no-store');
      return newChallenge(ctx.ledger.signer, req.params.id);
    },
  );

  app.post(
    '/api/public/consultations/:id/comments',
    {
      config: { public: true, rateLimit: commentRateLimit() },
      bodyLimit: 16 * 1024,
      schema: {
        tags: publicTags,
        summary: '提交意见（公开，无需登录；姓名和联系方式可不填，不公开）',
        params: ZId,
        body: ZComment,
        response: { 200: ZCommentAccepted, ...errorResponses },
      },
    },
    async (req) => {
      const r = await submitComment(ctx, req.params.id, req.body);
      return { number: r.number, message: `意见已提交（第 ${r.number} 条）。意见采纳情况将在征求意见结束后公布。` };
    },
  );
}

/** The comment route's own limit per address (the plugin counts it in the same store as the portal's). */
export function commentRateLimit() {
  return {
    max: COMMENTS_PER_HOUR_PER_ADDRESS,
    timeWindow: 3600_000,
    errorResponseBuilder: (_req: unknown, c: { ttl: number }) =>
      new AppError('RATE_LIMITED', `该网络地址提交意见过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 60_000))} 分钟后再试`),
  };
}
