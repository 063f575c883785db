/** Who reads the figures of which org subtree (`figurePolicy`): the scope a request asks for, checked. */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterResolver } from '../../platform/modules.ts';
import { notFound } from '../../platform/errors.ts';
import { enforcementBodyOf, orgSubtree } from '../../platform/orgs.ts';
import { figurePolicy, type Principal } from '../../platform/policies.ts';

export interface FigureOrgScope {
  rootId: string;
  orgIds: string[];
  abilities: ReturnType<typeof figurePolicy>;
}

/**
 * The org subtree a request covers: the one asked for, else the enforcement body the caller acts under when the
 * policy lets them read it, else the caller's own org. 404 when the caller may not read it.
 */
export async function figureOrgScope(q: Queryable, p: Principal, orgId?: string): Promise<FigureOrgScope> {
  const actsUnder = await enforcementBodyOf(q, p.orgId);
  const rootId = orgId ?? (actsUnder && figurePolicy(p, { id: actsUnder }, actsUnder).read ? actsUnder : p.orgId);
  const abilities = figurePolicy(p, { id: rootId }, actsUnder);
  if (!abilities.read) throw notFound('统计范围');
  return { rootId, orgIds: await orgSubtree(q, rootId), abilities };
}

/** The record of a figure set: whoever reads its scope sees it; nothing is uploaded to it. */
export const resolveFigureSet: MatterResolver = async (q, p, id) => {
  const r = await q.query<{ org_id: string; period_from: string; period_to: string; name: string }>(
    'select s.org_id, s.period_from, s.period_to, o.name from figure_sets s join orgs o on o.id = s.org_id where s.id = $1',
    [id],
  );
  const s = r.rows[0];
  if (!s) return null;
  const abilities = figurePolicy(p, { id: s.org_id }, await enforcementBodyOf(q, p.orgId));
  if (!abilities.read) return null;
  return { orgId: s.org_id, title: `统计指标集：${s.name} ${s.period_from} 至 ${s.period_to}`, viewRecord: true, uploadEvidence: false, act: false };
};
