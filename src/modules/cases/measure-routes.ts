/**
 * The case's 查封、扣押 and the other time-limited acts of issue 10 item 10: the measures card's data (measures with
 * their due dates, 先行登记保存 items awaiting their 处理决定, the 实名举报人 notice, the push to the party's
 * registration place) and the acts on them. Each act answers with the card's data; whoever does not see the case gets
 * 404 before the body is looked at.
 */
import { z } from 'zod';
import { disposalGrounds, measureKinds, preservationDecisions, releaseGrounds } from '../../domain/cases/measures.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter, matterVisible } from '../../platform/workflow/engine.ts';
import { endMeasure, extendMeasure, imposeMeasure, recordMeasureTesting } from './commands/coercive-measure.ts';
import { decidePreservation } from './commands/decide-preservation.ts';
import { notifyReporter } from './commands/notify-reporter.ts';
import { recordPublicityPush } from './commands/push-publicity.ts';
import { approversOf, measureAbilities, measureDeadlineName, measuresOf, preservationDeadlineName, reporterOf } from './measures.ts';
import {
  ZEndMeasureRequest,
  ZExtendMeasureRequest,
  ZImposeMeasureRequest,
  ZMeasureTestingRequest,
  ZPreservationDecisionRequest,
  ZPublicityPushRequest,
  ZReporterNoticeRequest,
} from './schema.ts';

const tags = ['执法办案'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const ZSubId = z.object({ id: z.string().min(1).max(64), sub: z.string().min(1).max(64) });
const str = z.string();
const nstr = z.string().nullable();

const ZDue = z.object({ due: str, status: z.enum(['open', 'met', 'cancelled']), overdue: z.boolean(), warning: z.boolean() }).nullable();

export const ZCaseMeasures = z.object({
  measures: z.array(
    z.object({
      id: str,
      kind: z.enum(['seal', 'seize']),
      kindLabel: str,
      reason: str,
      basis: str,
      items: z.array(z.object({ name: str, quantity: str, note: nstr.optional() })),
      place: str,
      imposedOn: str,
      periodDays: z.number(),
      status: z.enum(['active', 'released', 'disposed']),
      decisionNumber: nstr,
      extension: z.object({ extendedOn: str, days: z.number(), reason: str, number: nstr }).nullable(),
      testing: z.array(z.object({ from: str, to: str, reason: str })),
      ended: z.object({ on: str, kind: z.enum(['release', 'dispose']), ground: str, groundLabel: str, reason: str, number: nstr }).nullable(),
      deadline: ZDue,
    }),
  ),
  preservations: z.array(
    z.object({
      evidenceId: str,
      title: str,
      collectedOn: str,
      deadline: ZDue,
      decision: z.object({ decidedOn: str, decision: str, label: str, note: str, late: z.boolean(), number: nstr }).nullable(),
    }),
  ),
  reporter: z
    .object({
      name: str,
      phone: nstr,
      deadline: ZDue,
      notices: z.array(z.object({ notifiedOn: str, method: str, decision: z.enum(['filed', 'notFiled']), note: nstr })),
    })
    .nullable(),
  push: z.object({ deadline: ZDue, done: z.object({ pushedOn: str, via: str, recipient: str, note: nstr }).nullable() }).nullable(),
  /** the leaders who may approve a measure (行政强制法 第十八条第（一）项) */
  approvers: z.array(z.object({ id: str, name: str })),
  abilities: z.object({
    imposeMeasure: z.boolean(),
    extendMeasure: z.boolean(),
    recordMeasureTesting: z.boolean(),
    endMeasure: z.boolean(),
    decidePreservation: z.boolean(),
    notifyReporter: z.boolean(),
    recordPublicityPush: z.boolean(),
  }),
  vocabulary: z.object({
    kinds: z.record(str, str),
    releaseGrounds: z.record(str, str),
    disposalGrounds: z.record(str, str),
    preservationDecisions: z.record(str, str),
  }),
});
export type TCaseMeasures = z.infer<typeof ZCaseMeasures>;

/** a phone number shown on the card: the last four digits (the reporter's identity is kept confidential) */
const maskPhone = (s: string | null | undefined) => (s ? `${'*'.repeat(Math.max(0, s.length - 4))}${s.slice(-4)}` : null);

async function caseMeasures(ctx: AppContext, q: Queryable, p: Principal, caseId: string): Promise<TCaseMeasures> {
  const m = await findMatter(q, caseId);
  if (m?.type !== 'case' || !(await matterVisible(ctx.registry, q, p, m))) throw notFound('案件');
  const today = chinaToday();
  const deadlines = (
    await q.query<{ ruleId: string; openedBy: string | null; due: string; status: 'open' | 'met' | 'cancelled'; warnFrom: string }>(
      `select rule_id as "ruleId", opened_by_transition as "openedBy", due_date as due, status, warn_from as "warnFrom" from matter_deadlines
        where matter_id = $1 and rule_id = any($2) order by created_at`,
      [caseId, ['coercive.seizure', 'evidence.preservationDecision', 'report.filingNotice', 'publicity.push']],
    )
  ).rows;
  const due = (d: (typeof deadlines)[number] | undefined) =>
    d ? { due: d.due, status: d.status, overdue: d.status === 'open' && d.due < today, warning: d.status === 'open' && d.warnFrom <= today } : null;
  const byOpener = (name: string) => due(deadlines.find((d) => d.openedBy === name));
  const lastOf = (rule: string) => due(deadlines.filter((d) => d.ruleId === rule).at(-1));
  const numbers = new Map(
    (await q.query<{ id: string; number: string }>(`select id, number from instruments where matter_type = 'case' and matter_id = $1`, [caseId])).rows.map(
      (r) => [r.id, r.number],
    ),
  );
  const num = (id: string | null | undefined) => (id ? (numbers.get(id) ?? null) : null);
  const measures = (await measuresOf(q, caseId)).map((x) => ({
    id: x.id,
    kind: x.kind,
    kindLabel: measureKinds[x.kind],
    reason: x.reason,
    basis: x.basis,
    items: x.items.map((i) => ({ name: i.name, quantity: i.quantity, note: i.note ?? null })),
    place: x.place,
    imposedOn: x.imposedOn,
    periodDays: x.periodDays,
    status: x.status,
    decisionNumber: num(x.decisionInstrumentId),
    extension: x.extension
      ? { extendedOn: x.extension.extendedOn, days: x.extension.days, reason: x.extension.reason, number: num(x.extension.instrumentId) }
      : null,
    testing: x.testing,
    ended: x.ended
      ? {
          on: x.ended.on,
          kind: x.ended.kind,
          ground: x.ended.ground,
          groundLabel:
            (x.ended.kind === 'release'
              ? releaseGrounds[x.ended.ground as keyof typeof releaseGrounds]
              : disposalGrounds[x.ended.ground as keyof typeof disposalGrounds]) ?? x.ended.ground,
          reason: x.ended.reason,
          number: num(x.ended.instrumentId),
        }
      : null,
    deadline: byOpener(measureDeadlineName(x.id)),
  }));
  const preservations = (
    await q.query<{
      id: string;
      title: string;
      collectedOn: string;
      d: { decidedOn: string; decision: keyof typeof preservationDecisions; note: string; instrumentId: string; late: boolean } | null;
    }>(
      `select id, title, collected_on as "collectedOn", preservation_decision as d from case_evidence where case_id = $1 and kind = 'evidencePreservation' order by collected_on, created_at`,
      [caseId],
    )
  ).rows.map((e) => ({
    evidenceId: e.id,
    title: e.title,
    collectedOn: e.collectedOn,
    deadline: byOpener(preservationDeadlineName(e.id)),
    decision: e.d
      ? {
          decidedOn: e.d.decidedOn,
          decision: e.d.decision,
          label: preservationDecisions[e.d.decision] ?? e.d.decision,
          note: e.d.note,
          late: !!e.d.late,
          number: num(e.d.instrumentId),
        }
      : null,
  }));
  const extra = (
    await q.query<{
      notices: { notifiedOn: string; method: string; decision: 'filed' | 'notFiled'; note: string | null }[];
      push: { pushedOn: string; via: string; recipient: string; note: string | null } | null;
    }>('select reporter_notices as notices, publicity_push as push from cases where id = $1', [caseId])
  ).rows[0];
  const reporter = await reporterOf(q, caseId);
  const pushDeadline = lastOf('publicity.push');
  const def = ctx.registry.workflowOf(m.type, m.workflowVersion)!;
  const bodyId = (await q.query<{ bodyId: string }>('select body_id as "bodyId" from cases where id = $1', [caseId])).rows[0].bodyId;
  const approvers = await approversOf(q, bodyId);
  return {
    approvers,
    measures,
    preservations,
    reporter: reporter
      ? {
          name: reporter.name,
          phone: maskPhone(reporter.phone),
          deadline: lastOf('report.filingNotice'),
          notices: (extra?.notices ?? []).map((n) => ({ notifiedOn: n.notifiedOn, method: n.method, decision: n.decision, note: n.note ?? null })),
        }
      : null,
    push: pushDeadline || extra?.push ? { deadline: pushDeadline, done: extra?.push ?? null } : null,
    abilities: measureAbilities(p, m.state, !!def.states[m.state]?.final),
    vocabulary: { kinds: measureKinds, releaseGrounds, disposalGrounds, preservationDecisions },
  };
}

export function registerMeasureRoutes(app: App, ctx: AppContext) {
  const withCard = { 200: ZCaseMeasures, ...errorResponses };
  const visible = async (req: { params: unknown }) => {
    const p = principal(req as never);
    const id = (req.params as { id: string }).id;
    const m = await findMatter(ctx.db, id);
    if (m?.type !== 'case' || !(await matterVisible(ctx.registry, ctx.db, p, m))) throw notFound('案件');
  };

  app.get(
    '/api/cases/:id/measures',
    {
      schema: {
        tags,
        summary: '查封扣押、先行登记保存、告知举报人、推送登记地：各项及其期限（行政强制法 第二十五条，行政处罚法 第五十六条）',
        params: ZId,
        response: withCard,
      },
    },
    async (req) => caseMeasures(ctx, ctx.db, principal(req), req.params.id),
  );
  /** One act on the card: the command, then the card as it now stands (every act answers with it). */
  const act = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (p: Principal, params: { id: string; sub: string }, input: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      path,
      { preValidation: visible, schema: { tags, summary, params: path.includes(':sub') ? ZSubId : ZId, body, response: withCard } },
      async (req) => {
        const p = principal(req);
        const params = req.params as { id: string; sub: string };
        await run(p, params, req.body as z.infer<B>);
        return caseMeasures(ctx, ctx.db, p, params.id);
      },
    );

  act(
    '/api/cases/:id/measures',
    '决定查封、扣押（负责人批准，两名执法人员，音像记录，决定书及清单；期限不超过三十日）',
    ZImposeMeasureRequest,
    (p, { id }, input) => imposeMeasure(ctx, p, id, input),
  );
  act(
    '/api/cases/:id/measures/:sub/extend',
    '延长查封、扣押期限（负责人批准，一次，不超过三十日，行政强制法 第二十五条）',
    ZExtendMeasureRequest,
    (p, { id, sub }, input) => extendMeasure(ctx, p, id, sub, input),
  );
  act(
    '/api/cases/:id/measures/:sub/testing',
    '登记检测、检验、检疫或者技术鉴定期间（不计入查封、扣押期限，行政强制法 第二十五条第三款）',
    ZMeasureTestingRequest,
    (p, { id, sub }, input) => recordMeasureTesting(ctx, p, id, sub, input),
  );
  act(
    '/api/cases/:id/measures/:sub/end',
    '解除查封、扣押（行政强制法 第二十八条）或作出没收、销毁的处理决定（第二十七条）',
    ZEndMeasureRequest,
    (p, { id, sub }, input) => endMeasure(ctx, p, id, sub, input),
  );
  act(
    '/api/cases/:id/evidence/:sub/preservation-decision',
    '对先行登记保存的证据作出处理决定（七个工作日内，行政处罚法 第五十六条）',
    ZPreservationDecisionRequest,
    (p, { id, sub }, input) => decidePreservation(ctx, p, id, sub, input),
  );
  act(
    '/api/cases/:id/reporter-notices',
    '告知实名举报人是否立案（五个工作日内，投诉举报处理暂行办法 第三十一条）',
    ZReporterNoticeRequest,
    (p, { id }, input) => notifyReporter(ctx, p, id, input),
  );
  act(
    '/api/cases/:id/publicity-push',
    '推送行政处罚信息至当事人登记地（住所地）市场监督管理部门（十个工作日内，行政处罚信息公示规定 第十条）',
    ZPublicityPushRequest,
    (p, { id }, input) => recordPublicityPush(ctx, p, id, input),
  );
}
