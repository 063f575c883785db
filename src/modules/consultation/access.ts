/**
 * Who may see and act on a consultation: the drafting unit's subtree (the matter's org) — its staff and, through
 * their scope, the bureau's leaders and administrators above it. A sibling unit or another district sees nothing
 * (404); the public sees the portal's allow-listed view only.
 */
import type { Role } from '../../domain/vocabulary.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';

/** The roles that draft, answer and report (起草单位); a supervisor reads only. */
export const CONSULTATION_ACTORS: readonly Role[] = ['officer', 'legalReviewer', 'leader', 'admin'];

export function consultationAbilities(p: Principal, orgId: string) {
  const read = p.scope.has(orgId);
  const act = read && p.roles.some((r) => CONSULTATION_ACTORS.includes(r));
  return { read, open: act, answer: act, viewCommenters: act };
}

/** May the principal open a consultation for a drafting unit? */
export const mayOpenConsultation = (p: Principal, orgId: string) => consultationAbilities(p, orgId).open;

/** A consultation as the record viewer sees it (null: not visible, 404). */
export async function resolveConsultationMatter(q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> {
  const m = await findMatter(q, id);
  if (!m || !consultationAbilities(p, m.orgId).read) return null;
  const a = consultationAbilities(p, m.orgId);
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: false, act: a.answer, uploadRefusal: '征求意见不上传证据文件' };
}
