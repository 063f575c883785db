/**
 * Who sees and who acts on a normative document (规范性文件). A document is a matter of its drafting unit
 * (起草单位): that unit's subtree sees it (a bureau's admin and leaders above it), and so do the legal
 * reviewers, leaders and administrators of the body's chain (法制科 reviews, registers and files every
 * document of the body). A sibling unit's officers and another district do not see a draft. Published
 * documents are public on the portal anyway.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal, Role } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findDocument, type DocumentRow } from './store.ts';

export const draftingRoles: readonly Role[] = ['officer', 'legalReviewer', 'leader', 'admin'];
const bodyRoles: readonly Role[] = ['legalReviewer', 'leader', 'admin', 'supervisor'];
const managingRoles: readonly Role[] = ['legalReviewer', 'leader', 'admin'];

const has = (p: Principal, roles: readonly Role[]) => p.roles.some((r) => roles.includes(r));

/** Does the principal act for the body: its subtree, or a body role in an org under it. */
async function ofBody(q: Queryable, p: Principal, bodyId: string): Promise<boolean> {
  return p.scope.has(bodyId) || (await orgChain(q, p.orgId)).includes(bodyId);
}

export async function documentAbilities(q: Queryable, p: Principal, d: Pick<DocumentRow, 'bodyId' | 'unitId'>) {
  const body = await ofBody(q, p, d.bodyId);
  const read = p.scope.has(d.unitId) || (body && has(p, bodyRoles));
  return {
    read,
    /** the text of a draft (起草中) and the steps the drafting unit takes */
    edit: read && has(p, draftingRoles) && (p.scope.has(d.unitId) || has(p, managingRoles)),
    /** transitions, each by its roles */
    transition: read && has(p, draftingRoles),
    /** 清理 decisions */
    cleanup: read && body && has(p, managingRoles),
    viewRecord: read,
  };
}

/** Plans, cleanups and the register of a body: its legal reviewers, leaders and administrators; read by the body's staff. */
export async function bodyAbilities(q: Queryable, p: Principal, bodyId: string) {
  const body = await ofBody(q, p, bodyId);
  return { read: body, manage: body && has(p, managingRoles), draft: body && has(p, draftingRoles) };
}

export const documentVisible: VisibilityRule = async (q, p, m) => {
  const d = await findDocument(q, m.id);
  return !!d && (await documentAbilities(q, p, d)).read;
};

export async function resolveDocumentMatter(q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> {
  const d = await findDocument(q, id);
  const m = d && (await findMatter(q, id));
  if (!d || !m) return null;
  const a = await documentAbilities(q, p, d);
  if (!a.read) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: false, act: a.transition, uploadRefusal: '规范性文件不上传证据文件' };
}

/** The documents a principal sees, as a condition on `normative_documents ${alias}` (appends its parameters). */
export async function visibleDocumentsSql(q: Queryable, p: Principal, params: unknown[], alias = 'd'): Promise<string> {
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, bodyRoles)) return `(${alias}.unit_id = any(${s}))`;
  params.push([...new Set([...p.scope, ...(await orgChain(q, p.orgId))])]);
  return `(${alias}.unit_id = any(${s}) or ${alias}.body_id = any($${params.length}))`;
}
