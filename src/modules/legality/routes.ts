/**
 * 合法性审查 API: the kinds with their checklists and periods, the reviews the caller sees (the legal office's queue),
 * a review's file, one operation per transition, and the register of 法律顾问 and 公职律师. A review is requested by
 * the subject's module (requestLegalityReview), not here.
 */
import { z } from 'zod';
import { reviewKindIds } from '../../domain/legality/rules.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { enforcementBodyOf } from '../../platform/orgs.ts';
import { authorize, roleLabels, type Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import { legalityAbilities } from './access.ts';
import { adviserAbilities, changeAdviser, registerAdviser, ZAdviserChange, ZAdviserInput } from './advisers.ts';
import { listAdvisers, listReviews, reviewDetail, reviewKindCatalogue } from './queries.ts';
import { ZAdviser, ZAdviserList, ZReviewDetail, ZReviewKinds, ZReviewList } from './responses.ts';
import { findReview } from './store.ts';
import { reviewInputs, type ReviewTransition } from './transitions/inputs.ts';
import { legalityReviewWorkflowV1 } from './workflow.ts';

const tags = ['合法性审查'];
const ZId = z.object({ id: z.string().min(1).max(64) });

export function registerLegalityRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  const detail = async (p: Principal, id: string) => {
    const d = await reviewDetail(ctx.registry, db, p, id);
    if (!d) throw notFound('合法性审查');
    return d;
  };

  app.get(
    '/api/legality/kinds',
    { schema: { tags, summary: '合法性审查的类别：审查事项、最短审查时间、审查时限及其依据', response: { 200: ZReviewKinds, ...errorResponses } } },
    async () => reviewKindCatalogue(),
  );

  app.get(
    '/api/legality/reviews',
    {
      schema: {
        tags,
        summary: '合法性审查列表（送审机构的、法制审核机构待审的）',
        querystring: z.strictObject({
          state: z.enum(['underReview', 'returned', 'concluded', 'withdrawn']).optional(),
          kind: z.enum(reviewKindIds).optional(),
          open: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: ZReviewList, ...errorResponses },
      },
    },
    async (req) => listReviews(db, principal(req), { ...req.query, open: req.query.open === 'true' }),
  );

  app.get(
    '/api/legality/reviews/:id',
    {
      schema: {
        tags,
        summary: '合法性审查详情：送审材料、审查事项、法律顾问意见、审查意见、期限、可办理的环节',
        params: ZId,
        response: { 200: ZReviewDetail, ...errorResponses },
      },
    },
    async (req) => detail(principal(req), req.params.id),
  );

  const wf = legalityReviewWorkflowV1;
  for (const name of Object.keys(reviewInputs) as ReviewTransition[]) {
    const t = wf.transitions[name];
    app.post(
      `/api/legality/reviews/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          const p = principal(req);
          const row = await findReview(db, (req.params as { id: string }).id);
          if (!row) throw notFound('合法性审查');
          const a = await legalityAbilities(db, p, row);
          authorize(a, undefined, '合法性审查');
          if (!(a.review || a.request)) authorize(a, 'review', '合法性审查');
        },
        schema: {
          tags,
          operationId: `legalityReviewTransition_${name}`,
          summary: `办理合法性审查环节：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
          params: ZId,
          body: z.strictObject({
            expectedVersion: z.number().int().min(0),
            input: reviewInputs[name] as z.ZodType,
            date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
          }),
          response: { 200: ZReviewDetail, ...errorResponses },
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

  app.post(
    '/api/legality/reviews/:id/transitions/:name',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(64), name: z.string().max(64) }),
        body: z.unknown(),
        response: { 200: ZReviewDetail, ...errorResponses },
      },
    },
    async (req) => {
      throw new AppError('TRANSITION_UNKNOWN', `合法性审查没有名为“${req.params.name}”的环节`);
    },
  );

  app.get(
    '/api/legality/advisers',
    { schema: { tags, summary: '法律顾问、公职律师名录（含其提出法律意见的审查事项）', response: { 200: ZAdviserList, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      const body = (await enforcementBodyOf(db, p.orgId)) ?? p.orgId;
      return { items: await listAdvisers(db, p), mayManage: (await adviserAbilities(db, p, body)).manage };
    },
  );

  const adviserAnswer = async (p: Principal, id: string) => {
    const a = (await listAdvisers(db, p)).find((x) => x.id === id);
    if (!a) throw notFound('法律顾问或者公职律师');
    return a;
  };

  app.post(
    '/api/legality/advisers',
    { schema: { tags, summary: '登记法律顾问或者公职律师', body: ZAdviserInput, response: { 200: ZAdviser, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      const row = await db.transaction((tx) => registerAdviser(tx, ctx, p, req.body));
      return adviserAnswer(p, row.id);
    },
  );

  app.patch(
    '/api/legality/advisers/:id',
    {
      schema: {
        tags,
        summary: '变更法律顾问或者公职律师（资格、所在单位、聘任期届满日），须说明理由',
        params: ZId,
        body: ZAdviserChange,
        response: { 200: ZAdviser, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await db.transaction((tx) => changeAdviser(tx, ctx, p, req.params.id, req.body));
      return adviserAnswer(p, req.params.id);
    },
  );
}
