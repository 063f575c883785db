/**
 * 投诉举报 API. Staff (the handling unit's subtree): the list and its export (no person), staff intake (phone,
 * walk-in, letter), the 12315 import with its row-level report, one matter, the identity of the person who filed
 * (audited; a reason from a supervisor or administrator), attachments (audited), 分送, mediation records, the lead
 * found in mediation, the transitions — one at a time or for a whole group. Public (no login): the bodies, a
 * challenge, a submission (the consultation module's challenge and per-address limit), the status by query code.
 */
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { complaintCategoryIds, complaintKinds, leadOutcomeIds, mediationModeIds } from '../../domain/complaints/rules.ts';
import { ZDate } from '../../platform/schema.ts';
import { logAccess } from '../../platform/audit/access.ts';
import { actorOf, type AppContext, inTransaction, readsOf } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import type { Principal } from '../../platform/policies.ts';
import { transition, transitionIn } from '../../platform/workflow/engine.ts';
import { commentRateLimit, newChallenge } from '../consultation/index.ts';
import { fileAnswer } from '../record/index.ts';
import { complaintAbilities, mayReceiveFor } from './access.ts';
import { assignComplaint } from './commands/assign.ts';
import { import12315 } from './commands/import-12315.ts';
import { extendLeadVerification, flagLead, verifyLead } from './commands/lead.ts';
import { insertComplaint, storeAttachment, ATTACHMENT_LIMITS } from './commands/receive-complaint.ts';
import { recordMediation } from './commands/record-mediation.ts';
import { INTAKE_CHALLENGE_SUBJECT, submitPublic } from './commands/submit-public.ts';
import { importColumns } from './import12315.ts';
import { publicBodies, publicStatus } from './public.ts';
import { complaintDetail, exportCsv, listComplaints } from './queries.ts';
import { ZComplaintDetail, ZComplaintList, ZComplaintPerson, ZImportResult, ZPublicBodies, ZPublicChallenge, ZPublicStatus, ZReceived } from './responses.ts';
import { findComplaint, personOf } from './store.ts';
import { complaintInputs, complaintWorkflowV1, reportInputs, reportWorkflowV1 } from './workflow.ts';

const tags = ['投诉举报'];
const publicTags = ['投诉举报（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const text = (max: number) => z.string().trim().min(1, { message: '不能为空' }).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { message: '联系电话格式不正确' });
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const ZPerson = z.strictObject({
  name: text(50),
  phone: phone.nullish(),
  address: z.string().trim().max(200).nullish(),
  idNumber: z.string().trim().max(30).nullish(),
});
const ZRespondent = z.strictObject({ name: text(200), uscc: z.string().trim().max(30).nullish(), address: z.string().trim().max(300).nullish() });
const ZAttachment = z.strictObject({
  fileName: text(200),
  mime: z.string().max(100).default('application/octet-stream'),
  contentBase64: z.string().max(7_000_000),
});

export const ZIntake = z.strictObject({
  kind: z.enum(['complaint', 'report', 'both']),
  channel: z.enum(['phone', 'walkIn', 'letter']),
  orgId: z.string().min(1).max(64).optional(),
  receivedOn: ZDate.optional(),
  respondent: ZRespondent,
  category: z.enum(complaintCategoryIds),
  summary: text(5000),
  request: z.string().trim().max(2000).nullish(),
  anonymous: z.boolean().default(false),
  person: ZPerson.nullish(),
});

export const ZPublicSubmission = z.strictObject({
  kind: z.enum(['complaint', 'report', 'both']),
  orgId: z.string().min(1).max(64),
  respondent: ZRespondent,
  category: z.enum(complaintCategoryIds),
  summary: text(5000),
  request: z.string().trim().max(2000).nullish(),
  anonymous: z.boolean().default(false),
  person: ZPerson.nullish(),
  attachments: z.array(ZAttachment).max(ATTACHMENT_LIMITS.files).optional(),
  challengeToken: z.string().min(1).max(1000),
  challengeAnswer: z.string().min(1).max(10),
});

const ZListQuery = z.strictObject({
  kind: z.enum(['complaint', 'report']).optional(),
  state: z.string().max(30).optional(),
  channel: z.string().max(30).optional(),
  q: z.string().max(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  groupId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

async function readBody(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    n += (c as Buffer).length;
    if (n > limit) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${limit / 1024 / 1024} MiB`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

const transitionNames = [...Object.keys(complaintInputs), ...Object.keys(reportInputs)] as const;
const workflowOf = (kind: string) => (kind === 'report' ? reportWorkflowV1 : complaintWorkflowV1);
const inputOf = (name: string): z.ZodType => (complaintInputs as Record<string, z.ZodType>)[name] ?? (reportInputs as Record<string, z.ZodType>)[name];

export function registerComplaintRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  const reads = readsOf(ctx);
  const detail = async (p: Principal, id: string) => (await complaintDetail(ctx.registry, db, p, id)) ?? Promise.reject(notFound('投诉举报'));
  const visible = async (p: Principal, id: string) => {
    const c = await findComplaint(db, id);
    if (!c || !complaintAbilities(p, c.orgId).read) throw notFound('投诉举报');
    return c;
  };

  app.get(
    '/api/complaints',
    {
      schema: {
        tags,
        summary: '投诉举报列表（本单位及下级；不含投诉人、举报人信息）',
        querystring: ZListQuery,
        response: { 200: ZComplaintList, ...errorResponses },
      },
    },
    async (req) => listComplaints(db, principal(req), { ...req.query, overdue: req.query.overdue === 'true' }),
  );

  app.get(
    '/api/complaints/export.csv',
    {
      schema: {
        tags,
        summary: '导出投诉举报登记表（.csv；不含投诉人、举报人的任何信息）',
        querystring: ZListQuery,
        response: { 200: fileAnswer('投诉举报登记表（.csv）', 'text/csv'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const csv = await exportCsv(db, principal(req), { ...req.query, overdue: req.query.overdue === 'true' });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="complaints.csv"; filename*=UTF-8''${encodeURIComponent('投诉举报登记表.csv')}`);
      return reply.send(csv);
    },
  );

  app.post(
    '/api/complaints',
    { schema: { tags, summary: '登记投诉举报（电话、窗口来访、信件）', body: ZIntake, response: { 200: ZReceived, ...errorResponses } } },
    async (req) => {
      const p = principal(req);
      const orgId = req.body.orgId ?? p.orgId;
      if (!mayReceiveFor(p, orgId)) throw p.scope.has(orgId) ? forbidden('当前用户不能登记投诉举报') : notFound('受理机构');
      const items = await inTransaction(ctx, (tx) => insertComplaint(tx, ctx, actorOf(p), { ...req.body, orgId }));
      return { items: items.map((i) => ({ ...i, kindLabel: complaintKinds[i.kind] })) };
    },
  );

  app.get(
    '/api/complaints/import/template.csv',
    { schema: { tags, summary: '全国12315平台导出文件的导入模板（.csv）', response: { 200: fileAnswer('导入模板（.csv）', 'text/csv'), ...errorResponses } } },
    async (_req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="12315-template.csv"; filename*=UTF-8''${encodeURIComponent('12315导入模板.csv')}`);
      return reply.send(`\ufeff${importColumns.map((c) => c.header).join(',')}\r\n`);
    },
  );

  app.post(
    '/api/complaints/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags,
        summary:
          '导入全国12315平台导出的投诉举报（请求体为 .xlsx 或 UTF-8 .csv 文件原始字节，application/octet-stream）：逐行校验，任何一行有错误即整体不导入（422 IMPORT_INVALID，details.errors 为逐行错误）；已登记的平台编号跳过',
        querystring: z.strictObject({ orgId: z.string().min(1).max(64).optional(), dryRun: z.enum(['true', 'false']).optional() }),
        response: { 200: ZImportResult, 413: errorResponses[400], 415: errorResponses[400], ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!req.headers['content-type']?.startsWith('application/octet-stream'))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', '导入文件须以 application/octet-stream 上传');
      const file = await readBody(req.body as Readable, MAX_IMPORT_BYTES);
      if (file.length === 0) throw new AppError('VALIDATION_FAILED', '文件内容为空');
      return import12315(ctx, p, { orgId: req.query.orgId ?? p.orgId, file, dryRun: req.query.dryRun === 'true' });
    },
  );

  app.get(
    '/api/complaints/:id',
    { schema: { tags, summary: '投诉举报详情（不含投诉人、举报人身份信息）', params: ZId, response: { 200: ZComplaintDetail, ...errorResponses } } },
    async (req) => detail(principal(req), req.params.id),
  );

  app.get(
    '/api/complaints/:id/person',
    {
      schema: {
        tags,
        summary: '投诉人、实名举报人的身份信息（仅承办人员；执法监督人员、系统管理员须说明理由；记入访问日志）',
        params: ZId,
        querystring: z.strictObject({ reason: z.string().trim().max(300).optional() }),
        response: { 200: ZComplaintPerson, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const c = await visible(p, req.params.id);
      const who = complaintAbilities(p, c.orgId).person;
      if (who === 'none') throw forbidden('投诉人、举报人的身份信息只向承办人员提供（市场监督管理投诉举报处理暂行办法 第三十三条）');
      const reason = req.query.reason?.trim() || null;
      if (who === 'reason' && (!reason || reason.length < 4))
        throw new AppError('COMPLAINT_REASON_REQUIRED', '查看投诉人、举报人的身份信息应当说明理由（不少于4个字）');
      const person = await personOf(db, c.id);
      if (!person) throw notFound(c.anonymous ? '身份信息（匿名举报）' : '身份信息');
      await logAccess(db, req, {
        action: 'complaint.person',
        resourceType: 'complaint',
        resourceId: c.id,
        matter: { type: c.kind, id: c.id },
        subject: { name: person.name, code: null },
        note: reason ?? (c.kind === 'report' ? '承办人员查看举报人' : '承办人员查看投诉人'),
      });
      return person;
    },
  );

  app.get(
    '/api/complaints/:id/attachments/:fileId',
    {
      schema: {
        tags,
        summary: '下载投诉举报的附件（承办人员；记入访问日志）',
        params: z.object({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) }),
        response: { 200: fileAnswer('附件', 'application/octet-stream'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const c = await visible(p, req.params.id);
      if (complaintAbilities(p, c.orgId).person !== 'handler') throw forbidden('附件只向承办人员提供（可能含有投诉人、举报人的个人信息）');
      const f = (
        await db.query<{ fileName: string; mime: string; hash: string }>(
          'select file_name as "fileName", mime, hash from complaint_attachments where id = $1 and complaint_id = $2',
          [req.params.fileId, c.id],
        )
      ).rows[0];
      if (!f) throw notFound('附件');
      await logAccess(db, req, {
        action: 'complaint.person',
        resourceType: 'complaint',
        resourceId: c.id,
        matter: { type: c.kind, id: c.id },
        note: `附件：${f.fileName}`,
      });
      reply.header('content-type', f.mime);
      reply.header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
      return reply.send(ctx.blobs.read(f.hash) as never);
    },
  );

  app.post(
    '/api/complaints/:id/assign',
    {
      schema: {
        tags,
        summary: '分送投诉举报至下级机构（第三十七条）',
        params: ZId,
        body: z.strictObject({ orgId: z.string().min(1).max(64), note: z.string().trim().max(500).nullish() }),
        response: { 200: ZComplaintDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await assignComplaint(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/complaints/:id/mediations',
    {
      schema: {
        tags,
        summary: '记录一次调解（第十八条、第十九条、第二十二条第二款）',
        params: ZId,
        body: z.strictObject({ heldOn: ZDate, mode: z.enum(mediationModeIds), mediators: z.array(text(50)).min(1).max(10), summary: text(3000) }),
        response: { 200: ZComplaintDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await recordMediation(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/complaints/:id/lead',
    {
      schema: {
        tags,
        summary: '登记调解中发现的违法线索（第二十三条：十五个工作日内核查）',
        params: ZId,
        body: z.strictObject({ foundOn: ZDate, description: text(2000) }),
        response: { 200: ZComplaintDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await flagLead(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/complaints/:id/lead/extend',
    {
      schema: {
        tags,
        summary: '延长线索核查期限十五个工作日（第二十三条：特殊情况下）',
        params: ZId,
        body: z.strictObject({ reason: text(500) }),
        response: { 200: ZComplaintDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await extendLeadVerification(ctx, p, req.params.id, req.body.reason);
      return detail(p, req.params.id);
    },
  );

  app.post(
    '/api/complaints/:id/lead/verify',
    {
      schema: {
        tags,
        summary: '核查调解中发现的线索：转为案件线索，或者未发现违法行为',
        params: ZId,
        body: z.strictObject({
          verifiedOn: ZDate,
          outcome: z.enum(leadOutcomeIds),
          field: z.enum(complaintCategoryIds).nullish(),
          note: z.string().trim().max(500).nullish(),
        }),
        response: { 200: ZComplaintDetail, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      await verifyLead(ctx, p, req.params.id, req.body);
      return detail(p, req.params.id);
    },
  );

  for (const name of transitionNames) {
    const wf = name in complaintInputs ? complaintWorkflowV1 : reportWorkflowV1;
    const t = wf.transitions[name];
    const input = inputOf(name);
    const ZBody = z.strictObject({
      expectedVersion: z.number().int().min(0),
      input: input.safeParse({}).success ? input.prefault({}) : input,
      date: ZDate.optional().describe('办理日期，默认今天（北京时间）'),
    });
    app.post(
      `/api/complaints/:id/transitions/${name}`,
      {
        schema: {
          tags,
          operationId: `complaintTransition_${name}`,
          summary: `办理${wf.label}：${t.label}`,
          description: `从“${t.from.map((x) => wf.states[x]?.label ?? x).join('、')}”到“${wf.states[t.to]?.label ?? t.to}”。版本不符 409。`,
          params: ZId,
          body: ZBody,
          response: { 200: ZComplaintDetail, ...errorResponses },
        },
      },
      async (req) => {
        const p = principal(req);
        const c = await visible(p, req.params.id);
        if (workflowOf(c.kind) !== wf) throw new AppError('TRANSITION_UNKNOWN', `“${workflowOf(c.kind).label}”没有“${t.label}”环节`);
        const body = req.body as { expectedVersion: number; input: unknown; date?: string };
        await transition(ctx, p, { matterId: c.id, transition: name, expectedVersion: body.expectedVersion, input: body.input, date: body.date });
        return detail(p, c.id);
      },
    );
  }

  app.post(
    '/api/complaints/groups/:id/transitions/:name',
    {
      schema: {
        tags,
        summary: '合并处理：对同组中处于同一环节的全部投诉（或举报）一并办理（如一并受理）',
        params: z.object({ id: z.string().min(1).max(64), name: z.enum(['accept', 'reject', 'openLead', 'close']) }),
        body: z.strictObject({ input: z.record(z.string(), z.unknown()).default({}), date: ZDate.optional() }),
        response: { 200: ZComplaintList, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const { name } = req.params;
      const members = (
        await db.query<{ id: string; kind: string; orgId: string; version: number; state: string }>(
          `select c.id, c.kind, c.org_id as "orgId", m.version, m.state from complaints c join matters m on m.id = c.id where c.group_id = $1 order by c.received_on`,
          [req.params.id],
        )
      ).rows.filter((m) => complaintAbilities(p, m.orgId).read);
      if (!members.length) throw notFound('投诉举报组');
      const wf = name === 'accept' || name === 'reject' ? complaintWorkflowV1 : reportWorkflowV1;
      const due = members.filter((m) => m.kind === wf.type && wf.transitions[name].from.includes(m.state));
      if (!due.length) throw new AppError('TRANSITION_NOT_ALLOWED', `同组中没有可以“${wf.transitions[name].label}”的${wf.label}`);
      await inTransaction(ctx, async (tx) => {
        for (const m of due)
          await transitionIn(tx, ctx, p, { matterId: m.id, transition: name, expectedVersion: m.version, input: req.body.input, date: req.body.date });
      });
      return listComplaints(db, p, { groupId: req.params.id });
    },
  );

  // ─── public ───────────────────────────────────────────────────────────
  app.get(
    '/api/public/complaints/bodies',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '受理投诉举报的市场监督管理部门（公开）', response: { 200: ZPublicBodies, ...errorResponses } },
    },
    async () => publicBodies(reads),
  );

  app.get(
    '/api/public/complaints/challenge',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '提交投诉举报前的验证题（公开）', response: { 200: ZPublicChallenge, ...errorResponses } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return newChallenge(ctx.ledger.signer, INTAKE_CHALLENGE_SUBJECT);
    },
  );

  app.post(
    '/api/public/complaints',
    {
      config: { public: true, rateLimit: commentRateLimit() },
      bodyLimit: 40 * 1024 * 1024,
      schema: {
        tags: publicTags,
        summary: '网上投诉举报（公开，无需登录；举报可匿名；返回查询码）',
        body: ZPublicSubmission,
        response: { 200: ZReceived, ...errorResponses },
      },
    },
    async (req) => {
      const { attachments, ...rest } = req.body;
      const stored = [];
      for (const a of attachments ?? [])
        stored.push(await storeAttachment(ctx, { fileName: a.fileName, mime: a.mime, content: Buffer.from(a.contentBase64, 'base64') }));
      const items = await submitPublic(ctx, { ...rest, attachments: stored });
      return { items: items.map((i) => ({ ...i, kindLabel: complaintKinds[i.kind] })) };
    },
  );

  app.get(
    '/api/public/complaints/status/:code',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '按查询码查询办理状态（公开；不显示任何个人信息）',
        params: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: ZPublicStatus, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return (await publicStatus(reads, req.params.code)) ?? Promise.reject(new AppError('COMPLAINT_QUERY_CODE_UNKNOWN', '查询码不存在，请核对后重新输入'));
    },
  );
}
