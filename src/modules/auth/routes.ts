import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { AppError } from '../../platform/errors.ts';
import type { Role } from '../../platform/policies.ts';
import { deleteSession, SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { login, LoginThrottled } from './login.ts';
import { ZMe } from './responses.ts';
import { currentSession } from './session.ts';

const tags = ['认证'];

export function registerAuthRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        // every attempt from one address, successful or not (the failures are throttled in login())
        rateLimit:
          ctx.config.loginAttemptsPerMinutePerAddress > 0
            ? {
                max: ctx.config.loginAttemptsPerMinutePerAddress,
                timeWindow: 60_000,
                allowList: () => false,
                errorResponseBuilder: (_req: unknown, c: { ttl: number }) =>
                  new AppError('RATE_LIMITED', `该网络地址登录请求过于频繁，请 ${Math.max(1, Math.ceil(c.ttl / 1000))} 秒后再试`),
              }
            : false,
      },
      schema: {
        tags,
        summary: '登录（成功后设置 HttpOnly 会话 Cookie，并返回 CSRF 令牌；失败过多时须等待，429 并带 Retry-After）',
        body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
        response: { 200: ZMe, 429: errorResponses[400], ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await login(ctx.db, ctx.config, req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? '').catch((e) => {
        if (e instanceof LoginThrottled) reply.header('retry-after', String(e.retryAfter));
        throw e;
      });
      reply.setCookie(SESSION_COOKIE, s.token, { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, expires: s.expiresAt });
      const r = await ctx.db.query<{ roles: Role[]; org_id: string; username: string; display_name: string }>(
        'select roles, org_id, username, display_name from users where id = $1',
        [s.userId],
      );
      const u = r.rows[0];
      return currentSession(
        ctx,
        { userId: s.userId, roles: u.roles, orgId: u.org_id, username: u.username, displayName: u.display_name, scope: new Set() },
        s.csrfToken,
      );
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录', response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses } } },
    async (req, reply) => {
      principal(req);
      if (req.sessionToken) await deleteSession(ctx.db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get('/api/auth/me', { schema: { tags, summary: '当前用户、CSRF 令牌与菜单权限', response: { 200: ZMe, ...errorResponses } } }, async (req) =>
    currentSession(ctx, principal(req), req.csrfToken!),
  );
}
