import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { createOrg } from './commands/create-org.ts';
import { updateOrg } from './commands/update-org.ts';
import { findOrg, listVisibleOrgs, present } from './queries.ts';
import { ZCreateOrgRequest, ZOrg, ZUpdateOrgRequest } from './schema.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });

export function registerOrgRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/orgs',
    {
      schema: { tags: ['机构'], summary: '列出当前用户管辖范围内的机构', response: { 200: z.object({ items: z.array(ZOrg) }), ...errorResponses } },
    },
    async (req) => ({ items: await listVisibleOrgs(ctx.db, principal(req)) }),
  );

  app.get(
    '/api/orgs/:id',
    {
      schema: { tags: ['机构'], summary: '查看机构', params: ZId, response: { 200: ZOrg, ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      const org = await findOrg(ctx.db, req.params.id);
      if (!org || !p.scope.has(org.id)) throw notFound('机构');
      return present(p, org);
    },
  );

  app.post(
    '/api/orgs',
    {
      schema: { tags: ['机构'], summary: '新建下级机构', body: ZCreateOrgRequest, response: { 201: ZOrg, ...errorResponses } },
    },
    async (req, reply) => {
      const p = principal(req);
      const id = await createOrg(ctx, p, req.body);
      // the new org lies in the caller's subtree
      p.scope.add(id);
      reply.status(201);
      return present(p, (await findOrg(ctx.db, id))!);
    },
  );

  app.patch(
    '/api/orgs/:id',
    {
      schema: { tags: ['机构'], summary: '修改机构', params: ZId, body: ZUpdateOrgRequest, response: { 200: ZOrg, ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      await updateOrg(ctx, p, req.params.id, req.body);
      return present(p, (await findOrg(ctx.db, req.params.id))!);
    },
  );
}
