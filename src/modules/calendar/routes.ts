import { z } from 'zod';
import { computeDeadline, restDayOf } from '../../domain/deadlines/compute.ts';
import { deadlineRuleById, deadlineRules } from '../../domain/deadlines/rules.ts';
import { actorOf, inTransaction, type AppContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { platformDataPolicy } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { calendarDaysOfYear, loadCalendar, setCalendarDay } from './store.ts';
import { ZDeadlineResult, ZDeadlineRules, ZSkipped } from './responses.ts';

const tags = ['工作日与期限'];

const ZPeriod = z.strictObject({ from: ZDate, to: ZDate, reason: z.string().trim().min(2).max(100) });

export function registerCalendarRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/calendar/:year',
    {
      schema: {
        tags,
        summary: '某年的节假日与调休安排',
        params: z.object({ year: z.coerce.number().int().min(2004).max(2100) }),
        response: {
          200: z.object({
            year: z.number(),
            official: z.boolean(),
            /** package | admin: entered; statutory (放假办法第二条) | makeUp (第六条 补假): set by rule where nothing was entered */
            days: z.array(z.object({ date: z.string(), kind: z.string(), name: z.string(), source: z.string(), basis: z.string().nullable() })),
            canEdit: z.boolean(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = principal(req);
      const cal = await loadCalendar(ctx.db);
      const entered = (await calendarDaysOfYear(ctx.db, req.params.year)).map((d) => ({ ...d, basis: null }));
      const byRule = cal
        .daysOfYear(req.params.year)
        .filter((d) => d.source !== 'entered')
        .map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.source === 'holiday' ? 'statutory' : 'makeUp', basis: d.basis }));
      return {
        year: req.params.year,
        official: cal.isOfficialYear(req.params.year),
        days: [...entered, ...byRule].sort((a, b) => a.date.localeCompare(b.date)),
        canEdit: platformDataPolicy(p).editCalendar,
      };
    },
  );

  app.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        summary: '设置某日为法定节假日或调休上班日（kind 为 null 时恢复为普通日）；受影响的未届满期限在同一事务中重新计算并记录',
        params: z.object({ date: ZDate }),
        body: z.strictObject({
          kind: z.enum(['holiday', 'workday']).nullable(),
          name: z.string().trim().min(1).max(50),
          notice: z.string().trim().max(200).optional(),
        }),
        response: { 200: z.object({ ok: z.literal(true), deadlinesRecomputed: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!platformDataPolicy(p).editCalendar) throw forbidden('工作日历为各地共用的节假日安排，只有平台管理员可以维护');
      const r = await inTransaction(ctx, (tx) => setCalendarDay(tx, ctx, actorOf(p), { date: req.params.date, ...req.body }));
      return { ok: true as const, ...r };
    },
  );

  app.get(
    '/api/calendar/workdays',
    {
      schema: {
        tags,
        summary: '第 n 个工作日：自某日次日起算',
        querystring: z.strictObject({ from: ZDate, n: z.coerce.number().int().min(0).max(1000) }),
        response: { 200: z.object({ from: z.string(), n: z.number(), date: z.string(), skipped: ZSkipped }), ...errorResponses },
      },
    },
    async (req) => {
      principal(req);
      const cal = await loadCalendar(ctx.db);
      return { from: req.query.from, n: req.query.n, ...cal.addWorkingDays(req.query.from, req.query.n) };
    },
  );

  app.get(
    '/api/deadlines/rules',
    {
      schema: {
        tags,
        summary: '法定期限规则目录（含法律依据）',
        response: {
          200: ZDeadlineRules,
          ...errorResponses,
        },
      },
    },
    async (req) => {
      principal(req);
      return { items: deadlineRules.map((r) => ({ ...r, basis: [...r.basis], restDay: restDayOf(r) })) };
    },
  );

  app.post(
    '/api/deadlines/compute',
    {
      schema: {
        tags,
        summary: '计算法定期限的届满日',
        body: z.strictObject({
          ruleId: z.string().min(1).max(80),
          start: ZDate,
          suspensions: z.array(ZPeriod).max(20).optional(),
          extended: z.boolean().optional(),
        }),
        response: { 200: ZDeadlineResult, ...errorResponses },
      },
    },
    async (req) => {
      principal(req);
      const rule = deadlineRuleById.get(req.body.ruleId);
      if (!rule) throw new AppError('DEADLINE_RULE_NOT_FOUND', `期限规则“${req.body.ruleId}”不存在`);
      if (req.body.extended && !rule.extension) throw new AppError('DEADLINE_NOT_EXTENSIBLE', `“${rule.label}”没有可批准延长的规定`);
      if (req.body.suspensions?.length && !rule.suspendable) throw new AppError('DEADLINE_NOT_SUSPENDABLE', `“${rule.label}”的期间不因听证、检测等中止`);
      for (const s of req.body.suspensions ?? []) if (s.to < s.from) throw new AppError('PERIOD_INVALID', `中止期间 ${s.from}–${s.to} 的结束日早于开始日`);
      return computeDeadline(rule, await loadCalendar(ctx.db), req.body);
    },
  );
}
