/**
 * 政府信息公开 on request API: staff register, list, detail and one operation per transition; the public files a
 * request (no account: the challenge, the per-address limit) and follows it by its query code. The portal's HTML pages
 * (modules/portal/disclosurePages.ts) call the same functions.
 */
import { z } from 'zod';
import type { WorkflowDef } from '../../domain/workflow.ts';
import { type AppContext, readsOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, roleLabels } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { newChallenge } from '../consultation/index.ts';
import { disclosureAbilities } from './access.ts';
import { CHALLENGE_SUBJECT, registerDisclosure, submitPublicDisclosure, ZDisclosureInput, ZPublicDisclosureInput } from './commands.ts';
import { disclosureBodies, disclosureDetail, listDisclosures, publicDisclosureStatus } from './queries.ts';
import { ZDisclosureBodies, ZDisclosureDetail, ZDisclosureFiled, ZDisclosureList, ZPublicDisclosureStatus } from './responses.ts';
import { findDisclosure } from './store.ts';
import { disclosureInputs } from './transitions/inputs.ts';
import { disclosureWorkflowV1 } from './workflow.ts';

const tags = ['政府信息公开（依申请）'];
const publicTags = ['政府信息公开（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** Requests filed from the portal per address and hour (counted in the shared store, like the consultation comments). */
export const DISCLOSURE_REQUESTS_PER_HOUR_PER_ADDRESS = 10;
export function disclosureRateLimit() {
  return {
    max: DISCLOSURE_REQUESTS_PER_HOUR_PER_ADDRESS,
    timeWindow: 3600_000,
    errorResponseBuilder: (_req: unknown, c: { ttl: number }) =>
      new AppError('RATE_LIMITED', `该网络地址提交申请过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 60_000))} 分钟后再试`),
  };
}

export const filedMessage = (code: string) =>
  `申请已提交。您的查询码是 ${code}，请妥善保存：凭查询码可在本网站查询办理进度（不显示个人信息）。答复期限为收到申请之日起20个工作日。`;

export function registerDisclosureRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const reads = readsOf(ctx);

  const detail = async (req: { params: { id: string } } & Parameters<typeof principal>[0]) => {
    const d = await disclosureDetail(ctx.registry, db, principal(req), req.params.id);
    if (!d) throw notFound('政府信息公开申请');
    return d;
  };

  app.get(
    '/api/disclosure-requests',
    {
      schema: {
        tags,
        summary: '政府信息公开申请列表（本机关的；逾期未答复的标出）',
        querystring: z.strictObject({ state: z.enum(['received', 'correcting', 'consulting', 'answered']).optional(), ...page }),
        response: { 200: ZDisclosureList, ...errorResponses },
      },
    },
    async (req) => listDisclosures(db, principal(req), req.query),
  );

  app.post(
    '/api/disclosure-requests',
    {
      schema: {
        tags,
        summary: '登记政府信息公开申请（当面、信函、传真、电子邮件提交的；口头提出的由工作机构代为填写）',
        body: ZDisclosureInput,
        response: { 200: ZDisclosureDetail, ...errorResponses },
      },
    },
    async (req) => {
      const { id } = await db.transaction((tx) => registerDisclosure(tx, ctx, principal(req), req.body));
      return detail({ ...req, params: { id } } as never);
    },
  );

  app.get(
    '/api/disclosure-requests/:id',
    {
      schema: {
        tags,
        summary: '政府信息公开申请详情：申请人、补正、征求第三方意见、延期、答复及告知书、期限',
        params: ZId,
        response: { 200: ZDisclosureDetail, ...errorResponses },
      },
    },
    async (req) => detail(req),
  );

  for (const name of Object.keys(disclosureInputs)) {
    const wf = disclosureWorkflowV1 as WorkflowDef<never>;
    const t = wf.transitions[name];
    app.post(
      `/api/disclosure-requests/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          const row = await findDisclosure(db, (req.params as { id: string }).id);
          const a = row && (await disclosureAbilities(db, principal(req), row.bodyId));
          if (!a?.read) throw notFound('政府信息公开申请');
          authorize(a, 'handle', '政府信息公开申请');
        },
        schema: {
          tags,
          operationId: `disclosureRequestTransition_${name}`,
          summary: `办理政府信息公开申请：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: disclosureInputs[name as keyof typeof disclosureInputs],
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZDisclosureDetail, ...errorResponses },
        },
      },
      async (req) => {
        const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
        const id = (req.params as { id: string }).id;
        await transition(ctx, principal(req), { matterId: id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
        return detail(req as never);
      },
    );
  }
  app.post(
    '/api/disclosure-requests/:id/transitions/:name',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(64), name: z.string().max(64) }),
        body: z.unknown(),
        response: { 200: ZDisclosureDetail, ...errorResponses },
      },
    },
    async (req) => {
      throw new AppError('TRANSITION_UNKNOWN', `政府信息公开申请没有名为“${(req.params as { name: string }).name}”的环节`);
    },
  );

  // ─── public ───────────────────────────────────────────────────────────
  app.get(
    '/api/public/disclosure-requests/bodies',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '可以受理政府信息公开申请的行政机关（公开）', response: { 200: ZDisclosureBodies, ...errorResponses } },
    },
    async () => disclosureBodies(reads),
  );

  app.get(
    '/api/public/disclosure-requests/challenge',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '提交政府信息公开申请前的验证题（公开）',
        response: { 200: z.object({ token: z.string(), question: z.string() }), ...errorResponses },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return newChallenge(ctx.ledger.signer, CHALLENGE_SUBJECT);
    },
  );

  app.post(
    '/api/public/disclosure-requests',
    {
      config: { public: true, rateLimit: disclosureRateLimit() },
      bodyLimit: 16 * 1024,
      schema: {
        tags: publicTags,
        summary: '提交政府信息公开申请（公开，无需登录；返回查询码）',
        body: ZPublicDisclosureInput,
        response: { 200: ZDisclosureFiled, ...errorResponses },
      },
    },
    async (req) => {
      const r = await submitPublicDisclosure(ctx, req.body);
      return { queryCode: r.queryCode, message: filedMessage(r.queryCode) };
    },
  );

  app.get(
    '/api/public/disclosure-requests/status/:code',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '凭查询码查询政府信息公开申请的办理进度（公开；不显示申请人信息和申请内容）',
        params: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: ZPublicDisclosureStatus, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return (await publicDisclosureStatus(reads, req.params.code)) ?? Promise.reject(notFound('查询码对应的申请'));
    },
  );
}
