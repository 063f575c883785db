/**
 * 执法办案 API: open a case, read the list and the file, take a workflow transition (validated
 * per transition, guarded by the engine), and the acts that are not transitions.
 */
import { z } from 'zod';
import { logAccess, partySubject } from '../../platform/audit/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction, readsOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { roleLabels, type Principal } from '../../platform/policies.ts';
import { deadlinesInScope, findMatter, matterVisible, suspendDeadline, transition } from '../../platform/workflow/engine.ts';
import { actorOf } from '../../platform/context.ts';
import { chinaToday } from '../../domain/dates.ts';
import {
  avChecklist,
  caseActs,
  caseSources,
  evidenceKinds,
  legalReviewItems,
  majorCriteria,
  reviewOpinions,
  serviceMethods,
} from '../../domain/cases/rules.ts';
import { addEvidence } from './commands/add-evidence.ts';
import { extendCaseDeadline, perItemRules } from './commands/extend-deadline.ts';
import { registerMeasureRoutes } from './measure-routes.ts';
import { openCase } from './commands/open-case.ts';
import { recordStatement, recordWaiver } from './commands/record-defence.ts';
import { approvePaymentPlan, recordPayment } from './commands/record-payment.ts';
import { concludeChallenge, recordChallenge, recordExecution } from './commands/record-execution.ts';
import { setMajorCatalogue } from './commands/set-major-catalogue.ts';
import { caseDetail, caseOutcomeStatistics, listCases } from './queries.ts';
import {
  ZAddEvidenceRequest,
  ZCaseListQuery,
  ZCaseStatisticsQuery,
  ZCatalogueRequest,
  ZCreateCaseRequest,
  ZExtendRequest,
  ZPaymentPlanRequest,
  ZChallengeConclusionRequest,
  ZChallengeRequest,
  ZExecutionRequest,
  ZPaymentRequest,
  ZStatementRequest,
  ZSuspendRequest,
  ZTransitionRequest,
  ZWaiverRequest,
  transitionInputs,
  type TransitionName,
} from './schema.ts';
import { ZCaseDetail, ZCaseList, ZCaseStatistics, ZCaseReference, ZCreated, ZMajorCatalogues, ZMyDeadlines } from './responses.ts';
import { caseWorkflowV1 } from './workflow.ts';

const tags = ['执法办案'];
const ZId = z.object({ id: z.string().min(1).max(64) });
/** every act on a case answers with the case file */
const withFile = { 200: ZCaseDetail, ...errorResponses };

/**
 * The body of one transition: the version read and the transition's own input schema (an input that may be
 * empty may also be left out).
 */
function transitionBody<T extends TransitionName>(name: T) {
  const input: z.ZodType = transitionInputs[name];
  return ZTransitionRequest.extend({ input: input.safeParse({}).success ? input.prefault({}) : input });
}

export function registerCaseRoutes(app: App, ctx: AppContext) {
  // 查封、扣押, 先行登记保存的处理决定, 告知举报人, 推送登记地 (issue 10 item 10)
  registerMeasureRoutes(app, ctx);
  const detail = async (p: ReturnType<typeof principal>, id: string) => {
    const d = await caseDetail(ctx.registry, ctx.db, p, id);
    if (!d) throw notFound('案件');
    return d;
  };

  app.get(
    '/api/cases/reference',
    {
      schema: {
        tags,
        summary: '办案目录：案件来源、证据种类、音像记录事项清单、送达方式、法制审核事项、重大执法决定情形、环节',
        response: { 200: ZCaseReference, ...errorResponses },
      },
    },
    async () => ({
      sources: caseSources,
      evidenceKinds,
      avChecklist,
      serviceMethods,
      legalReviewItems,
      reviewOpinions,
      majorCriteria,
      states: Object.fromEntries(Object.entries(caseWorkflowV1.states).map(([k, v]) => [k, v.label])),
      transitions: Object.fromEntries(
        Object.entries(caseWorkflowV1.transitions).map(([k, v]) => [k, { label: v.label, from: v.from, to: v.to, roles: v.roles }]),
      ),
    }),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        summary: '案件列表（含待办：mine 本单位在办、review 待审核、approve 待审批）',
        querystring: ZCaseListQuery,
        response: { 200: ZCaseList, ...errorResponses },
      },
    },
    async (req) => listCases(ctx.db, principal(req), req.query),
  );

  app.get(
    '/api/cases/statistics',
    {
      schema: {
        tags,
        summary: '决定结果统计：给予行政处罚、不予行政处罚（按法定情形）、免予行政处罚（按免罚清单）分别计数',
        querystring: ZCaseStatisticsQuery,
        response: { 200: ZCaseStatistics, ...errorResponses },
      },
    },
    async (req) => caseOutcomeStatistics(readsOf(ctx), principal(req), req.query), // may lag (the read replica)
  );

  app.post(
    '/api/cases',
    { schema: { tags, summary: '登记案件线索（普通程序或简易程序）', body: ZCreateCaseRequest, response: { 201: ZCaseDetail, ...errorResponses } } },
    async (req, reply) => {
      const p = principal(req);
      const id = await openCase(ctx, p, req.body);
      reply.status(201);
      return detail(p, id);
    },
  );

  app.get(
    '/api/deadlines/mine',
    { schema: { tags, summary: '本单位（含下级）将到期和已逾期的期限，供工作台提醒', response: { 200: ZMyDeadlines, ...errorResponses } } },
    async (req) => ({
      items: await deadlinesInScope(ctx.db, principal(req)),
    }),
  );

  app.get(
    '/api/cases/:id',
    { schema: { tags, summary: '案件（卷宗）：状态、可办环节、证据、审核、讨论、期限、文书、缴款（记入访问日志）', params: ZId, response: withFile } },
    async (req) => {
      const d = await detail(principal(req), req.params.id);
      // the file carries the party's unmasked data: audited before it is sent
      await logAccess(ctx.db, req, {
        action: 'case.read',
        resourceType: 'case',
        resourceId: d.id,
        matter: { type: 'case', id: d.id },
        subject: partySubject(d.party),
        note: d.caseNumber ?? null,
      });
      return d;
    },
  );

  /** The case, if the caller sees it; 404 otherwise. */
  const visibleCase = async (p: Principal, id: string) => {
    const m = await findMatter(ctx.db, id);
    if (m?.type !== 'case' || !(await matterVisible(ctx.registry, ctx.db, p, m))) throw notFound('案件');
    return m;
  };

  /** Takes one transition of a visible case, on the given date (default today, never later). */
  const takeTransition = async (p: Principal, id: string, name: TransitionName, body: { expectedVersion: number; date?: string; input: unknown }) => {
    const m = await visibleCase(p, id);
    const date = body.date ?? chinaToday();
    if (date > chinaToday()) throw new AppError('DATE_IN_FUTURE', '办理日期不能晚于今天');
    await transition(ctx, p, { matterId: m.id, transition: name, expectedVersion: body.expectedVersion, input: body.input as Record<string, unknown>, date });
    return detail(p, m.id);
  };

  // one operation per transition, its body validated by the transition's own input schema; whoever does not see
  // the case gets 404 before the body is looked at, whatever it holds
  const states = caseWorkflowV1.states;
  for (const name of Object.keys(transitionInputs) as TransitionName[]) {
    const t = caseWorkflowV1.transitions[name];
    if (!t) continue;
    app.post(
      `/api/cases/:id/transitions/${name}`,
      {
        preValidation: async (req) => {
          await visibleCase(principal(req), (req.params as { id: string }).id);
        },
        schema: {
          tags,
          operationId: `caseTransition_${name}`,
          summary: `办理环节：${t.label}`,
          description: `从“${t.from.map((s) => states[s]?.label ?? s).join('、')}”到“${states[t.to]?.label ?? t.to}”；可办理的角色：${t.roles.map((r) => roleLabels[r]).join('、')}。守卫不满足时 422 并列出原因；版本不符 409。`,
          params: ZId,
          body: transitionBody(name),
          response: withFile,
        },
      },
      async (req) => takeTransition(principal(req), req.params.id, name, req.body as { expectedVersion: number; date?: string; input: unknown }),
    );
  }
  // any other name: 404 for a case the caller does not see, else 422 TRANSITION_UNKNOWN
  app.post(
    '/api/cases/:id/transitions/:transition',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.string().min(1).max(64), transition: z.string().min(1).max(40) }),
        body: ZTransitionRequest,
        response: withFile,
      },
    },
    async (req) => {
      await visibleCase(principal(req), req.params.id);
      throw new AppError('TRANSITION_UNKNOWN', `行政处罚案件没有名为“${req.params.transition}”的环节`);
    },
  );

  // the acts on a case that are not transitions: validate, run the command, answer with the case file
  const acts = [
    { path: 'evidence', summary: '登记证据（调查取证）', body: ZAddEvidenceRequest, run: (p: Principal, id: string, b: never) => addEvidence(ctx, p, id, b) },
    {
      path: 'statement',
      summary: '登记陈述申辩及复核意见',
      body: ZStatementRequest,
      run: (p: Principal, id: string, b: never) => recordStatement(ctx, p, id, b),
    },
    {
      path: 'waiver',
      summary: '登记当事人书面放弃陈述申辩或听证',
      body: ZWaiverRequest,
      run: (p: Principal, id: string, b: never) => recordWaiver(ctx, p, id, b),
    },
    { path: 'payments', summary: '登记缴款（先抵加处罚款）', body: ZPaymentRequest, run: (p: Principal, id: string, b: never) => recordPayment(ctx, p, id, b) },
    {
      path: 'payment-plan',
      summary: '批准延期或分期缴纳罚款（行政处罚法 第六十六条）',
      body: ZPaymentPlanRequest,
      run: (p: Principal, id: string, b: never) => approvePaymentPlan(ctx, p, id, b, chinaToday()),
    },
    {
      path: 'challenges',
      summary: '登记当事人申请行政复议或者提起行政诉讼（期间不计算加处罚款，行政处罚法 第七十三条）',
      body: ZChallengeRequest,
      run: (p: Principal, id: string, b: never) => recordChallenge(ctx, p, id, b),
    },
    {
      path: 'challenge-conclusion',
      summary: '登记行政复议或者行政诉讼的结果',
      body: ZChallengeConclusionRequest,
      run: (p: Principal, id: string, b: never) => concludeChallenge(ctx, p, id, b),
    },
    {
      path: 'execution',
      summary: '登记处罚决定一项的执行（没收违法所得缴纳、没收物品移交销毁拍卖、停产停业及许可证件的跟踪落实）',
      body: ZExecutionRequest,
      run: (p: Principal, id: string, b: never) => recordExecution(ctx, p, id, b),
    },
  ] as const;
  for (const a of acts) {
    app.post(`/api/cases/:id/${a.path}`, { schema: { tags, summary: a.summary, params: ZId, body: a.body, response: withFile } }, async (req) => {
      const p = principal(req);
      await a.run(p, req.params.id, req.body as never);
      return detail(p, req.params.id);
    });
  }

  const deadlineAct =
    (kind: 'extend' | 'suspend') =>
    async (
      p: ReturnType<typeof principal>,
      id: string,
      fn: (tx: import('../../platform/db/index.ts').Queryable, m: import('../../platform/workflow/engine.ts').MatterRow) => Promise<unknown>,
    ) =>
      inTransaction(ctx, async (tx) => {
        const m = await findMatter(tx, id);
        if (m?.type !== 'case' || !(await matterVisible(ctx.registry, tx, p, m))) throw notFound('案件');
        const act = caseActs[kind === 'extend' ? 'extendDeadline' : 'suspendDeadline'];
        if (!p.roles.some((r) => (act.roles as readonly string[]).includes(r))) throw new AppError('FORBIDDEN', act.refusal);
        if (caseWorkflowV1.states[m.state]?.final) throw new AppError('CASE_STATE_NOT_ALLOWED', '案件已办结');
        return fn(tx, m);
      });
  app.post(
    '/api/cases/:id/deadlines/extend',
    { schema: { tags, summary: '批准延长期限（如办案期限延长三十日）', params: ZId, body: ZExtendRequest, response: withFile } },
    async (req) => {
      const p = principal(req);
      await deadlineAct('extend')(p, req.params.id, (tx, m) => extendCaseDeadline(tx, ctx, p, m, req.body));
      return detail(p, req.params.id);
    },
  );
  app.post(
    '/api/cases/:id/deadlines/suspend',
    { schema: { tags, summary: '登记不计入期限的期间（检测、检验、鉴定、公告等）', params: ZId, body: ZSuspendRequest, response: withFile } },
    async (req) => {
      const p = principal(req);
      await deadlineAct('suspend')(p, req.params.id, async (tx, m) => {
        if (perItemRules.has(req.body.ruleId))
          throw new AppError('DEADLINE_NOT_SUSPENDABLE', '查封、扣押的检测、检验期间在该措施中登记（《行政强制法》第二十五条第三款）');
        const due = await suspendDeadline(tx, ctx, actorOf(p), m, req.body);
        if (due === null) throw notFound('未届满的期限');
      });
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/orgs/:id/major-catalogue',
    { schema: { tags, summary: '调整重大执法决定法制审核目录清单', params: ZId, body: ZCatalogueRequest, response: { 201: ZCreated, ...errorResponses } } },
    async (req, reply) => {
      const id = await setMajorCatalogue(ctx, principal(req), req.params.id, req.body);
      reply.status(201);
      return { id };
    },
  );
  app.get(
    '/api/orgs/:id/major-catalogue',
    { schema: { tags, summary: '重大执法决定法制审核目录清单（历次版本）', params: ZId, response: { 200: ZMajorCatalogues, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      if (!p.scope.has(req.params.id)) throw notFound('机构');
      const rows = (
        await ctx.db.query<{ id: string; validFrom: string; validTo: string | null; criteria: string[]; documentNumber: string | null; note: string | null }>(
          `select id, valid_from as "validFrom", valid_to as "validTo", criteria, document_number as "documentNumber", note from major_decision_catalogues where org_id = $1 order by valid_from`,
          [req.params.id],
        )
      ).rows;
      return { items: rows, defaults: Object.keys(majorCriteria) };
    },
  );
}
