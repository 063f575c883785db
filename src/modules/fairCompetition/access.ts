/**
 * Who may see and act on a fair-competition review: the drafting unit's subtree (the matter's org) — its staff and,
 * through their scope, the bureau's leaders and administrators, who organise a joint review (会审). A sibling unit or
 * another district sees nothing (404).
 */
import type { Role } from '../../domain/vocabulary.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';

export const REVIEW_ACTORS: readonly Role[] = ['officer', 'legalReviewer', 'leader', 'admin'];
/** 会审 is organised by the bureau (公平竞争审查条例 第六条第二款: 市场监督管理部门负责在本行政区域组织实施). */
export const JOINT_REVIEW_ORGANISERS: readonly Role[] = ['leader', 'admin'];

export function reviewAbilities(p: Principal, orgId: string) {
  const read = p.scope.has(orgId);
  return { read, act: read && p.roles.some((r) => REVIEW_ACTORS.includes(r)) };
}

export async function resolveReviewMatter(q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> {
  const m = await findMatter(q, id);
  if (!m) return null;
  const a = reviewAbilities(p, m.orgId);
  if (!a.read) return null;
  return { orgId: m.orgId, title: m.title, viewRecord: true, uploadEvidence: false, act: a.act, uploadRefusal: '公平竞争审查不上传证据文件' };
}
