/**
 * The public read view of the power list for the portal (行政执法公示, 事前公开): no login; only
 * items in effect today (approved changes whose effective date has come); an allow-list of fields —
 * no internal ids of people, no change notes, no internal remarks.
 */
import { z } from 'zod';
import { chinaToday } from '../../domain/dates.ts';
import { powerCategoryIds, powerCategoryLabels } from '../../domain/powers.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { errorResponses, type App } from '../../platform/http.ts';
import { citedArticles, contentOf, inEffectOn, versionSelect, versionsInEffect, type VersionRow } from './queries.ts';

const ZPublicBasis = z.object({ articleId: z.string(), label: z.string(), lawTitle: z.string(), versionDate: z.string() });

export const ZPublicPowerItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.enum(powerCategoryIds),
  categoryLabel: z.string(),
  parentId: z.string().nullable(),
  bodyId: z.string(),
  bodyName: z.string(),
  unitName: z.string(),
  validFrom: z.string(),
  basis: z.array(ZPublicBasis),
  responsibilities: z.array(z.string()),
  accountability: z.array(z.string()),
  steps: z.array(z.object({ name: z.string(), timeLimit: z.string().nullable() })),
  materials: z.array(z.string()),
  timeLimit: z.string().nullable(),
  fee: z.string().nullable(),
  office: z.string().nullable(),
  phone: z.string().nullable(),
});
export type TPublicPowerItem = z.infer<typeof ZPublicPowerItem>;

/** Copies exactly the published fields; anything not named here never leaves. */
function publish(r: VersionRow, articles: Awaited<ReturnType<typeof citedArticles>>): TPublicPowerItem {
  const c = contentOf(r);
  return {
    id: r.itemId,
    code: r.code,
    name: c.name,
    category: c.category,
    categoryLabel: powerCategoryLabels[c.category],
    parentId: r.parentId,
    bodyId: r.bodyId,
    bodyName: r.bodyName,
    unitName: r.unitName,
    validFrom: r.validFrom,
    basis: c.basis.map((id) => {
      const a = articles.get(id)!;
      return { articleId: a.articleId, label: a.label, lawTitle: a.lawTitle, versionDate: a.versionDate };
    }),
    responsibilities: c.responsibilities,
    accountability: c.accountability,
    steps: c.steps,
    materials: c.materials,
    timeLimit: c.timeLimit,
    fee: c.fee,
    office: c.office,
    phone: c.phone,
  };
}

const publicBodies = async (ctx: AppContext) => (await ctx.db.query<{ id: string }>('select id from orgs where is_enforcement_body')).rows.map((r) => r.id);

export function registerPublicPowerRoutes(app: App, ctx: AppContext) {
  const tags = ['权责清单（公开）'];

  app.get(
    '/api/public/powers',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '公开的权责清单：各执法主体现行有效的权责事项（公开，无需登录）',
        querystring: z.strictObject({ bodyId: z.string().max(64).optional(), category: z.enum(powerCategoryIds).optional(), q: z.string().max(50).optional() }),
        response: { 200: z.object({ asOf: z.string(), items: z.array(ZPublicPowerItem) }), ...errorResponses },
      },
    },
    async (req) => {
      const asOf = chinaToday();
      const rows = await versionsInEffect(ctx.db, await publicBodies(ctx), { ...req.query, asOf });
      const articles = await citedArticles(
        ctx.db,
        rows.flatMap((r) => JSON.parse(r.basis) as string[]),
      );
      return { asOf, items: rows.map((r) => publish(r, articles)) };
    },
  );

  app.get(
    '/api/public/powers/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '公开的权责事项详情（公开，无需登录）',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: ZPublicPowerItem.extend({ subItems: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })) }), ...errorResponses },
      },
    },
    async (req) => {
      const asOf = chinaToday();
      const r = (
        await ctx.db.query<VersionRow>(`${versionSelect} where i.id = $1 and ${inEffectOn(2)} and not v.removed and b.is_enforcement_body`, [
          req.params.id,
          asOf,
        ])
      ).rows[0];
      if (!r) throw notFound('权责事项');
      const subItems = (
        await ctx.db.query<{ id: string; code: string; name: string }>(
          `select i.id, i.code, v.name from power_items i join power_item_versions v on v.item_id = i.id
        where i.parent_id = $1 and ${inEffectOn(2)} and not v.removed order by i.code`,
          [r.itemId, asOf],
        )
      ).rows;
      return { ...publish(r, await citedArticles(ctx.db, JSON.parse(r.basis))), subItems };
    },
  );
}
