/** Record-viewer resolvers for the module's non-workflow matters: targetPool (id = body), inspectionItem, inspectionPlan. */
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { abilitiesFor } from './access.ts';

const access = async (q: Queryable, p: Principal, bodyId: string, title: string) => {
  const a = await abilitiesFor(q, p, bodyId);
  return a.read ? { orgId: bodyId, title, viewRecord: a.viewRecord, uploadEvidence: false } : null;
};

export const inspectionMatterResolvers = {
  async targetPool(q: Queryable, p: Principal, id: string) {
    const r = (await q.query<{ name: string }>('select name from orgs where id = $1', [id])).rows[0];
    return r ? access(q, p, id, `${r.name} 检查对象名录库`) : null;
  },
  async inspectionItem(q: Queryable, p: Principal, id: string) {
    const r = (
      await q.query<{ bodyId: string; code: string; name: string }>('select body_id as "bodyId", code, name from inspection_items where id = $1', [id])
    ).rows[0];
    return r ? access(q, p, r.bodyId, `抽查事项 ${r.code} ${r.name}`) : null;
  },
  async inspectionPlan(q: Queryable, p: Principal, id: string) {
    const r = (
      await q.query<{ bodyId: string; year: number; title: string }>('select body_id as "bodyId", year, title from inspection_plans where id = $1', [id])
    ).rows[0];
    return r ? access(q, p, r.bodyId, `${r.year} 年 ${r.title}`) : null;
  },
};
