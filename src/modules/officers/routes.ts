import { z } from 'zod';
import { enforcementActs, enforcementFields } from '../../domain/certifiedDuty.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, officerPolicy } from '../../platform/policies.ts';
import { changeCertificateStatus } from './commands/change-certificate-status.ts';
import { createOfficer } from './commands/create-officer.ts';
import { issueCertificate } from './commands/issue-certificate.ts';
import { recordTraining } from './commands/record-training.ts';
import { updateOfficer } from './commands/update-officer.ts';
import { checkOfficersMayAct } from './guard.ts';
import { getOfficer, listOfficers, trainingsOf } from './queries.ts';
import {
  ZChangeCertificateStatusRequest,
  ZCreateOfficerRequest,
  ZEligibilityRequest,
  ZIssueCertificateRequest,
  ZOfficer,
  ZOfficerDetail,
  ZRecordTrainingRequest,
  ZUpdateOfficerRequest,
} from './schema.ts';
import { ZEligibilityResult, ZEnforcementReference } from './responses.ts';

const ZId = z.object({ id: z.string().min(1).max(64) });
const tags = ['执法人员'];

export function registerOfficerRoutes(app: App, ctx: AppContext) {
  const detail = async (p: ReturnType<typeof principal>, id: string) => {
    const o = await getOfficer(ctx.db, p, id);
    if (!o) throw notFound('执法人员');
    authorize(o.abilities, undefined, '执法人员');
    return { ...o, trainings: await trainingsOf(ctx.db, id) };
  };

  app.get(
    '/api/reference/enforcement',
    {
      schema: {
        tags,
        summary: '执法领域与执法行为目录',
        response: { 200: ZEnforcementReference },
      },
    },
    async () => ({ fields: { ...enforcementFields }, acts: { ...enforcementActs } }),
  );

  app.get(
    '/api/officers',
    {
      schema: {
        tags,
        summary: '列出执法人员及其执法证',
        querystring: z.strictObject({
          orgId: z.string().max(64).optional(),
          q: z.string().max(50).optional(),
          field: z.string().max(40).optional(),
          certificateStatus: z.enum(['valid', 'expiringSoon', 'expired', 'suspended', 'revoked', 'none']).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZOfficer) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listOfficers(ctx.db, principal(req), req.query) }),
  );

  // 亮证: the logged-in user's own officer record (users.officer_id) with its certificates, to show to a party
  app.get(
    '/api/officers/me',
    {
      schema: {
        tags,
        summary: '亮证：当前用户本人的执法人员信息与执法证（无关联执法人员时 officer 为空）',
        response: { 200: z.object({ officer: ZOfficer.nullable() }), ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const r = await ctx.db.query<{ officer_id: string | null }>('select officer_id from users where id = $1', [p.userId]);
      const id = r.rows[0]?.officer_id;
      return { officer: id ? await getOfficer(ctx.db, p, id) : null };
    },
  );

  app.get('/api/officers/:id', { schema: { tags, summary: '查看执法人员', params: ZId, response: { 200: ZOfficerDetail, ...errorResponses } } }, async (req) =>
    detail(principal(req), req.params.id),
  );

  app.post(
    '/api/officers',
    { schema: { tags, summary: '登记执法人员', body: ZCreateOfficerRequest, response: { 201: ZOfficerDetail, ...errorResponses } } },
    async (req, reply) => {
      const p = principal(req);
      const id = await createOfficer(ctx, p, req.body);
      reply.status(201);
      return detail(p, id);
    },
  );

  app.patch(
    '/api/officers/:id',
    { schema: { tags, summary: '修改执法人员', params: ZId, body: ZUpdateOfficerRequest, response: { 200: ZOfficerDetail, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      await updateOfficer(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/officers/:id/certificates',
    { schema: { tags, summary: '登记行政执法证', params: ZId, body: ZIssueCertificateRequest, response: { 201: ZOfficerDetail, ...errorResponses } } },
    async (req, reply) => {
      const p = principal(req);
      await issueCertificate(ctx, p, req.params.id, req.body);
      reply.status(201);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/officers/:id/certificates/:certificateId/status',
    {
      schema: {
        tags,
        summary: '暂扣、注销或恢复执法证',
        params: ZId.extend({ certificateId: z.string().min(1).max(64) }),
        body: ZChangeCertificateStatusRequest,
        response: { 200: ZOfficerDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await changeCertificateStatus(ctx, p, req.params.id, req.params.certificateId, req.body.status, req.body.reason);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/officers/:id/trainings',
    { schema: { tags, summary: '登记培训或考试', params: ZId, body: ZRecordTrainingRequest, response: { 201: ZOfficerDetail, ...errorResponses } } },
    async (req, reply) => {
      const p = principal(req);
      await recordTraining(ctx, p, req.params.id, req.body);
      reply.status(201);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/officers/eligibility',
    {
      schema: {
        tags,
        summary: '持证上岗检查：这些执法人员能否在该日期、该领域实施该执法行为',
        body: ZEligibilityRequest,
        response: {
          200: ZEligibilityResult,
          ...errorResponses,
        },
      },
    },
    async (req) => checkOfficersMayAct(ctx.db, principal(req), req.body),
  );
}

export { officerPolicy };
