/**
 * 线索登记: opens a case (a matter of type 'case') for a lead — ordinary procedure (to be verified
 * and filed) or summary procedure (当场处罚). The handling unit is the caller's unit (or one in
 * their scope); the deciding body is the nearest enforcement body at or above it.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import { actorOf, inTransaction } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { leadPolicy, type Principal } from '../../../platform/policies.ts';
import { createMatter } from '../../../platform/workflow/engine.ts';
import { caseSources, caseTitle } from '../../../domain/cases/rules.ts';
import { orgChain } from '../../../platform/orgs.ts';
import type { TCreateCaseRequest } from '../schema.ts';

export async function openCase(ctx: AppContext, p: Principal, input: TCreateCaseRequest): Promise<string> {
  if (!leadPolicy(p).open) throw forbidden('只有执法人员可以登记案件线索');
  return inTransaction(ctx, (tx) => insertCase(ctx, tx, p, input));
}

/**
 * Opens the case in the caller's transaction — also used by modules that find leads (a random
 * inspection's "problem found → open a lead").
 */
export async function insertCase(
  ctx: AppContext,
  tx: Queryable,
  p: Principal,
  input: Omit<TCreateCaseRequest, 'contact'> & {
    contact: { name: string; phone: string; address?: string | null };
    /** the violation, when the module that found the lead knows it (the 案由 names it) */
    violationName?: string;
  },
): Promise<string> {
  const unitId = input.unitId ?? p.orgId;
  if (!p.scope.has(unitId)) throw notFound('承办机构');
  const chain = await orgChain(tx, unitId);
  const bodies = (await tx.query<{ id: string }>('select id from orgs where id = any($1) and is_enforcement_body', [chain])).rows.map((r) => r.id);
  const bodyId = chain.find((id) => bodies.includes(id));
  if (!bodyId) throw new AppError('NO_ENFORCEMENT_BODY', '承办机构及其上级均不是行政执法主体，不能办理行政处罚案件');
  const id = randomUUID();
  const title = input.title ?? caseTitle(input.party.name, input.source, input.violationName);
  await createMatter(tx, ctx, actorOf(p), { type: 'case', orgId: unitId, title, id });
  await tx.query(
    `insert into cases (id, body_id, unit_id, procedure, source, source_note, received_on, party, contact, party_type, field, summary, reporter)
     values ($1,$2,$3,$4,$5,$6,$7,$8::jsonb,$9::jsonb,$10,$11,$12,$13::jsonb)`,
    [
      id,
      bodyId,
      unitId,
      input.procedure,
      input.source,
      input.sourceNote ?? null,
      input.receivedOn,
      JSON.stringify(input.party),
      JSON.stringify(input.contact),
      input.party.type,
      input.field,
      input.summary,
      input.reporter ? JSON.stringify(input.reporter) : null,
    ],
  );
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId: unitId,
    matterType: 'case',
    matterId: id,
    eventType: 'case.opened',
    payload: {
      caseId: id,
      bodyId,
      unitId,
      procedure: input.procedure,
      source: input.source,
      sourceLabel: caseSources[input.source],
      receivedOn: input.receivedOn,
      party: input.party,
      field: input.field,
      summary: input.summary,
      ...(input.reporter ? { reporter: input.reporter } : {}),
    },
  });
  return id;
}
