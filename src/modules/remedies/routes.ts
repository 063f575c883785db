/**
 * 行政复议 and 行政应诉 API: register a reconsideration (application copy received) or a suit (complaint copy received)
 * against any subject of the registry, list them (also by subject: `?subjectType=&subjectId=`, which other pages use),
 * a file, one operation per transition, and the answer bundle with the record's inclusion proofs.
 */
import { z } from 'zod';
import {
  absenceGrounds,
  appearanceKinds,
  appearanceSource,
  effectLabels,
  judgmentOutcomes,
  reconsiderationOutcomes,
  subjectKinds,
} from '../../domain/remedies/rules.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, roleLabels, type Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition, type GuardInput } from '../../platform/workflow/engine.ts';
import { remedyAbilities } from './access.ts';
import { bundleWithProofs, type Bundle } from './bundle.ts';
import { registerLawsuit, registerReconsideration } from './commands/register.ts';
import { lawsuitDetail, listLawsuits, listReconsiderations, reconsiderationDetail } from './queries.ts';
import { ZLawsuitDetail, ZLawsuitList, ZReconsiderationDetail, ZReconsiderationList, ZRemedyCatalogue } from './responses.ts';
import { ZRegisterLawsuit, ZRegisterReconsideration, ZRemedyListQuery } from './schema.ts';
import { findRemedy, type RemedyType } from './store.ts';
import { executionLabels, lawsuitInputs, reconsiderationInputs } from './transitions/inputs.ts';
import { lawsuitWorkflowV1, reconsiderationWorkflowV1 } from './workflow.ts';

const tags = ['行政复议和行政应诉'];
const ZId = z.object({ id: z.string().min(1).max(64) });

const outcomeCatalogue = (o: Record<string, { label: string; effect: string | null; basis: readonly string[] }>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { label: v.label, effect: v.effect, basis: [...v.basis] }]));

export function registerRemedyRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/api/remedies/catalogue',
    { schema: { tags, summary: '行政复议决定、裁判结果、负责人出庭应诉情形及其依据', response: { 200: ZRemedyCatalogue, ...errorResponses } } },
    async () => ({
      reconsiderationOutcomes: outcomeCatalogue(reconsiderationOutcomes),
      judgmentOutcomes: outcomeCatalogue(judgmentOutcomes),
      subjectKinds: { ...subjectKinds },
      appearanceKinds: { ...appearanceKinds },
      absenceGrounds: { ...absenceGrounds },
      effects: { ...effectLabels },
      executionKinds: { ...executionLabels },
      appearanceSource,
    }),
  );

  const recDetail = async (p: Principal, id: string) => {
    const d = await reconsiderationDetail(ctx.registry, db, p, id);
    if (!d) throw notFound('行政复议案件');
    return d;
  };
  const lawDetail = async (p: Principal, id: string) => {
    const d = await lawsuitDetail(ctx.registry, db, p, id);
    if (!d) throw notFound('行政诉讼案件');
    return d;
  };

  app.get(
    '/api/reconsiderations',
    {
      schema: {
        tags,
        summary: '行政复议案件列表（本机关为被申请人）；subjectType 与 subjectId 列出某一事项的复议',
        querystring: ZRemedyListQuery,
        response: { 200: ZReconsiderationList, ...errorResponses },
      },
    },
    async (req) => listReconsiderations(db, principal(req), req.query),
  );
  app.post(
    '/api/reconsiderations',
    {
      schema: {
        tags,
        summary: '登记行政复议（收到申请书副本），开始计算答复期限',
        body: ZRegisterReconsideration,
        response: { 200: ZReconsiderationDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const { id } = await db.transaction((tx) => registerReconsideration(tx, ctx, p, req.body));
      return recDetail(p, id);
    },
  );
  app.get(
    '/api/reconsiderations/:id',
    { schema: { tags, summary: '行政复议案件详情', params: ZId, response: { 200: ZReconsiderationDetail, ...errorResponses } } },
    async (req) => recDetail(principal(req), req.params.id),
  );
  app.get(
    '/api/reconsiderations/:id/answer-bundle',
    {
      schema: {
        tags,
        summary: '答复材料清单：被申请行为的记录条目（附包含证明和签名树头）、文件和文书的哈希，供行政复议机关核验',
        params: ZId,
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const row = await findRemedy(db, 'reconsideration', req.params.id);
      if (!row) throw notFound('行政复议案件');
      authorize(await remedyAbilities(db, p, row.bodyId), undefined, '行政复议案件');
      const b = (
        await db.query<{ bundle: Bundle | null; hash: string | null }>('select bundle, bundle_hash as hash from reconsiderations where id = $1', [row.id])
      ).rows[0];
      if (!b?.bundle || !b.hash) throw new AppError('REMEDY_NOT_ANSWERED', '尚未提出书面答复，没有答复材料');
      reply.header('content-disposition', `attachment; filename="answer-bundle-${row.id}.json"`);
      return bundleWithProofs(ctx, b.bundle, b.hash);
    },
  );

  app.get(
    '/api/lawsuits',
    {
      schema: {
        tags,
        summary: '行政诉讼案件列表（本机关为被告）；subjectType 与 subjectId 列出某一事项的诉讼',
        querystring: ZRemedyListQuery,
        response: { 200: ZLawsuitList, ...errorResponses },
      },
    },
    async (req) => listLawsuits(db, principal(req), req.query),
  );
  app.post(
    '/api/lawsuits',
    {
      schema: {
        tags,
        summary: '登记行政诉讼（收到起诉状副本），开始计算答辩期限',
        body: ZRegisterLawsuit,
        response: { 200: ZLawsuitDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const { id } = await db.transaction((tx) => registerLawsuit(tx, ctx, p, req.body));
      return lawDetail(p, id);
    },
  );
  app.get(
    '/api/lawsuits/:id',
    { schema: { tags, summary: '行政诉讼案件详情', params: ZId, response: { 200: ZLawsuitDetail, ...errorResponses } } },
    async (req) => lawDetail(principal(req), req.params.id),
  );

  const transitions = (
    type: RemedyType,
    base: string,
    wf: WorkflowDef<GuardInput<never>>,
    inputs: Record<string, z.ZodType>,
    label: string,
    detail: (p: Principal, id: string) => Promise<unknown>,
    response: z.ZodType,
  ) => {
    for (const name of Object.keys(inputs)) {
      const t = wf.transitions[name];
      app.post(
        `${base}/:id/transitions/${name}`,
        {
          preValidation: async (req) => {
            const row = await findRemedy(db, type, (req.params as { id: string }).id);
            if (!row) throw notFound(label);
            authorize(await remedyAbilities(db, principal(req), row.bodyId), 'handle', label);
          },
          schema: {
            tags,
            operationId: `${type}Transition_${name}`,
            summary: `办理${label}环节：${t.label}`,
            description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。版本不符 409。`,
            params: ZId,
            body: z.strictObject({
              expectedVersion: z.number().int().min(0),
              input: inputs[name],
              date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
            }),
            response: { 200: response, ...errorResponses },
          },
        },
        async (req) => {
          const p = principal(req);
          const id = (req.params as { id: string }).id;
          const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
          await transition(ctx, p, { matterId: id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
          return detail(p, id);
        },
      );
    }
    app.post(
      `${base}/:id/transitions/:name`,
      {
        schema: {
          hide: true,
          params: z.object({ id: z.string().min(1).max(64), name: z.string().max(64) }),
          body: z.unknown(),
          response: { 200: response, ...errorResponses },
        },
      },
      async (req) => {
        throw new AppError('TRANSITION_UNKNOWN', `${label}没有名为“${(req.params as { name: string }).name}”的环节`);
      },
    );
  };
  transitions('reconsideration', '/api/reconsiderations', reconsiderationWorkflowV1, reconsiderationInputs, '行政复议案件', recDetail, ZReconsiderationDetail);
  transitions('lawsuit', '/api/lawsuits', lawsuitWorkflowV1, lawsuitInputs, '行政诉讼案件', lawDetail, ZLawsuitDetail);
}
