/** The enforcement body at or above a unit: the bureau in whose name instruments are issued and reports become leads. */
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { orgChain } from '../../platform/orgs.ts';

export async function bodyOf(q: Queryable, unitId: string): Promise<string> {
  const chain = await orgChain(q, unitId);
  const bodies = (await q.query<{ id: string }>('select id from orgs where id = any($1) and is_enforcement_body', [chain])).rows.map((r) => r.id);
  const body = chain.find((id) => bodies.includes(id));
  if (!body) throw new AppError('NO_ENFORCEMENT_BODY', '承办机构及其上级均不是行政执法主体');
  return body;
}
