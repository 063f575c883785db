/**
 * Who sees and acts on a legality review (`legalityReviewPolicy`). The requesting unit's subtree sees its review and may
 * resubmit or withdraw it; the legal office — legal reviewers whose org chain reaches the reviewing body (法制科 under the
 * bureau) — sees and reviews it; leaders and supervisors of the body's chain read it. A sibling unit or another district
 * sees nothing (404). The engine's visibility, the record viewer, the routes and the queue ask the same function.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findReview, type ReviewRow } from './store.ts';

const has = (p: Principal, ...r: Principal['roles']) => r.some((x) => p.roles.includes(x));

/** The pure policy, given whether the reviewing body is on the caller's org chain. */
export function legalityReviewPolicy(p: Principal, row: Pick<ReviewRow, 'unitId' | 'bodyId'>, bodyOnChain: boolean) {
  const requester = p.scope.has(row.unitId);
  const legalOffice = bodyOnChain && has(p, 'legalReviewer');
  const oversight = bodyOnChain && has(p, 'leader', 'supervisor');
  const read = requester || legalOffice || oversight || p.scope.has(row.bodyId);
  return {
    read,
    /** 征求法律意见、退回、出具审查意见 */
    review: legalOffice,
    /** 补充材料后重新送审、撤回 */
    request: requester && has(p, 'officer', 'leader', 'admin'),
    viewRecord: read,
    uploadEvidence: read && (requester || legalOffice),
  };
}

export async function legalityAbilities(q: Queryable, p: Principal, row: Pick<ReviewRow, 'unitId' | 'bodyId'>) {
  const onChain = p.scope.has(row.bodyId) || (await orgChain(q, p.orgId)).includes(row.bodyId);
  return legalityReviewPolicy(p, row, onChain);
}

export const legalityReviewVisible: VisibilityRule = async (q, p, m) => {
  const row = await findReview(q, m.id);
  return !!row && (await legalityAbilities(q, p, row)).read;
};

export async function resolveLegalityReview(q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> {
  const row = await findReview(q, id);
  const m = row && (await findMatter(q, id));
  if (!row || !m) return null;
  const a = await legalityAbilities(q, p, row);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    uploadRefusal: '只有送审机构和法制审核机构可以上传审查材料',
    act: a.review || a.request,
  };
}

/** The reviews the caller sees, as a condition on `legality_reviews r` (appends its parameters). */
export async function visibleReviewsSql(q: Queryable, p: Principal, params: unknown[]): Promise<string> {
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, 'legalReviewer', 'leader', 'supervisor')) return `(r.unit_id = any(${s}) or r.body_id = any(${s}))`;
  params.push(await orgChain(q, p.orgId));
  return `(r.unit_id = any(${s}) or r.body_id = any(${s}) or r.body_id = any($${params.length}))`;
}
