/**
 * 行政执法公示 API. Staff: the publications of the bodies above or in the caller's org, a
 * publication's file, its workflow transitions, the supervision overview (late and missing
 * publications, the publication rate per body) and the 双公示 export. Public (no login): the
 * decision search, a decision, its proofs, bodies, officers, statistics.
 */
import { z } from 'zod';
import { ZDate } from '../../platform/schema.ts';
import { chinaToday } from '../../domain/dates.ts';
import {
  exemptionGrounds,
  publicationRequirement,
  publicationStates,
  publishedKinds,
  withdrawalGrounds,
  type PublicationState,
} from '../../domain/publicity/rules.ts';
import { logAccess } from '../../platform/audit/access.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { authorize, menuAbilities, type Principal } from '../../platform/policies.ts';
import { deadlinesOf, findMatter, matterVisible, presentMatter, transition, type MatterRow } from '../../platform/workflow/engine.ts';
import { orgChain } from '../discretion/queries.ts';
import { publicationAbilities, visiblePublicationsSql } from './access.ts';
import { ZContentCorrection } from './content.ts';
import { createCreditExport, exportContentTypes, findExport } from './export.ts';
import {
  publicBodies,
  publicDetail,
  publicOfficers,
  publicProof,
  publicStatistics,
  searchPublications,
  ZProofDocument,
  ZPublicBody,
  ZPublicDetail,
  ZPublicOfficers,
  ZPublicStatistics,
  ZSearchQuery,
  ZSearchResult,
} from './public.ts';
import { findPublication, publicationColumns, versionsOf, type PublicationRow } from './store.ts';

const tags = ['行政执法公示'];
const publicTags = ['行政执法公示（公开）'];
const ZId = z.object({ id: z.string().min(1).max(64) });
const date = ZDate;
const text = (max: number) => z.string().trim().min(1).max(max);

export const publicationInputs = {
  publish: z.strictObject({}),
  correct: z.strictObject({ reason: text(500), content: ZContentCorrection }),
  noticeRevocation: z.strictObject({ noticedOn: date, ground: z.enum(Object.keys(withdrawalGrounds) as [keyof typeof withdrawalGrounds]), note: text(500) }),
  withdraw: z.strictObject({ reason: text(500), ground: z.enum(Object.keys(withdrawalGrounds) as [keyof typeof withdrawalGrounds]) }),
  expire: z.strictObject({}),
  repair: z.strictObject({ reason: text(500), applicant: text(200), appliedOn: date }),
  proposeExemption: z.strictObject({ ground: z.enum(Object.keys(exemptionGrounds) as [keyof typeof exemptionGrounds]), reason: text(1000) }),
  approveExemption: z.strictObject({ opinion: text(500) }),
  rejectExemption: z.strictObject({ opinion: text(500) }),
} as const;
type TransitionName = keyof typeof publicationInputs;

/** The bodies whose publications a staff member may see: in their scope, or above their org (each one then by `publicationPolicy`). */
async function visibleBodies(q: Queryable, p: Principal): Promise<string[]> {
  return [...new Set([...p.scope, ...(await orgChain(q, p.orgId))])];
}

export function registerPublicityRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  /** 404 unless the publication's policy lets the caller see it, then 403 unless it grants `ability`. */
  const visiblePublication = async (p: Principal, id: string, ability?: 'transition'): Promise<{ row: PublicationRow; matter: MatterRow }> => {
    const row = await findPublication(db, id);
    const matter = row && (await findMatter(db, id));
    if (!row || !matter) throw notFound('公示信息');
    authorize(await publicationAbilities(db, p, row), ability, '公示信息');
    return { row, matter };
  };

  /** A publication as the staff console shows it (the detail and every transition's answer). */
  const detailOf = async (p: Principal, row: PublicationRow, matter: MatterRow) => {
    const bodyName = (await db.query<{ name: string }>('select name from orgs where id = $1', [row.bodyId])).rows[0]?.name ?? '';
    // where the publication comes from: the case, or the random-inspection task of the result
    const source =
      row.sourceType === 'case'
        ? { matterType: 'case', matterId: row.sourceId }
        : {
            matterType: 'inspectionTask',
            matterId:
              (await db.query<{ taskId: string }>('select task_id as "taskId" from inspection_results where id = $1', [row.sourceId])).rows[0]?.taskId ?? '',
          };
    const abilities = await publicationAbilities(db, p, row);
    const presented = presentMatter(matter, p);
    return {
      ...row,
      bodyName,
      source,
      stateLabel: publicationStates[row.state as PublicationState] ?? row.state,
      abilities,
      matter: { ...presented, transitions: abilities.transition ? presented.transitions : [] },
      versions: await versionsOf(db, row.id),
      deadlines: await deadlinesOf(db, row.id),
    };
  };

  app.get(
    '/api/publicity/publications',
    {
      schema: {
        tags,
        summary: '公示信息列表（本机关及上级机关）',
        querystring: z.strictObject({
          state: z.enum(Object.keys(publicationStates) as [PublicationState]).optional(),
          q: z.string().max(100).optional(),
          kind: z.enum(publishedKinds).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: { 200: z.object({ total: z.number(), items: z.array(z.any()) }), ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      const params: unknown[] = [];
      let cond = ` and ${await visiblePublicationsSql(db, p, params)}`;
      if (req.query.state) {
        params.push(req.query.state);
        cond += ` and p.state = $${params.length}`;
      }
      if (req.query.kind) {
        params.push(req.query.kind);
        cond += ` and p.kind = $${params.length}`;
      }
      if (req.query.q) {
        params.push(`%${req.query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        cond += ` and (p.party_name ilike $${params.length} or p.number ilike $${params.length} or p.party_uscc ilike $${params.length})`;
      }
      const total = (await db.query<{ n: number }>(`select count(*)::int as n from publications p where true ${cond}`, params)).rows[0].n;
      const n = params.length;
      const rows = (
        await db.query<PublicationRow & { bodyName: string; nextDue: string | null }>(
          `select ${publicationColumns()}, o.name as "bodyName",
              (select min(d.due_date) from matter_deadlines d where d.matter_id = p.id and d.status = 'open' and d.rule_id not like 'publicity.period%') as "nextDue"
         from publications p join orgs o on o.id = p.body_id where true ${cond}
        order by p.decided_on desc, p.id desc limit $${n + 1} offset $${n + 2}`,
          [...params, req.query.limit, req.query.offset],
        )
      ).rows;
      return { total, items: rows.map((r) => ({ ...r, fineFen: Number(r.fineFen), stateLabel: publicationStates[r.state as PublicationState] ?? r.state })) };
    },
  );

  app.get(
    '/api/publicity/publications/:id',
    {
      schema: { tags, summary: '公示信息详情：各版本、期限、可办理的环节', params: ZId, response: { 200: z.any(), ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      const { row, matter } = await visiblePublication(p, req.params.id);
      return detailOf(p, row, matter);
    },
  );

  app.post(
    '/api/publicity/publications/:id/transitions/:name',
    {
      schema: {
        tags,
        summary: '办理公示环节（公示、更正、撤回、信用修复、不予公示……）',
        params: z.object({ id: z.string().min(1).max(64), name: z.enum(Object.keys(publicationInputs) as [TransitionName]) }),
        body: z.strictObject({ expectedVersion: z.number().int().min(0), input: z.unknown().optional(), date: date.optional() }),
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      // 404 unless the caller sees the publication (as they would its case), before the engine checks role and state
      await visiblePublication(p, req.params.id, 'transition');
      const parsed = publicationInputs[req.params.name].safeParse(req.body.input ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError('VALIDATION_FAILED', `输入有误：${issues.map((i) => `${i.path || '输入'}：${i.message}`).join('；')}`, { issues });
      }
      const m = await transition(ctx, p, {
        matterId: req.params.id,
        transition: req.params.name,
        expectedVersion: req.body.expectedVersion,
        input: parsed.data,
        date: req.body.date,
      });
      return detailOf(p, (await findPublication(db, m.id))!, m);
    },
  );

  app.get(
    '/api/publicity/overview',
    {
      schema: { tags, summary: '公示监督：逾期和缺失的公示、各机关公示率', response: { 200: z.any(), ...errorResponses } },
    },
    async (req) => {
      const p = principal(req);
      const today = chinaToday();
      const bodies = await visibleBodies(db, p);
      // the publications and cases listed by name are those the caller may open (publicationPolicy, the case's
      // visibility); the rates per body count them all
      const overdueParams: unknown[] = [today];
      const overdueVisible = await visiblePublicationsSql(db, p, overdueParams);
      const overdue = (
        await db.query<{ matterId: string; title: string; ruleId: string; label: string; due: string }>(
          `select d.matter_id as "matterId", m.title, d.rule_id as "ruleId", d.label, d.due_date as due
         from matter_deadlines d join matters m on m.id = d.matter_id join publications p on p.id = d.matter_id
        where d.matter_type = 'publication' and d.status = 'open' and d.due_date < $1 and ${overdueVisible} and d.rule_id not like 'publicity.period%'
        order by d.due_date`,
          overdueParams,
        )
      ).rows;
      const decided = (
        await db.query<{
          id: string;
          bodyId: string;
          bodyName: string;
          procedure: 'ordinary' | 'summary';
          decision: { outcome: 'penalty' | 'noPenalty'; penalties: { kind: never; amountFen?: number }[]; number: string; decidedOn: string };
          partyName: string;
          published: boolean;
          onTime: boolean | null;
        }>(
          `select c.id, c.body_id as "bodyId", o.name as "bodyName", c.procedure, c.decision, c.party ->> 'name' as "partyName",
              (pb.id is not null and pb.published_on is not null) as published,
              case when pb.published_on is null then null else pb.published_on <= (select min(due_date) from matter_deadlines where matter_id = pb.id and rule_id = 'publicity.penalty') end as "onTime"
         from cases c join orgs o on o.id = c.body_id left join publications pb on pb.source_type = 'case' and pb.source_id = c.id
        where c.decision is not null and c.body_id = any($1) and (pb.id is null or pb.state <> 'exempted')`,
          [bodies],
        )
      ).rows;
      const required = decided.filter(
        (c) => publicationRequirement({ procedure: c.procedure, outcome: c.decision.outcome, penalties: c.decision.penalties }).publish,
      );
      const missing: typeof required = [];
      for (const c of required.filter((x) => !x.published)) {
        const m = await findMatter(db, c.id);
        if (m && (await matterVisible(db, p, m))) missing.push(c);
      }
      const byBody = new Map<string, { bodyName: string; required: number; published: number; onTime: number }>();
      for (const c of required) {
        const b = byBody.get(c.bodyId) ?? { bodyName: c.bodyName, required: 0, published: 0, onTime: 0 };
        b.required++;
        if (c.published) b.published++;
        if (c.onTime) b.onTime++;
        byBody.set(c.bodyId, b);
      }
      // 双随机抽查结果 (published by the inspections module within 20 working days of the end of the inspection)
      const inspection = (
        await db.query<{ taskId: string; taskName: string; bodyId: string; bodyName: string; due: string; status: string; publishedOn: string | null }>(
          `select ip.task_id as "taskId", t.name as "taskName", ip.body_id as "bodyId", o.name as "bodyName", ip.due_date as due, ip.status,
              (ip.published_at at time zone 'Asia/Shanghai')::date::text as "publishedOn"
         from inspection_publications ip join inspection_tasks t on t.id = ip.task_id join orgs o on o.id = ip.body_id
        where ip.body_id = any($1) order by ip.due_date`,
          [bodies],
        )
      ).rows;
      const inspectionRates = new Map<string, { bodyName: string; required: number; published: number; onTime: number }>();
      for (const x of inspection) {
        const b = inspectionRates.get(x.bodyId) ?? { bodyName: x.bodyName, required: 0, published: 0, onTime: 0 };
        b.required++;
        if (x.status === 'published') b.published++;
        if (x.status === 'published' && x.publishedOn! <= x.due) b.onTime++;
        inspectionRates.set(x.bodyId, b);
      }
      const rate = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : null);
      return {
        today,
        overdue,
        inspectionResults: {
          overdue: inspection
            .filter((x) => x.status === 'pending' && x.due < today)
            .map(({ taskId, taskName, bodyName, due }) => ({ taskId, taskName, bodyName, due })),
          pending: inspection
            .filter((x) => x.status === 'pending' && x.due >= today)
            .map(({ taskId, taskName, bodyName, due }) => ({ taskId, taskName, bodyName, due })),
          rates: [...inspectionRates.values()].map((b) => ({ ...b, rate: rate(b.published, b.required), onTimeRate: rate(b.onTime, b.required) })),
        },
        missing: missing.map((c) => ({
          caseId: c.id,
          number: c.decision.number,
          decidedOn: c.decision.decidedOn,
          partyName: c.partyName,
          bodyName: c.bodyName,
        })),
        rates: [...byBody.values()].map((b) => ({ ...b, rate: rate(b.published, b.required), onTimeRate: rate(b.onTime, b.required) })),
      };
    },
  );

  app.post(
    '/api/publicity/credit-exports',
    {
      schema: {
        tags,
        summary: '导出双公示数据（增量：上次导出后新增、更正、撤回的行政处罚信息；逐项校验，出错的行列入错误报告）',
        body: z.strictObject({ bodyId: z.string().max(64).optional(), format: z.enum(['xlsx', 'csv', 'json']).default('xlsx') }),
        response: { 201: z.any(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      if (!menuAbilities(p).exportCredit) throw forbidden('只有系统管理员、局领导和法制审核人员可以导出双公示数据');
      const chain = await orgChain(db, p.orgId);
      const bodyId =
        req.body.bodyId ??
        (
          await db.query<{ id: string }>('select id from orgs where id = any($1) and is_enforcement_body order by array_position($1::text[], id) limit 1', [
            chain,
          ])
        ).rows[0]?.id;
      if (!bodyId || !(await visibleBodies(db, p)).includes(bodyId)) throw notFound('执法主体');
      // the file holds natural persons' full resident ids: its creation is in the access log, in the same transaction
      const r = await createCreditExport(ctx, p, bodyId, req.body.format, (tx, e) =>
        logAccess(tx, req, {
          action: 'creditExport.create',
          resourceType: 'creditExport',
          resourceId: e.id,
          matter: { type: 'org', id: bodyId },
          subject: null,
          note: `${e.bodyName}：${e.items} 条行政处罚信息（${req.body.format}）`,
        }),
      );
      reply.status(201);
      return { ...r, downloadUrl: `/api/publicity/credit-exports/${r.id}/file` };
    },
  );

  app.get(
    '/api/publicity/credit-exports',
    {
      schema: {
        tags,
        summary: '双公示导出记录（本机关及上级机关）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                bodyId: z.string(),
                bodyName: z.string(),
                format: z.enum(['xlsx', 'csv', 'json']),
                items: z.number(),
                errors: z.array(z.any()),
                fileHash: z.string(),
                fileSize: z.number(),
                createdAt: z.string(),
                createdBy: z.string().nullable(),
                downloadUrl: z.string(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!menuAbilities(p).exportCredit) throw forbidden('只有系统管理员、局领导和法制审核人员可以查看双公示导出');
      const rows = (
        await db.query<{
          id: string;
          bodyId: string;
          bodyName: string;
          format: 'xlsx' | 'csv' | 'json';
          items: number;
          errors: unknown[];
          fileHash: string;
          fileSize: number;
          createdAt: string | Date;
          createdBy: string | null;
        }>(
          `select e.id, e.body_id as "bodyId", o.name as "bodyName", e.format, e.items, e.errors, e.file_hash as "fileHash", e.file_size as "fileSize", e.created_at as "createdAt", u.display_name as "createdBy"
         from credit_exports e join orgs o on o.id = e.body_id left join users u on u.id = e.created_by
        where e.body_id = any($1) order by e.created_at desc limit 200`,
          [await visibleBodies(db, p)],
        )
      ).rows;
      return {
        items: rows.map((r) => ({
          ...r,
          fileSize: Number(r.fileSize),
          createdAt: new Date(r.createdAt).toISOString(),
          downloadUrl: `/api/publicity/credit-exports/${r.id}/file`,
        })),
      };
    },
  );

  app.get('/api/publicity/credit-exports/:id/file', { schema: { tags, summary: '下载双公示导出文件（记入访问日志）', params: ZId } }, async (req, reply) => {
    const p = principal(req);
    const e = await findExport(db, req.params.id);
    if (!e || !(await visibleBodies(db, p)).includes(e.bodyId)) throw notFound('导出文件');
    if (!menuAbilities(p).exportCredit) throw forbidden('只有系统管理员、局领导和法制审核人员可以下载双公示导出文件');
    const items = (await db.query<{ n: number }>('select count(*)::int as n from credit_export_items where export_id = $1', [e.id])).rows[0].n;
    await logAccess(db, req, {
      action: 'creditExport.download',
      resourceType: 'creditExport',
      resourceId: e.id,
      matter: { type: 'org', id: e.bodyId },
      subject: null,
      note: `${items} 条行政处罚信息（${e.format}）`,
    });
    reply.header('content-type', exportContentTypes[e.format]);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`双公示-行政处罚-${e.id.slice(0, 8)}.${e.format}`)}`);
    return reply.send(ctx.blobs.read(e.fileHash));
  });

  // ─── public (no login) ───
  app.get(
    '/api/public/publications',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '检索公示的行政处罚决定（公开）：当事人名称、统一社会信用代码、文号、违法行为全文检索，按机关、领域、日期筛选',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult, ...errorResponses },
      },
    },
    async (req) => searchPublications(db, req.query),
  );

  app.get(
    '/api/public/publications/:id',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '一条公示信息（公开）：现行版本、历次更正、撤回', params: ZId, response: { 200: ZPublicDetail, ...errorResponses } },
    },
    async (req) => publicDetail(db, req.params.id),
  );

  app.get(
    '/api/public/publications/:id/proof',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '公示记录条目的包含证明（公开）：可用 fazhi proof verify 离线核验',
        params: ZId,
        querystring: z.strictObject({ seq: z.coerce.number().int().min(0).optional() }),
        response: { 200: ZProofDocument, ...errorResponses },
      },
    },
    async (req, reply) => {
      const doc = await publicProof(ctx, req.params.id, req.query.seq);
      reply.header('content-disposition', `inline; filename="proof-${doc.entry.seq}.json"`);
      return doc;
    },
  );

  app.get(
    '/api/public/bodies',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '行政执法主体（公开）：名称、执法主体资格依据、持证执法人员数',
        response: { 200: z.object({ items: z.array(ZPublicBody) }), ...errorResponses },
      },
    },
    async () => ({ items: await publicBodies(db) }),
  );

  app.get(
    '/api/public/officers',
    {
      config: { public: true },
      schema: {
        tags: publicTags,
        summary: '行政执法人员（公开）：姓名、执法证号、所在机构、执法领域',
        querystring: z.object({
          q: z.string().max(10_000).optional(),
          page: z.coerce.number().int().min(1).max(1000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: ZPublicOfficers, ...errorResponses },
      },
    },
    async (req) => publicOfficers(db, req.query),
  );

  app.get(
    '/api/public/publicity-statistics',
    {
      config: { public: true },
      schema: { tags: publicTags, summary: '公示统计（公开）：按月、按领域、及时率', response: { 200: ZPublicStatistics, ...errorResponses } },
    },
    async () => publicStatistics(db),
  );
}
