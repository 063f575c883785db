/**
 * Who sees and handles a reconsideration or a suit (`remedyPolicy`). The respondent body's subtree reads it; the
 * legal office (legal reviewers whose org chain reaches the body: 法制科 under the bureau) and the leaders handle it —
 * answer, attend, enter decisions and judgments; supervisors of the body's chain read it. A sibling unit's officer or
 * another district sees nothing (404). The routes, the engine's visibility and the record viewer ask the same function.
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry, VisibilityRule } from '../../platform/modules.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter } from '../../platform/workflow/engine.ts';
import { findRemedy, type RemedyType } from './store.ts';

const has = (p: Principal, ...r: Principal['roles']) => r.some((x) => p.roles.includes(x));

/** The pure policy, given whether the respondent body is on the caller's org chain. */
export function remedyPolicy(p: Principal, bodyId: string, bodyOnChain: boolean) {
  const inScope = p.scope.has(bodyId);
  const handler = (inScope || bodyOnChain) && has(p, 'legalReviewer', 'leader');
  const read = handler || (inScope && has(p, 'admin', 'officer')) || (bodyOnChain && has(p, 'supervisor'));
  return {
    read,
    /** 登记、答复、答辩、出庭、登记决定和裁判 */
    handle: handler,
    viewRecord: read,
    uploadEvidence: handler,
  };
}

export type RemedyAbilities = ReturnType<typeof remedyPolicy>;

export async function remedyAbilities(q: Queryable, p: Principal, bodyId: string): Promise<RemedyAbilities> {
  const onChain = p.scope.has(bodyId) || (await orgChain(q, p.orgId)).includes(bodyId);
  return remedyPolicy(p, bodyId, onChain);
}

const visible =
  (type: RemedyType): VisibilityRule =>
  async (q, p, m) => {
    const row = await findRemedy(q, type, m.id);
    return !!row && (await remedyAbilities(q, p, row.bodyId)).read;
  };

export const reconsiderationVisible = visible('reconsideration');
export const lawsuitVisible = visible('lawsuit');

const resolver =
  (type: RemedyType) =>
  async (q: Queryable, p: Principal, id: string, _reg: Registry): Promise<MatterAccess | null> => {
    const row = await findRemedy(q, type, id);
    const m = row && (await findMatter(q, id));
    if (!row || !m) return null;
    const a = await remedyAbilities(q, p, row.bodyId);
    if (!a.read) return null;
    return {
      orgId: m.orgId,
      title: m.title,
      viewRecord: a.viewRecord,
      uploadEvidence: a.uploadEvidence,
      uploadRefusal: '只有法制机构和机关负责人可以上传复议、应诉材料',
      act: a.handle,
    };
  };

export const resolveReconsideration = resolver('reconsideration');
export const resolveLawsuit = resolver('lawsuit');

/** The remedies the caller sees, as a condition on the table aliased `r` (appends its parameters). */
export async function visibleRemediesSql(q: Queryable, p: Principal, params: unknown[]): Promise<string> {
  if (!has(p, 'legalReviewer', 'leader', 'admin', 'officer', 'supervisor')) return 'false';
  params.push([...p.scope]);
  const s = `$${params.length}`;
  if (!has(p, 'legalReviewer', 'leader', 'supervisor')) return `(r.body_id = any(${s}))`;
  params.push(await orgChain(q, p.orgId));
  return `(r.body_id = any(${s}) or r.body_id = any($${params.length}))`;
}
