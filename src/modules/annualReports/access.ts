/**
 * Who sees and who writes a body's yearly reports (年度报告). A report is a matter of the enforcement body: its legal
 * office, leaders and administrators (and the supervisors above it) read it; the legal office, leaders and
 * administrators of the body generate and edit it; each transition names its own roles (a leader approves). A
 * unit's officers and another district see nothing until it is published on the portal.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal, Role } from '../../platform/policies.ts';
import { findReport } from './store.ts';

const readingRoles: readonly Role[] = ['legalReviewer', 'leader', 'admin', 'supervisor'];
const writingRoles: readonly Role[] = ['legalReviewer', 'leader', 'admin'];
const has = (p: Principal, roles: readonly Role[]) => p.roles.some((r) => roles.includes(r));

export async function reportAbilities(q: Queryable, p: Principal, bodyId: string) {
  const ofBody = p.scope.has(bodyId) || (await orgChain(q, p.orgId)).includes(bodyId);
  const read = ofBody && has(p, readingRoles);
  // a supervisor above the body reads; only the body's own staff write (their org chain reaches the body)
  const own = (await orgChain(q, p.orgId)).includes(bodyId);
  const write = read && own && has(p, writingRoles);
  return { read, write, transition: write, viewRecord: read };
}

export const reportVisible: VisibilityRule = async (q, p, m) => {
  const r = await findReport(q, m.id);
  return !!r && (await reportAbilities(q, p, r.bodyId)).read;
};

export async function resolveReportMatter(q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> {
  const r = await findReport(q, id);
  if (!r) return null;
  const a = await reportAbilities(q, p, r.bodyId);
  if (!a.read) return null;
  return { orgId: r.bodyId, title: r.title, viewRecord: true, uploadEvidence: false, act: a.transition, uploadRefusal: '年度报告不上传证据文件' };
}
