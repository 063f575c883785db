import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { requireRole, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import type { TCreateOfficerRequest } from '../schema.ts';

export async function insertOfficer(tx: Queryable, ctx: AppContext, actor: Actor, input: TCreateOfficerRequest & { id?: string }): Promise<string> {
  const org = await tx.query('select 1 from orgs where id = $1', [input.orgId]);
  if (!org.rows.length) throw new AppError('ORG_NOT_FOUND', '所属机构不存在');
  const id = input.id ?? randomUUID();
  await tx.query('insert into officers (id, org_id, name, gender, employee_no, position, legal_exam_passed) values ($1,$2,$3,$4,$5,$6,$7)', [
    id,
    input.orgId,
    input.name,
    input.gender ?? null,
    input.employeeNo ?? null,
    input.position ?? null,
    input.legalExamPassed ?? false,
  ]);
  await ctx.ledger.append(tx, {
    actor,
    orgId: input.orgId,
    matterType: 'officer',
    matterId: id,
    eventType: 'officer.created',
    payload: { officerId: id, orgId: input.orgId, name: input.name, employeeNo: input.employeeNo ?? null },
  });
  return id;
}

export async function createOfficer(ctx: AppContext, p: Principal, input: TCreateOfficerRequest): Promise<string> {
  requireRole(p, 'admin');
  if (!p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '所属机构不存在或不在您的管辖范围内');
  return inTransaction(ctx, (tx) => insertOfficer(tx, ctx, actorOf(p), input));
}
