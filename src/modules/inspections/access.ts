/** Authorization helpers of the module: every check goes through `inspectionPolicy`. */
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { inspectionPolicy, type Principal } from '../../platform/policies.ts';
import { ancestorsOf } from '../../platform/orgs.ts';

export async function abilitiesFor(q: Queryable, p: Principal, bodyId: string) {
  return inspectionPolicy(p, { bodyId }, await ancestorsOf(q, p.orgId));
}

/** 404 when the body is not visible, 403 unless the caller manages it, 422 unless it is an enforcement body. */
export async function mayManageBody(q: Queryable, p: Principal, bodyId: string): Promise<void> {
  const a = await abilitiesFor(q, p, bodyId);
  if (!a.read) throw notFound('执法主体');
  if (!a.manage) throw forbidden();
  const b = (await q.query<{ isBody: boolean }>('select is_enforcement_body as "isBody" from orgs where id = $1', [bodyId])).rows[0];
  if (!b) throw notFound('执法主体');
  if (!b.isBody) throw new AppError('NOT_ENFORCEMENT_BODY', '双随机抽查由执法主体（局）组织，请选择执法主体');
}

export async function mayRead(q: Queryable, p: Principal, bodyId: string, what: string) {
  const a = await abilitiesFor(q, p, bodyId);
  if (!a.read) throw notFound(what);
  return a;
}
