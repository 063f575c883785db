/**
 * The reusable 持证上岗 guard for every module that acts: "these officers may perform this act
 * in this field on this date". Throws 422 OFFICER_NOT_CERTIFIED with the reasons otherwise.
 */
import { checkCertifiedDuty, type DutyCheck, type EnforcementAct } from '../../domain/certifiedDuty.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/policies.ts';
import { officerFacts } from './queries.ts';

export async function checkOfficersMayAct(
  q: Queryable,
  p: Principal | null,
  input: { officerIds: string[]; field: string; act: EnforcementAct; date: string },
): Promise<DutyCheck> {
  const facts = await officerFacts(q, [...new Set(input.officerIds)]);
  const visible = facts.filter((f) => !p || p.scope.has(f.orgId));
  const byId = new Map(visible.map((f) => [f.id, f]));
  const unknown = input.officerIds.filter((id) => !byId.has(id));
  const check = checkCertifiedDuty(
    input.officerIds.filter((id) => byId.has(id)).map((id) => byId.get(id)!),
    input.act,
    input.field,
    input.date,
  );
  if (unknown.length) {
    check.allowed = false;
    check.problems.unshift(...unknown.map((id) => ({ officerId: id, code: 'OFFICER_UNKNOWN' as const, message: `执法人员 ${id} 不存在或不在管辖范围内` })));
  }
  return check;
}

export async function assertOfficersMayAct(q: Queryable, p: Principal | null, input: Parameters<typeof checkOfficersMayAct>[2]): Promise<DutyCheck> {
  const check = await checkOfficersMayAct(q, p, input);
  if (!check.allowed) throw new AppError('OFFICER_NOT_CERTIFIED', check.problems.map((x) => x.message).join('；'), check);
  return check;
}
