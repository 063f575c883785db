/** Who reads the figures of which org subtree (`figurePolicy`): the scope a request asks for, checked. */
import type { Queryable } from '../../platform/db/index.ts';
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
