/**
 * Recommendations API (检察建议、司法建议 …): register, list, detail, one operation per transition. Files (the
 * recommendation, the reply) are uploaded to the matter through the record's evidence routes.
 */
import { z } from 'zod';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, roleLabels } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { recommendationAbilities } from './access.ts';
import { registerRecommendation, ZRecommendationInput } from './commands.ts';
import { listRecommendations, recommendationDetail } from './queries.ts';
import { ZRecommendationDetail, ZRecommendationList } from './responses.ts';
import { findRecommendation } from './store.ts';
import { recommendationInputs } from './transitions/inputs.ts';
import { recommendationWorkflowV1 } from './workflow.ts';

const tags = ['检察建议、司法建议'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export function registerRecommendationRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const detail = async (req: { params: { id: string } } & Parameters<typeof principal>[0]) => {
    const d = await recommendationDetail(ctx.registry, db, principal(req), req.params.id);
    if (!d) throw notFound('建议');
    return d;
  };

  app.get(
    '/api/recommendations',
    {
      schema: {
        tags,
        summary: '检察建议、司法建议等列表（本机关的，分办给本机构的；逾期未回复的标出）',
        querystring: z.strictObject({ state: z.enum(['received', 'assigned', 'answered', 'filed']).optional(), ...page }),
        response: { 200: ZRecommendationList, ...errorResponses },
      },
    },
    async (req) => listRecommendations(db, principal(req), req.query),
  );

  app.post(
    '/api/recommendations',
    {
      schema: {
        tags,
        summary: '登记收到的检察建议、司法建议等（制发机关、类别、文号、内容、建议书载明的回复期限）',
        body: ZRecommendationInput,
        response: { 200: ZRecommendationDetail, ...errorResponses },
      },
    },
    async (req) => {
      const id = await db.transaction((tx) => registerRecommendation(tx, ctx, principal(req), req.body));
      return detail({ ...req, params: { id } } as never);
    },
  );

  app.get(
    '/api/recommendations/:id',
    {
      schema: { tags, summary: '建议详情：内容、承办机构、回复期限、回复和整改措施', params: ZId, response: { 200: ZRecommendationDetail, ...errorResponses } },
    },
    async (req) => detail(req),
  );

  const wf = recommendationWorkflowV1 as WorkflowDef<never>;
  for (const name of Object.keys(recommendationInputs)) {
    const t = wf.transitions[name];
    app.post(
      `/api/recommendations/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          const row = await findRecommendation(db, (req.params as { id: string }).id);
          const a = row && (await recommendationAbilities(db, principal(req), row));
          if (!a?.read) throw notFound('建议');
          authorize(a, 'handle', '建议');
        },
        schema: {
          tags,
          operationId: `recommendationTransition_${name}`,
          summary: `办理建议：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: recommendationInputs[name as keyof typeof recommendationInputs],
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZRecommendationDetail, ...errorResponses },
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
    '/api/recommendations/:id/transitions/:name',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(64), name: z.string().max(64) }),
        body: z.unknown(),
        response: { 200: ZRecommendationDetail, ...errorResponses },
      },
    },
    async (req) => {
      throw new AppError('TRANSITION_UNKNOWN', `建议没有名为“${(req.params as { name: string }).name}”的环节`);
    },
  );
}
