/**
 * Who sees and handles a recommendation (`recommendationPolicy`). It is addressed to the body: the body's legal office
 * and leaders register, assign, answer and file it (and the body's administrators); the unit it is assigned to (its
 * subtree's officers and leaders) reads and answers it; supervisors on the chain read it. A sibling unit not assigned
 * and another district see nothing.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findRecommendation, type RecommendationRow } from './store.ts';

const has = (p: Principal, ...r: Principal['roles']) => r.some((x) => p.roles.includes(x));

export function recommendationPolicy(p: Principal, row: Pick<RecommendationRow, 'bodyId' | 'unitId'>, bodyOnChain: boolean) {
  const unit = !!row.unitId && p.scope.has(row.unitId);
  const office = (bodyOnChain && has(p, 'legalReviewer', 'leader')) || (p.scope.has(row.bodyId) && has(p, 'admin'));
  const read = p.scope.has(row.bodyId) || unit || (bodyOnChain && has(p, 'legalReviewer', 'leader', 'supervisor'));
  const handle = office || (unit && has(p, 'officer', 'leader'));
  return { read, handle, manage: office, viewRecord: read, uploadEvidence: handle };
}

export async function recommendationAbilities(q: Queryable, p: Principal, row: Pick<RecommendationRow, 'bodyId' | 'unitId'>) {
  return recommendationPolicy(p, row, p.scope.has(row.bodyId) || (await orgChain(q, p.orgId)).includes(row.bodyId));
}

export const recommendationVisible: VisibilityRule = async (q, p, m) => {
  const row = await findRecommendation(q, m.id);
  return !!row && (await recommendationAbilities(q, p, row)).read;
};

export async function resolveRecommendation(q: Queryable, p: Principal, id: string): Promise<MatterAccess | null> {
  const row = await findRecommendation(q, id);
  const m = row && (await findMatter(q, id));
  if (!row || !m) return null;
  const a = await recommendationAbilities(q, p, row);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    uploadRefusal: '只有法制审核机构、局领导和承办机构可以上传建议书和回复文件',
    act: a.handle,
  };
}

export async function visibleRecommendationsSql(q: Queryable, p: Principal, params: unknown[]): Promise<string> {
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, 'legalReviewer', 'leader', 'supervisor')) return `(r.body_id = any(${s}) or r.unit_id = any(${s}))`;
  params.push(await orgChain(q, p.orgId));
  return `(r.body_id = any(${s}) or r.unit_id = any(${s}) or r.body_id = any($${params.length}))`;
}
