/**
 * Which matter a record entry belongs to, who may see its history and who may add evidence.
 * Each module that introduces a matter type registers its resolver here; a resolver answers from the
 * type's own policy (the function that computes the resource's `abilities`), so the generic record
 * routes never grant more than the resource's own routes. A workflow type without a resolver may be
 * read where it is visible, but nothing is uploaded to it.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { findMatter, isWorkflowType, matterVisible } from '../../platform/workflow/engine.ts';
import { officerPolicy, orgPolicy, userPolicy, type Principal } from '../../platform/policies.ts';
import { resolvePowerItemMatter } from '../powers/matter.ts';
import { resolveLegalSourceMatter } from '../laws/matter.ts';
import { resolveBenchmarkMatter, resolveThresholdMatter, resolveViolationMatter } from '../discretion/matter.ts';
import { inspectionMatterResolvers } from '../inspections/matter.ts';
import { resolveCaseMatter } from '../cases/access.ts';
import { resolvePublicationMatter } from '../publicity/access.ts';

export interface MatterAccess {
  orgId: string;
  title: string;
  viewRecord: boolean;
  uploadEvidence: boolean;
  /** why `uploadEvidence` is false (the 403's message), when the type can say more than the default */
  uploadRefusal?: string;
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

// 双随机、一公开: the target pool (per body), the item list, the plans and the tasks (evidence of the results)
Object.assign(matterResolvers, inspectionMatterResolvers);

// 执法办案: the case's policy (`casePolicy`) — evidence only while the case is open, by officers and admins
matterResolvers.case = resolveCaseMatter;

// 行政执法公示: the publication's policy (`publicationPolicy`) — no evidence is attached to a publication
matterResolvers.publication = resolvePublicationMatter;

export async function resolveMatter(q: Queryable, p: Principal, type: string, id: string): Promise<MatterAccess | null> {
  const resolver = Object.hasOwn(matterResolvers, type) ? matterResolvers[type] : undefined;
  if (resolver) return resolver(q, p, id);
  // other matters run by the workflow engine: the record is read where the matter is visible; without an
  // evidence ability of its own the type takes no files
  if (!isWorkflowType(type)) return null;
  const m = await findMatter(q, id);
  if (!m || m.type !== type || !(await matterVisible(q, p, m))) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: false, uploadRefusal: '该类事项不能上传证据文件' };
}
