/**
 * Authorization of 重大行政决策: one policy for the catalogue and one for a decision; the routes, the engine's
 * visibility, the record viewer and the 待办 ask the same.
 * - A catalogue belongs to its 决策机关 (the bureau): read in the bureau's subtree (its units propose and undertake
 *   items), kept by the bureau's admins and leaders.
 * - A decision is read in its 承办单位's subtree and, as a case is, by the legal reviewers, leaders and supervisors of
 *   the bureau's chain (the legal office reviews it, the leaders decide it); a sibling unit or another district does
 *   not see it. The undertaking unit's staff and the bureau's admins and leaders take the drafting steps; the bureau's
 *   leaders the collective discussion.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal, Role } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findCatalogue, findDecision } from './store.ts';

const has = (p: Principal, ...r: Role[]) => r.some((x) => p.roles.includes(x));

export const cataloguePolicy = (p: Principal, c: { bodyId: string }, chain: readonly string[]) => {
  const own = p.scope.has(c.bodyId);
  const read = own || chain.includes(c.bodyId);
  return { read, manage: own && has(p, 'admin', 'leader'), viewRecord: read };
};

export const decisionPolicy = (p: Principal, d: { bodyId: string; unitId: string }, chain: readonly string[]) => {
  const unit = p.scope.has(d.unitId);
  const body = p.scope.has(d.bodyId);
  const read = unit || body || (chain.includes(d.bodyId) && has(p, 'legalReviewer', 'leader', 'supervisor'));
  return {
    read,
    /** the undertaking unit's steps (公众参与、专家论证、风险评估、送审、执行) */
    draft: (unit && has(p, 'officer', 'admin', 'leader')) || (body && has(p, 'admin', 'leader')),
    /** 集体讨论决定 and 公布: the bureau's leaders (and its admins, who keep the minutes) */
    decide: body && has(p, 'leader', 'admin'),
    viewRecord: read,
  };
};

export async function catalogueAbilities(q: Queryable, p: Principal, c: { bodyId: string }) {
  return cataloguePolicy(p, c, await orgChain(q, p.orgId));
}

export async function decisionAbilities(q: Queryable, p: Principal, d: { bodyId: string; unitId: string }) {
  return decisionPolicy(p, d, await orgChain(q, p.orgId));
}

export const catalogueVisible: VisibilityRule = async (q, p, m) => {
  const c = await findCatalogue(q, m.id);
  return !!c && (await catalogueAbilities(q, p, c)).read;
};

export const decisionVisible: VisibilityRule = async (q, p, m) => {
  const d = await findDecision(q, m.id);
  return !!d && (await decisionAbilities(q, p, d)).read;
};

export async function resolveCatalogue(q: Queryable, p: Principal, id: string): Promise<MatterAccess | null> {
  const c = await findCatalogue(q, id);
  const m = c && (await findMatter(q, id));
  if (!c || !m) return null;
  const a = await catalogueAbilities(q, p, c);
  if (!a.read) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: a.viewRecord, uploadEvidence: false, act: a.manage, uploadRefusal: '决策事项目录不上传文件' };
}

export async function resolveDecision(q: Queryable, p: Principal, id: string): Promise<MatterAccess | null> {
  const d = await findDecision(q, id);
  const m = d && (await findMatter(q, id));
  if (!d || !m) return null;
  const a = await decisionAbilities(q, p, d);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    // the materials of each step (听证会记录、专家论证意见、风险评估报告、会议纪要 …) are filed on the decision
    uploadEvidence: a.draft || a.decide,
    act: a.draft || a.decide,
    uploadRefusal: '只有决策承办单位和决策机关的工作人员可以上传该决策的材料',
  };
}
