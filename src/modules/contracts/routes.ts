/**
 * 合同合法性审查 and 立法征询 API: register, list, detail, one operation per transition. The contract's legality review
 * runs in the legality module (its opinion at /api/legality/reviews/:id); files are uploaded to the matter through the
 * record's evidence routes (POST /api/matters/contractReview/:id/evidence).
 */
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, roleLabels } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { transition } from '../../platform/workflow/engine.ts';
import type { WorkflowDef } from '../../domain/workflow.ts';
import { contractAbilities, legislativeAbilities } from './access.ts';
import { registerContract, registerLegislative, ZContractInput, ZLegislativeInput } from './commands.ts';
import { contractDetail, legislativeDetail, listContracts, listLegislative } from './queries.ts';
import { ZContractDetail, ZContractList, ZLegislativeDetail, ZLegislativeList } from './responses.ts';
import { findContract, findLegislative } from './store.ts';
import { contractInputs, legislativeInputs } from './transitions/inputs.ts';
import { contractWorkflowV1, legislativeWorkflowV1 } from './workflow.ts';

const tags = ['合同合法性审查、立法征询'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export function registerContractRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  const contract = async (req: { params: { id: string } } & Parameters<typeof principal>[0]) => {
    const d = await contractDetail(ctx.registry, db, principal(req), req.params.id);
    if (!d) throw notFound('合同');
    return d;
  };
  const legislative = async (req: { params: { id: string } } & Parameters<typeof principal>[0]) => {
    const d = await legislativeDetail(ctx.registry, db, principal(req), req.params.id);
    if (!d) throw notFound('立法征询');
    return d;
  };

  app.get(
    '/api/contracts',
    {
      schema: {
        tags,
        summary: '合同列表（本机构及下级机构的；法制审核机构、局领导可见本机关的）',
        querystring: z.strictObject({ state: z.enum(['draft', 'underReview', 'signed', 'closed', 'abandoned']).optional(), ...page }),
        response: { 200: ZContractList, ...errorResponses },
      },
    },
    async (req) => listContracts(db, principal(req), req.query),
  );

  app.post(
    '/api/contracts',
    { schema: { tags, summary: '登记拟签订的合同（相对人、金额（分）、期限）', body: ZContractInput, response: { 200: ZContractDetail, ...errorResponses } } },
    async (req) => {
      const id = await db.transaction((tx) => registerContract(tx, ctx, principal(req), req.body));
      return contract({ ...req, params: { id } } as never);
    },
  );

  app.get(
    '/api/contracts/:id',
    {
      schema: {
        tags,
        summary: '合同详情：合法性审查、签订前的审查结论、文件、履行和纠纷情况',
        params: ZId,
        response: { 200: ZContractDetail, ...errorResponses },
      },
    },
    async (req) => contract(req),
  );

  const transitionRoutes = (
    base: string,
    what: string,
    wf: WorkflowDef<never>,
    inputs: Record<string, z.ZodType>,
    abilities: (id: string, p: ReturnType<typeof principal>) => Promise<{ read: boolean; handle: boolean } | null>,
    answer: (req: never) => Promise<unknown>,
    response: z.ZodType,
  ) => {
    for (const name of Object.keys(inputs)) {
      const t = wf.transitions[name];
      app.post(
        `${base}/:id/transitions/${name}`,
        {
          preValidation: async (req) => {
            const a = await abilities((req.params as { id: string }).id, principal(req));
            if (!a) throw notFound(what);
            authorize(a, 'handle', what);
          },
          schema: {
            tags,
            operationId: `${wf.type}Transition_${name}`,
            summary: `办理${what}环节：${t.label}`,
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
          const body = req.body as { expectedVersion: number; input: Record<string, unknown>; date?: string };
          const id = (req.params as { id: string }).id;
          await transition(ctx, principal(req), { matterId: id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
          return answer(req as never);
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
        throw new AppError('TRANSITION_UNKNOWN', `${what}没有名为“${(req.params as { name: string }).name}”的环节`);
      },
    );
  };

  transitionRoutes(
    '/api/contracts',
    '合同',
    contractWorkflowV1 as WorkflowDef<never>,
    contractInputs,
    async (id, p) => {
      const row = await findContract(db, id);
      return row && contractAbilities(db, p, row);
    },
    contract as never,
    ZContractDetail,
  );

  app.get(
    '/api/legislative-consultations',
    {
      schema: {
        tags,
        summary: '立法征询列表（上级机关就法律法规规章草案征求意见；逾期未答复的标出）',
        querystring: z.strictObject({ state: z.enum(['received', 'replied']).optional(), ...page }),
        response: { 200: ZLegislativeList, ...errorResponses },
      },
    },
    async (req) => listLegislative(db, principal(req), req.query),
  );

  app.post(
    '/api/legislative-consultations',
    {
      schema: {
        tags,
        summary: '登记立法征询（征求意见机关、草案名称、收到日期、对方要求的答复期限）',
        body: ZLegislativeInput,
        response: { 200: ZLegislativeDetail, ...errorResponses },
      },
    },
    async (req) => {
      const id = await db.transaction((tx) => registerLegislative(tx, ctx, principal(req), req.body));
      return legislative({ ...req, params: { id } } as never);
    },
  );

  app.get(
    '/api/legislative-consultations/:id',
    { schema: { tags, summary: '立法征询详情', params: ZId, response: { 200: ZLegislativeDetail, ...errorResponses } } },
    async (req) => legislative(req),
  );

  transitionRoutes(
    '/api/legislative-consultations',
    '立法征询',
    legislativeWorkflowV1 as WorkflowDef<never>,
    legislativeInputs,
    async (id, p) => {
      const row = await findLegislative(db, id);
      return row && legislativeAbilities(db, p, row.bodyId);
    },
    legislative as never,
    ZLegislativeDetail,
  );
}
