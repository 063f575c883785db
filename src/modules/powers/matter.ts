/** The record viewer's resolver for matter type 'powerItem' (/record/powerItem/:id). */
import type { Queryable } from '../../platform/db/index.ts';
import { powerItemPolicy, type Principal } from '../../platform/policies.ts';
import { ancestorsOf } from '../../platform/orgs.ts';

export async function resolvePowerItemMatter(q: Queryable, p: Principal, id: string) {
  const r = (
    await q.query<{ bodyId: string; code: string; name: string }>(
      `select i.body_id as "bodyId", i.code, v.name from power_items i join power_item_versions v on v.item_id = i.id
      where i.id = $1 order by v.version_no desc limit 1`,
      [id],
    )
  ).rows[0];
  if (!r) return null;
  const a = powerItemPolicy(p, r, await ancestorsOf(q, p.orgId));
  if (!a.read) return null;
  return { orgId: r.bodyId, title: `权责事项 ${r.code} ${r.name}`, viewRecord: a.viewRecord, uploadEvidence: false };
}
