/**
 * Who sees and acts on a contract (`contractPolicy`) and a 立法征询 (`legislativePolicy`). A contract: the contracting unit's
 * subtree sees and handles it (officers, leaders, admins); the body's leaders sign it; the legal office and supervisors of
 * the body's chain read it. A sibling unit or another district sees nothing. A 立法征询 belongs to the body: its subtree
 * reads it, the legal office and leaders on the body's chain answer it.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findContract, findLegislative, type ContractRow } from './store.ts';

const has = (p: Principal, ...r: Principal['roles']) => r.some((x) => p.roles.includes(x));
const onChain = async (q: Queryable, p: Principal, bodyId: string) => p.scope.has(bodyId) || (await orgChain(q, p.orgId)).includes(bodyId);

export function contractPolicy(p: Principal, row: Pick<ContractRow, 'unitId' | 'bodyId'>, bodyOnChain: boolean) {
  const unit = p.scope.has(row.unitId);
  const read = unit || p.scope.has(row.bodyId) || (bodyOnChain && has(p, 'legalReviewer', 'leader', 'supervisor'));
  const handle = (unit && has(p, 'officer', 'leader', 'admin')) || (bodyOnChain && has(p, 'leader'));
  return { read, handle, viewRecord: read, uploadEvidence: handle };
}

export async function contractAbilities(q: Queryable, p: Principal, row: Pick<ContractRow, 'unitId' | 'bodyId'>) {
  return contractPolicy(p, row, await onChain(q, p, row.bodyId));
}

/** May the caller register a contract for this unit: in their scope, as an officer, leader or admin. */
export const mayRegisterContract = (p: Principal, unitId: string) => p.scope.has(unitId) && has(p, 'officer', 'leader', 'admin');

export const contractVisible: VisibilityRule = async (q, p, m) => {
  const row = await findContract(q, m.id);
  return !!row && (await contractAbilities(q, p, row)).read;
};

export async function resolveContract(q: Queryable, p: Principal, id: string): Promise<MatterAccess | null> {
  const row = await findContract(q, id);
  const m = row && (await findMatter(q, id));
  if (!row || !m) return null;
  const a = await contractAbilities(q, p, row);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    uploadRefusal: '只有承办机构和局领导可以上传合同文件',
    act: a.handle,
  };
}

export function legislativePolicy(p: Principal, bodyId: string, bodyOnChain: boolean) {
  const read = p.scope.has(bodyId) || (bodyOnChain && has(p, 'legalReviewer', 'leader', 'supervisor'));
  const handle = read && ((bodyOnChain && has(p, 'legalReviewer', 'leader')) || (p.scope.has(bodyId) && has(p, 'admin')));
  return { read, handle, viewRecord: read, uploadEvidence: handle };
}

export async function legislativeAbilities(q: Queryable, p: Principal, bodyId: string) {
  return legislativePolicy(p, bodyId, await onChain(q, p, bodyId));
}

export const legislativeVisible: VisibilityRule = async (q, p, m) => {
  const row = await findLegislative(q, m.id);
  return !!row && (await legislativeAbilities(q, p, row.bodyId)).read;
};

export async function resolveLegislative(q: Queryable, p: Principal, id: string): Promise<MatterAccess | null> {
  const row = await findLegislative(q, id);
  const m = row && (await findMatter(q, id));
  if (!row || !m) return null;
  const a = await legislativeAbilities(q, p, row.bodyId);
  if (!a.read) return null;
  return {
    orgId: m.orgId,
    title: m.title,
    viewRecord: a.viewRecord,
    uploadEvidence: a.uploadEvidence,
    uploadRefusal: '只有法制审核机构和局领导可以上传答复文件',
    act: a.handle,
  };
}

/** Conditions for the lists (append their parameters). */
export async function visibleContractsSql(q: Queryable, p: Principal, params: unknown[]): Promise<string> {
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, 'legalReviewer', 'leader', 'supervisor')) return `(c.unit_id = any(${s}) or c.body_id = any(${s}))`;
  params.push(await orgChain(q, p.orgId));
  return `(c.unit_id = any(${s}) or c.body_id = any(${s}) or c.body_id = any($${params.length}))`;
}

export async function visibleLegislativeSql(q: Queryable, p: Principal, params: unknown[]): Promise<string> {
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, 'legalReviewer', 'leader', 'supervisor')) return `(l.body_id = any(${s}))`;
  params.push(await orgChain(q, p.orgId));
  return `(l.body_id = any(${s}) or l.body_id = any($${params.length}))`;
}
