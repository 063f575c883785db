/** A power-list item's history of adjustments (立改废), for the portal and its public API. */
import { z } from 'zod';
import { chinaToday } from '../../domain/dates.ts';
import { powerChangeReasons, powerCategoryLabels } from '../../domain/powers.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, errorResponses } from '../../platform/http.ts';

export const ZPowerHistory = z.object({
  id: z.string(),
  code: z.string(),
  versions: z.array(
    z.object({
      versionNo: z.number(),
      name: z.string(),
      category: z.string(),
      categoryLabel: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
      removed: z.boolean(),
      change: z.string(),
      reason: z.string(),
    }),
  ),
});
export type PowerHistory = z.infer<typeof ZPowerHistory>;

const changeKinds: Record<string, string> = { add: '新增', amend: '变更', remove: '取消' };

/** The versions in force until today, newest first; 404 unless the item belongs to an enforcement body. */
export async function powerHistory(db: Queryable, id: string): Promise<PowerHistory> {
  const item = (
    await db.query<{ id: string; code: string }>(
      'select i.id, i.code from power_items i join orgs b on b.id = i.body_id where i.id = $1 and b.is_enforcement_body',
      [id],
    )
  ).rows[0];
  if (!item) throw new AppError('NOT_FOUND', '权责事项不存在');
  const versions = (
    await db.query<{
      versionNo: number;
      name: string;
      category: keyof typeof powerCategoryLabels;
      validFrom: string;
      validTo: string | null;
      removed: boolean;
      kind: string;
      reason: keyof typeof powerChangeReasons;
    }>(
      `select v.version_no as "versionNo", v.name, v.category, v.valid_from as "validFrom", v.valid_to as "validTo", v.removed, c.kind, c.reason
         from power_item_versions v join power_changes c on c.id = v.change_id where v.item_id = $1 and v.valid_from <= $2 order by v.version_no desc`,
      [id, chinaToday()],
    )
  ).rows;
  return {
    ...item,
    versions: versions.map((v) => ({
      versionNo: v.versionNo,
      name: v.name,
      category: v.category,
      categoryLabel: powerCategoryLabels[v.category],
      validFrom: v.validFrom,
      validTo: v.validTo,
      removed: v.removed,
      change: changeKinds[v.kind] ?? v.kind,
      reason: powerChangeReasons[v.reason] ?? v.reason,
    })),
  };
}

export function registerPowerHistoryApi(app: App, db: Queryable) {
  app.get(
    '/api/public/powers/:id/history',
    {
      config: { public: true },
      schema: {
        tags: ['权责清单（公开）'],
        summary: '权责事项的调整历史（公开）：各版本的名称、类别、有效期、调整类型和原因',
        params: z.object({ id: z.string().min(1).max(64) }),
        response: { 200: ZPowerHistory, ...errorResponses },
      },
    },
    async (req) => powerHistory(db, req.params.id),
  );
}
