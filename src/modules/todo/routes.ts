/**
 * 待办 and 办理指引 API: every signed-in user has a to-do list of their own; the guidance of a matter is answered to
 * whoever sees it (the type's own visibility, 404 otherwise).
 */
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { findMatter, matterVisible } from '../../platform/workflow/engine.ts';
import { matterGuidance } from '../../platform/workflow/guidance.ts';
import { matterPages } from '../../domain/vocabulary.ts';
import { todoCount, todoList } from './queries.ts';
import { remindersOf } from './reminders.ts';
import { ZMatterGuidance, ZReminders, ZTodoCount, ZTodoList } from './responses.ts';

const tags = ['待办'];

export function registerTodoRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/todo',
    {
      schema: {
        tags,
        summary: '我的待办：可办理的、等待期限或条件的、本单位等待他人办理的事项，以及逾期和即将到期的期限（按法定期限排序）',
        response: { 200: ZTodoList, ...errorResponses },
      },
    },
    async (req) => todoList(ctx, ctx.db, principal(req)),
  );
  app.get(
    '/api/todo/count',
    { schema: { tags, summary: '待办数量（页眉）：当前用户持有办理环节的事项数及其中已逾期的数量', response: { 200: ZTodoCount, ...errorResponses } } },
    async (req) => todoCount(ctx, ctx.db, principal(req)),
  );
  app.get(
    '/api/todo/reminders',
    { schema: { tags, summary: '我的期限提醒（近 30 日）：期限进入预警期或逾期时发给办理人的提醒', response: { 200: ZReminders, ...errorResponses } } },
    async (req) => ({
      items: (await remindersOf(ctx, principal(req).userId)).map((r) => ({
        ...r,
        stage: r.stage as 'warning' | 'overdue',
        href: r.matterType in matterPages ? `${matterPages[r.matterType]}/${r.matterId}` : null,
      })),
    }),
  );
  app.get(
    '/api/todo/matters/:id',
    {
      schema: {
        tags,
        summary: '办理指引：事项的下一步（谁办理、期限至何时），以及当前用户不能办理的环节及其原因（按现有事实试办守卫，不写入任何数据）',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: ZMatterGuidance, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const m = await findMatter(ctx.db, req.params.id);
      if (!m || !ctx.registry.workflowOf(m.type, m.workflowVersion) || !(await matterVisible(ctx.registry, ctx.db, p, m))) throw notFound('事项');
      const g = await matterGuidance(ctx, ctx.db, p, m);
      return { ...g, steps: g.steps.map((s) => ({ ...s, blocked: s.blocked.map((b) => ({ code: b.code, message: b.message })) })) };
    },
  );
}
