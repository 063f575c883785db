/**
 * Which matter a record entry belongs to, who may see its history and who may add evidence.
 * Each module that introduces a matter type registers its resolver here.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { findMatter, isWorkflowType, matterVisible } from '../../platform/workflow/engine.ts';
import { officerPolicy, orgPolicy, userPolicy, type Principal } from '../../platform/policies.ts';
import { resolvePowerItemMatter } from '../powers/matter.ts';
import { resolveLegalSourceMatter } from '../laws/matter.ts';
import { resolveBenchmarkMatter, resolveThresholdMatter, resolveViolationMatter } from '../discretion/matter.ts';
import { inspectionMatterResolvers } from '../inspections/matter.ts';

export interface MatterAccess {
  orgId: string;
  title: string;
  viewRecord: boolean;
  uploadEvidence: boolean;
}

type Resolver = (q: Queryable, p: Principal, id: string) => Promise<MatterAccess | null>;

export const matterResolvers: Record<string, Resolver> = {
  async org(q, p, id) {
    const r = (await q.query<{ name: string }>('select name from orgs where id = $1', [id])).rows[0];
    if (!r || !p.scope.has(id)) return null;
    return { orgId: id, title: r.name, viewRecord: orgPolicy(p, { id }).viewRecord, uploadEvidence: false };
  },
  async user(q, p, id) {
    const r = (
      await q.query<{ org_id: string; display_name: string; username: string }>('select org_id, display_name, username from users where id = $1', [id])
    ).rows[0];
    if (!r) return null;
    const a = userPolicy(p, { id, orgId: r.org_id });
    if (!a.read) return null;
    return { orgId: r.org_id, title: `${r.display_name}（${r.username}）`, viewRecord: a.viewRecord, uploadEvidence: false };
  },
  async officer(q, p, id) {
    const r = (await q.query<{ org_id: string; name: string }>('select org_id, name from officers where id = $1', [id])).rows[0];
    if (!r) return null;
    const a = officerPolicy(p, { orgId: r.org_id });
    if (!a.read) return null;
    return { orgId: r.org_id, title: r.name, viewRecord: a.viewRecord, uploadEvidence: a.uploadEvidence };
  },
};

// reference data of the whole platform: readable by everyone signed in
matterResolvers.calendar = async (_q, p, id) =>
  /^\d{4}$/.test(id) ? { orgId: p.orgId, title: `${id} 年工作日历`, viewRecord: true, uploadEvidence: false } : null;

// 权责清单: readable in the body's subtree and by the units below it
matterResolvers.powerItem = resolvePowerItemMatter;

// 法律法规数据库: reference data, readable by everyone signed in
matterResolvers.legalSource = resolveLegalSourceMatter;

// 违法行为 (read by everyone), 裁量基准 and 较大数额 (read in the adopting org's subtree and below)
matterResolvers.violation = resolveViolationMatter;
matterResolvers.discretionBenchmark = resolveBenchmarkMatter;
matterResolvers.discretionThreshold = resolveThresholdMatter;

// 双随机、一公开: the target pool (per body), the item list and the plans (tasks are workflow matters)
Object.assign(matterResolvers, inspectionMatterResolvers);

export async function resolveMatter(q: Queryable, p: Principal, type: string, id: string): Promise<MatterAccess | null> {
  const resolver = matterResolvers[type];
  if (resolver) return resolver(q, p, id);
  // matters run by the workflow engine: visible in the org subtree
  if (!isWorkflowType(type)) return null;
  const m = await findMatter(q, id);
  if (!m || m.type !== type || !(await matterVisible(q, p, m))) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: true };
}
