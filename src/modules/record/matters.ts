/**
 * Which matter a record entry belongs to, who may see its history and who may add evidence. Each module
 * declares the resolvers of its matter types in its entry (`matterResolvers`); a resolver answers from the
 * type's own policy (the function that computes the resource's `abilities`), so the generic record routes
 * never grant more than the resource's own routes. A workflow type is required to have one (checked at
 * start-up, platform/modules.ts).
 */
import type { Queryable } from '../../platform/db/index.ts';
import type { MatterAccess, Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';

export type { MatterAccess } from '../../platform/modules.ts';

export async function resolveMatter(reg: Registry, q: Queryable, p: Principal, type: string, id: string): Promise<MatterAccess | null> {
  const resolver = reg.resolverOf(type);
  return resolver ? resolver(q, p, id, reg) : null;
}
