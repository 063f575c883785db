/**
 * Record-viewer resolvers for the module's matters: targetPool (id = body), inspectionItem, inspectionPlan, and the
 * workflow matter inspectionTask, whose evidence files are the results' (`recordResult` accepts only the task's files).
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { abilitiesFor } from './access.ts';
import { findTask } from './tasks.ts';

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
  /** read where the task is (inspectionPolicy); files are added while it is inspected, by those who enter its results */
  async inspectionTask(q: Queryable, p: Principal, id: string) {
    const t = await findTask(q, id);
    if (!t) return null;
    const a = await abilitiesFor(q, p, t.bodyId);
    if (!a.read) return null;
    let upload = false;
    if (t.state === 'drawn') {
      upload = a.enterResults;
      if (!upload) {
        const me = (await q.query<{ officerId: string | null }>('select officer_id as "officerId" from users where id = $1', [p.userId])).rows[0]?.officerId;
        const drawn = (await q.query<{ inspectorIds: string }>('select inspector_ids as "inspectorIds" from inspection_assignments where task_id = $1', [id]))
          .rows;
        upload = !!me && drawn.some((r) => (JSON.parse(r.inspectorIds) as string[]).includes(me));
      }
    }
    return {
      orgId: t.bodyId,
      title: t.name,
      viewRecord: a.viewRecord,
      uploadEvidence: upload,
      // the task's transitions are its managers' (the routes ask the same ability)
      act: a.manage,
      uploadRefusal: t.state === 'drawn' ? '只有被抽中的检查人员或本机关系统管理员可以上传该任务的证据文件' : '抽查任务不在检查阶段，不能上传证据文件',
    };
  },
};
