/**
 * 统计指标 API: the catalogue, every figure's number over a scope and period (with last year's), one figure's
 * breakdowns and months, the records behind a number, and the kept figure sets with their tree heads.
 */
import { canonicalJson } from '../../domain/canonical.ts';
import { hashBytes } from '../../domain/merkle.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { FigureScope } from '../../platform/figures/compute.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import type { Principal } from '../../platform/policies.ts';
import { figureOrgScope } from './access.ts';
import { computeAll, computeFigureSet, type SetValues } from './commands/compute-set.ts';
import { figureById, figureComparison, figureDetail, figureOverview, figureRecordList, parseFilter, presentFigure } from './queries.ts';
import { ZCatalogue, ZCompare, ZFigureDetail, ZFigureRecords, ZOverview, ZSet, ZSetCheck, ZSetList } from './responses.ts';
import { ZCompareQuery, ZComputeSet, ZFigureId, ZFigureQuery, ZRecordsQuery, ZScopeQuery } from './schema.ts';
import { z } from 'zod';
import { fileAnswer } from '../record/index.ts';
import { XLSX_MIME, figuresWorkbook } from './xlsx.ts';

const tags = ['统计指标'];
/** A period is at most five years (a report compares years; longer asks are a mistake or a load). */
const MAX_PERIOD_DAYS = 5 * 366;

async function scopeOf(ctx: AppContext, p: Principal, q: { orgId?: string; from: string; to: string }) {
  const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
  if (days < 0 || days > MAX_PERIOD_DAYS)
    throw new AppError('FIGURE_PERIOD_INVALID', `统计期间 ${q.from} 至 ${q.to} 有误：截止日期不能早于起始日期，且期间不超过五年`);
  const org = await figureOrgScope(ctx.db, p, q.orgId);
  const name = (await ctx.db.query<{ name: string }>('select name from orgs where id = $1', [org.rootId])).rows[0]?.name ?? org.rootId;
  const scope: FigureScope = { orgIds: org.orgIds, from: q.from, to: q.to };
  return { org, name, scope };
}

type SetRow = {
  id: string;
  org_id: string;
  org_name: string;
  period_from: string;
  period_to: string;
  computed_at: Date | string;
  computed_by: string | null;
  tree_head_id: number | null;
  tree_size: number;
  root_hash: string;
  values_hash: string;
  figure_values: SetValues | string;
};

const presentSet = (r: SetRow) => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  from: r.period_from,
  to: r.period_to,
  computedAt: new Date(r.computed_at).toISOString(),
  computedBy: r.computed_by,
  treeHeadId: r.tree_head_id === null ? null : Number(r.tree_head_id),
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  valuesHash: r.values_hash,
});

const setColumns = `s.id, s.org_id, o.name as org_name, s.period_from, s.period_to, s.computed_at, s.computed_by, s.tree_head_id, s.tree_size, s.root_hash, s.values_hash`;

export function registerFigureRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/api/figures',
    { schema: { tags, summary: '统计指标目录：每个指标的名称、定义、单位、分组维度和出处', response: { 200: ZCatalogue, ...errorResponses } } },
    async () => ({ items: ctx.registry.figures.map(presentFigure) }),
  );

  app.get(
    '/api/figures/overview',
    {
      schema: {
        tags,
        summary: '统计概览：统计范围（默认本执法主体）在期间内的全部指标，并与上年同期比较',
        querystring: ZScopeQuery,
        response: { 200: ZOverview, ...errorResponses },
      },
    },
    async (req) => {
      const s = await scopeOf(ctx, principal(req), req.query);
      return { orgId: s.org.rootId, orgName: s.name, ...(await figureOverview(db, ctx.registry, s.scope)) };
    },
  );

  app.get(
    '/api/figures/compare',
    {
      schema: {
        tags,
        summary: '对比：统计范围内全部指标按执法主体（上级监督部门对比所辖执法主体）或按单位并列',
        querystring: ZCompareQuery,
        response: { 200: ZCompare, ...errorResponses },
      },
    },
    async (req) => {
      const s = await scopeOf(ctx, principal(req), req.query);
      return { orgId: s.org.rootId, orgName: s.name, ...(await figureComparison(db, ctx.registry, s.scope, req.query.by)) };
    },
  );

  app.get(
    '/api/figures/overview.xlsx',
    {
      schema: {
        tags,
        summary: '导出统计指标（.xlsx）：指标一览（本期与上年同期）、各指标按维度分组、指标说明',
        querystring: ZScopeQuery,
        produces: [XLSX_MIME],
        response: { 200: fileAnswer('统计指标（.xlsx）', XLSX_MIME), ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await scopeOf(ctx, principal(req), req.query);
      const file = await figuresWorkbook(db, ctx.registry, s.scope, s.name);
      const name = `统计指标-${s.name}-${s.scope.from}至${s.scope.to}.xlsx`;
      reply.header('content-type', XLSX_MIME);
      reply.header('content-disposition', `attachment; filename="figures.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return reply.send(file as never);
    },
  );

  app.get(
    '/api/figures/sets',
    {
      schema: {
        tags,
        summary: '已生成的统计指标集（每个附生成时的记录树头）',
        querystring: z.strictObject({ orgId: z.string().min(1).max(64).optional() }),
        response: { 200: ZSetList, ...errorResponses },
      },
    },
    async (req) => {
      const org = await figureOrgScope(db, principal(req), req.query.orgId);
      const r = await db.query<SetRow>(
        `select ${setColumns} from figure_sets s join orgs o on o.id = s.org_id where s.org_id = $1 order by s.computed_at desc limit 200`,
        [org.rootId],
      );
      return { items: r.rows.map(presentSet) };
    },
  );

  app.post(
    '/api/figures/sets',
    {
      schema: {
        tags,
        summary: '生成统计指标集：计算全部指标（合计及各维度分组），连同当时签名的记录树头一并留存并记入执法记录',
        body: ZComputeSet,
        response: { 201: ZSet, ...errorResponses },
      },
    },
    async (req, reply) => {
      const p = principal(req);
      const s = await scopeOf(ctx, p, req.body);
      if (!s.org.abilities.computeSet) throw forbidden('只有法制审核人员、局领导、执法监督人员和系统管理员可以生成统计指标集');
      const id = await computeFigureSet(ctx, p, { rootId: s.org.rootId, scope: s.scope });
      reply.code(201);
      return setDetail(id, p);
    },
  );

  async function setRow(id: string, p: Principal): Promise<SetRow> {
    const r = await db.query<SetRow>(`select ${setColumns}, s.figure_values from figure_sets s join orgs o on o.id = s.org_id where s.id = $1`, [id]);
    if (!r.rows[0]) throw notFound('统计指标集');
    await figureOrgScope(db, p, r.rows[0].org_id); // 404 unless the caller reads that scope
    return r.rows[0];
  }
  const valuesOf = (r: SetRow): SetValues => (typeof r.figure_values === 'string' ? JSON.parse(r.figure_values) : r.figure_values);

  async function setDetail(id: string, p: Principal) {
    const r = await setRow(id, p);
    const values = valuesOf(r);
    return {
      ...presentSet(r),
      items: Object.entries(values).map(([fid, v]) => {
        const f = ctx.registry.figureOf(fid);
        return {
          id: fid,
          label: f?.figure.label ?? fid,
          unit: f?.figure.unit ?? 'items',
          unitLabel: f ? presentFigure(f).unitLabel : '',
          value: v.value,
          records: v.records,
        };
      }),
    };
  }

  app.get(
    '/api/figures/sets/:id',
    {
      schema: {
        tags,
        summary: '一个统计指标集：各指标当时的数值、统计范围和期间、记录树头',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: ZSet, ...errorResponses },
      },
    },
    async (req) => setDetail(req.params.id, principal(req)),
  );

  app.get(
    '/api/figures/sets/:id/check',
    {
      schema: {
        tags,
        summary: '核对统计指标集：留存数值的哈希与执法记录是否一致，按现在的记录重新计算后哪些指标发生了变化',
        params: z.strictObject({ id: z.string().min(1).max(64) }),
        response: { 200: ZSetCheck, ...errorResponses },
      },
    },
    async (req) => {
      const r = await setRow(req.params.id, principal(req));
      const kept = valuesOf(r);
      const entry = (
        await db.query<{ payload: string }>(
          `select payload from ledger_entries where matter_type = 'figureSet' and matter_id = $1 and event_type = 'figureSet.computed'`,
          [r.id],
        )
      ).rows[0];
      const recorded = entry ? (JSON.parse(entry.payload) as { valuesHash: string }).valuesHash : '';
      const holds = hashBytes(ctx.ledger.hashAlg, Buffer.from(canonicalJson(kept))).toString('hex') === recorded && recorded === r.values_hash;
      const org = await figureOrgScope(db, principal(req), r.org_id);
      const now = await computeAll(db, ctx.registry, { orgIds: org.orgIds, from: r.period_from, to: r.period_to });
      return {
        id: r.id,
        valuesHashHolds: holds,
        recordedValuesHash: recorded,
        recomputedAt: new Date().toISOString(),
        changed: Object.entries(kept)
          .filter(([fid, v]) => now[fid] && now[fid].value !== v.value)
          .map(([fid, v]) => ({ id: fid, label: ctx.registry.figureOf(fid)?.figure.label ?? fid, kept: v.value, now: now[fid].value })),
        added: Object.keys(now).filter((fid) => !(fid in kept)),
      };
    },
  );

  app.get(
    '/api/figures/:id',
    {
      schema: {
        tags,
        summary: '一个统计指标：期间内的数值、上年同期、按各维度（或指定维度）分组、按月趋势',
        params: ZFigureId,
        querystring: ZFigureQuery,
        response: { 200: ZFigureDetail, ...errorResponses },
      },
    },
    async (req) => {
      const r = figureById(ctx.registry, req.params.id);
      const s = await scopeOf(ctx, principal(req), req.query);
      return { orgId: s.org.rootId, orgName: s.name, ...(await figureDetail(db, r, s.scope, parseFilter(r.figure, req.query.filter), req.query.by)) };
    },
  );

  app.get(
    '/api/figures/:id/records',
    {
      schema: {
        tags,
        summary: '构成指标数值的记录：逐条列出（含链接），合计即指标数值',
        params: ZFigureId,
        querystring: ZRecordsQuery,
        response: { 200: ZFigureRecords, ...errorResponses },
      },
    },
    async (req) => {
      const r = figureById(ctx.registry, req.params.id);
      const s = await scopeOf(ctx, principal(req), req.query);
      return figureRecordList(db, r, s.scope, parseFilter(r.figure, req.query.filter), { limit: req.query.limit, offset: req.query.offset });
    },
  );
}
