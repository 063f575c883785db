/**
 * Who sees and handles a complaint or report: the handling unit's subtree (the matter's org) — its officers and the
 * leaders above it handle it (受理、调解、转线索); supervisors and administrators of the subtree read it. The person
 * who filed (投诉人 / 实名举报人) is confidential (第三十三条 "不得将举报人个人信息……泄露给被举报人或者与办理举报工作无关的
 * 人员"): shown only to the handlers, and to a supervisor or administrator of the subtree who states a reason; every
 * read is an access-log row. A legal reviewer, a platform administrator, a sibling unit or district: nothing (404
 * outside the subtree, 403 for the identity inside it).
 */
import type { Role } from '../../domain/vocabulary.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';

/** The roles that handle complaints and reports (受理、调解、转线索). */
export const COMPLAINT_HANDLERS: readonly Role[] = ['officer', 'leader'];
/** The roles that may read the identity only with a stated reason. */
export const COMPLAINT_OVERSIGHT: readonly Role[] = ['supervisor', 'admin'];

export function complaintAbilities(p: Principal, orgId: string) {
  const read = p.scope.has(orgId);
  const handle = read && p.roles.some((r) => COMPLAINT_HANDLERS.includes(r));
  const oversee = read && p.roles.some((r) => COMPLAINT_OVERSIGHT.includes(r));
  return {
    read,
    handle,
    /** the identity of the person who filed: 'handler' without a reason, 'reason' with one, else none */
    person: handle ? ('handler' as const) : oversee ? ('reason' as const) : ('none' as const),
    export: read,
  };
}

/** May the principal register a complaint for this unit (staff intake, import)? */
export const mayReceiveFor = (p: Principal, orgId: string) => complaintAbilities(p, orgId).handle || (p.scope.has(orgId) && p.roles.includes('admin'));

/** A complaint or report as the record viewer sees it (null: not visible, 404). */
export async function resolveComplaintMatter(q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> {
  const m = await findMatter(q, id);
  if (!m) return null;
  const a = complaintAbilities(p, m.orgId);
  if (!a.read) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: false, act: a.handle, uploadRefusal: '材料在登记时随投诉举报提交' };
}
