import { randomUUID } from 'node:crypto';
import { actorOf, inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize, orgPolicy, type Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { findOrg } from '../queries.ts';
import type { TCreateOrgRequest } from '../schema.ts';

export type NewOrg = Omit<TCreateOrgRequest, 'parentId'> & { parentId: string | null; id?: string };

export function assertEnforcementBodyHasBasis(o: { isEnforcementBody?: boolean; legalBasis?: string | null }) {
  if (o.isEnforcementBody && !o.legalBasis) {
    throw new AppError('LEGAL_BASIS_REQUIRED', '执法主体必须写明其执法主体资格的法律依据');
  }
}

/** Inserts an org and its record entry; used by the API command and by seeding. */
export async function insertOrg(tx: Queryable, ctx: AppContext, actor: Actor, input: NewOrg): Promise<string> {
  assertEnforcementBodyHasBasis(input);
  const id = input.id ?? randomUUID();
  await tx.query(
    `insert into orgs (id, parent_id, name, short_name, kind, is_enforcement_body, legal_basis, uscc, division_code, sort_order)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [
      id,
      input.parentId,
      input.name,
      input.shortName ?? null,
      input.kind,
      input.isEnforcementBody,
      input.legalBasis ?? null,
      input.uscc ?? null,
      input.divisionCode ?? null,
      input.sortOrder ?? 0,
    ],
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId: id,
    matterType: 'org',
    matterId: id,
    eventType: 'org.created',
    payload: {
      orgId: id,
      parentId: input.parentId,
      name: input.name,
      kind: input.kind,
      isEnforcementBody: input.isEnforcementBody,
      legalBasis: input.legalBasis ?? null,
    },
  });
  return id;
}

export async function createOrg(ctx: AppContext, p: Principal, input: TCreateOrgRequest): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const parent = await findOrg(tx, input.parentId);
    if (!parent || !p.scope.has(parent.id)) throw new AppError('ORG_NOT_FOUND', '上级机构不存在或不在您的管辖范围内');
    authorize(orgPolicy(p, parent), 'createChild', '上级机构');
    return insertOrg(tx, ctx, actorOf(p), input);
  });
}
