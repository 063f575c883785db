import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, requireRole, userPolicy } from '../../platform/policies.ts';
import { changeOwnPassword, resetPassword } from './commands/change-password.ts';
import { createUser } from './commands/create-user.ts';
import { updateUser } from './commands/update-user.ts';
import { findUser, listUsers, present } from './queries.ts';
import { ZChangePasswordRequest, ZCreateUserRequest, ZResetPasswordRequest, ZUpdateUserRequest, ZUser } from './schema.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const ZOk = z.object({ ok: z.literal(true) });

export function registerUserRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['用户'],
        summary: '列出用户（管理员、监督人员）',
        querystring: z.strictObject({ orgId: z.string().max(64).optional(), q: z.string().max(50).optional() }),
        response: { 200: z.object({ items: z.array(ZUser) }), ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      requireRole(p, 'admin', 'supervisor');
      return { items: await listUsers(ctx.db, p, req.query) };
    },
  );

  app.get('/api/users/:id', { schema: { tags: ['用户'], summary: '查看用户', params: ZId, response: { 200: ZUser, ...errorResponses } } }, async (req) => {
    const p = principal(req);
    const u = await findUser(ctx.db, req.params.id);
    if (!u) throw notFound('用户');
    authorize(userPolicy(p, u), undefined, '用户');
    return present(p, u);
  });

  app.post(
    '/api/users',
    { schema: { tags: ['用户'], summary: '新建用户', body: ZCreateUserRequest, response: { 201: ZUser, ...errorResponses } } },
    async (req, reply) => {
      const p = principal(req);
      const id = await createUser(ctx, p, req.body);
      reply.status(201);
      return present(p, (await findUser(ctx.db, id))!);
    },
  );

  app.patch(
    '/api/users/:id',
    { schema: { tags: ['用户'], summary: '修改用户（角色、机构、停用）', params: ZId, body: ZUpdateUserRequest, response: { 200: ZUser, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      await updateUser(ctx, p, req.params.id, req.body);
      return present(p, (await findUser(ctx.db, req.params.id))!);
    },
  );

  app.post(
    '/api/users/:id/password',
    { schema: { tags: ['用户'], summary: '管理员重置用户密码', params: ZId, body: ZResetPasswordRequest, response: { 200: ZOk, ...errorResponses } } },
    async (req) => {
      await resetPassword(ctx, principal(req), req.params.id, req.body.newPassword);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['认证'], summary: '修改本人密码', body: ZChangePasswordRequest, response: { 200: ZOk, ...errorResponses } } },
    async (req) => {
      await changeOwnPassword(ctx, principal(req), req.body.currentPassword, req.body.newPassword, req.sessionToken!);
      return { ok: true as const };
    },
  );
}
