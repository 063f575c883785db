/**
 * Who sees and handles a 政府信息公开申请 (`disclosurePolicy`). The request belongs to the body (the 行政机关 that
 * received it): the body's own staff (its subtree at the body's level: administrators, leaders) and the legal office
 * and leaders on its chain read and handle it; a unit below the body (a 市场监管所) does not see the applicant's
 * personal data; a sibling district sees nothing. 延长答复期限 needs the 政府信息公开工作机构负责人 (a leader): the
 * transition's roles.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, VisibilityRule } from '../../platform/modules.ts';
import { enforcementBodyOf, orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findDisclosure } from './store.ts';

const has = (p: Principal, ...r: Principal['roles']) => r.some((x) => p.roles.includes(x));

export function disclosurePolicy(p: Principal, bodyId: string, bodyOnChain: boolean) {
  const read = p.scope.has(bodyId) || (bodyOnChain && has(p, 'legalReviewer', 'leader', 'supervisor'));
  const handle = read && ((bodyOnChain && has(p, 'legalReviewer', 'leader')) || (p.scope.has(bodyId) && has(p, 'admin')));
  return { read, handle, viewRecord: read, uploadEvidence: handle };
}

export async function disclosureAbilities(q: Queryable, p: Principal, bodyId: string) {
  return disclosurePolicy(p, bodyId, p.scope.has(bodyId) || (await orgChain(q, p.orgId)).includes(bodyId));
}

/** The body the caller registers requests for: their enforcement body. */
export async function bodyOfCaller(q: Queryable, p: Principal): Promise<string> {
  return (await enforcementBodyOf(q, p.orgId)) ?? p.orgId;
}

export const disclosureVisible: VisibilityRule = async (q, p, m) => {
  const row = await findDisclosure(q, m.id);
  return !!row && (await disclosureAbilities(q, p, row.bodyId)).read;
};

export async function resolveDisclosure(q: Queryable, p: Principal, id: string): Promise<MatterAccess | null> {
  const row = await findDisclosure(q, id);
  const m = row && (await findMatter(q, id));
  if (!row || !m) return null;
  const a = await disclosureAbilities(q, p, row.bodyId);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    uploadRefusal: '只有政府信息公开工作机构可以上传申请材料和答复材料',
    act: a.handle,
  };
}

/** The condition of the list (appends its parameters). */
export async function visibleDisclosureSql(q: Queryable, p: Principal, params: unknown[]): Promise<string> {
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, 'legalReviewer', 'leader', 'supervisor')) return `(d.body_id = any(${s}))`;
  params.push(await orgChain(q, p.orgId));
  return `(d.body_id = any(${s}) or d.body_id = any($${params.length}))`;
}
