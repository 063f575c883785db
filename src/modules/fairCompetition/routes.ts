/**
 * 公平竞争审查 API (staff, the drafting unit's subtree): the checklist (data), the register with counts by outcome and
 * year, one review, requesting a review of a measure on its own, and the workflow's transitions.
 */
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { roleLabels } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { reviewAbilities } from './access.ts';
import { requestFairCompetitionReview } from './commands/request-review.ts';
import { checklistForForm, reviewDetail, reviewRegister } from './queries.ts';
import { ZChecklist, ZRegister, ZReviewDetail } from './responses.ts';
import { findReview } from './store.ts';
import { fairCompetitionInputs } from './transitions/inputs.ts';
import { fairCompetitionWorkflowV1 } from './workflow.ts';

const tags = ['公平竞争审查'];
const ZId = z.object({ id: z.string().min(1).max(64) });
type TransitionName = keyof typeof fairCompetitionInputs;

export const ZRequestReview = z.strictObject({
  subject: z
    .strictObject({ type: z.string().min(1).max(50), id: z.string().min(1).max(64) })
    .nullable()
    .optional(),
  orgId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(200),
  text: z.string().min(1).max(100_000),
});

export function registerFairCompetitionRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const detail = async (req: unknown, id: string) =>
    (await reviewDetail(ctx.registry, db, principal(req as never), id)) ?? Promise.reject(notFound('公平竞争审查'));

  app.get(
    '/api/fair-competition/checklist',
    { schema: { tags, summary: '审查标准（第八条至第十一条）与例外情形（第十二条）', response: { 200: ZChecklist, ...errorResponses } } },
    async () => checklistForForm(),
  );

  app.get(
    '/api/fair-competition/reviews',
    {
      schema: {
        tags,
        summary: '公平竞争审查台账（按结论和年度统计）',
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: ZRegister, ...errorResponses },
      },
    },
    async (req) => reviewRegister(db, principal(req), req.query),
  );

  app.post(
    '/api/fair-competition/reviews',
    { schema: { tags, summary: '提请公平竞争审查', body: ZRequestReview, response: { 200: ZReviewDetail, ...errorResponses } } },
    async (req) => {
      const { reviewId } = await db.transaction((tx) => requestFairCompetitionReview(tx, ctx, principal(req), req.body));
      return detail(req, reviewId);
    },
  );

  app.get(
    '/api/fair-competition/reviews/:id',
    { schema: { tags, summary: '公平竞争审查详情', params: ZId, response: { 200: ZReviewDetail, ...errorResponses } } },
    async (req) => detail(req, req.params.id),
  );

  const wf = fairCompetitionWorkflowV1;
  for (const name of Object.keys(fairCompetitionInputs) as TransitionName[]) {
    const t = wf.transitions[name];
    const input: z.ZodType = fairCompetitionInputs[name];
    app.post(
      `/api/fair-competition/reviews/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          const r = await findReview(db, (req.params as { id: string }).id);
          if (!r || !reviewAbilities(principal(req), r.orgId).read) throw notFound('公平竞争审查');
        },
        schema: {
          tags,
          operationId: `fairCompetitionTransition_${name}`,
          summary: `办理公平竞争审查环节：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: input.safeParse({}).success ? input.prefault({}) : input,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZReviewDetail, ...errorResponses },
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
}
