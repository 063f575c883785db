/**
 * 法律顾问、公职律师名录: the body's legal advisers (engaged lawyers or experts) and public lawyers (its own staff with a
 * 公职律师证), each with qualification, certificate number and term. Registered and changed by the body's administrators
 * and legal reviewers; every change is a record entry on the adviser (`legalAdviser.registered` / `.updated`).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { actorOf, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, forbidden, notFound, parseOrThrow } from '../../platform/errors.ts';
import { enforcementBodyOf, orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { findAdviser, type AdviserRow } from './store.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZAdviserInput = z
  .strictObject({
    orgId: z.string().min(1).max(64).optional(),
    kind: z.enum(['adviser', 'publicLawyer']),
    name: text(50),
    qualification: text(100),
    certificateNumber: text(50),
    firm: z.string().trim().max(100).optional(),
    termStart: ZDate,
    termEnd: ZDate.optional(),
  })
  .refine((a) => !a.termEnd || a.termEnd >= a.termStart, { message: '聘任（任职）期的截止日期不能早于起始日期', path: ['termEnd'] });
export type AdviserInput = z.input<typeof ZAdviserInput>;

/**
 * The register of a body: read in the body's subtree and by the legal office below it (the body is on its chain);
 * managed by the body's administrators and by its legal reviewers.
 */
export const adviserPolicy = (p: Principal, orgId: string, bodyOnChain: boolean) => {
  const read = p.scope.has(orgId) || bodyOnChain;
  return { read, manage: read && (p.roles.includes('legalReviewer') || (p.scope.has(orgId) && p.roles.includes('admin'))) };
};

export async function adviserAbilities(q: Queryable, p: Principal, orgId: string) {
  return adviserPolicy(p, orgId, (await orgChain(q, p.orgId)).includes(orgId));
}

async function payloadOf(a: AdviserRow) {
  return {
    adviserId: a.id,
    orgId: a.orgId,
    kind: a.kind,
    name: a.name,
    qualification: a.qualification,
    certificateNumber: a.certificateNumber,
    firm: a.firm,
    termStart: a.termStart,
    termEnd: a.termEnd,
  };
}

/** Registers an adviser or public lawyer of the body (default: the caller's enforcement body). */
export async function registerAdviser(tx: Queryable, ctx: AppContext, p: Principal, raw: AdviserInput): Promise<AdviserRow> {
  const input = parseOrThrow(ZAdviserInput, raw);
  const orgId = input.orgId ?? (await enforcementBodyOf(tx, p.orgId)) ?? p.orgId;
  const pol = await adviserAbilities(tx, p, orgId);
  if (!pol.read) throw notFound('机构');
  if (!pol.manage) throw forbidden();
  const taken = await tx.query('select 1 from legal_advisers where org_id = $1 and certificate_number = $2', [orgId, input.certificateNumber]);
  if (taken.rows.length) throw new AppError('LEGAL_ADVISER_TAKEN', `证书编号 ${input.certificateNumber} 已登记`);
  const row: AdviserRow = {
    id: randomUUID(),
    orgId,
    kind: input.kind,
    name: input.name,
    qualification: input.qualification,
    certificateNumber: input.certificateNumber,
    firm: input.firm || null,
    termStart: input.termStart,
    termEnd: input.termEnd ?? null,
  };
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId,
    matterType: 'legalAdviser',
    matterId: row.id,
    eventType: 'legalAdviser.registered',
    payload: await payloadOf(row),
  });
  await tx.query(
    `insert into legal_advisers (id, org_id, kind, name, qualification, certificate_number, firm, term_start, term_end) values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [row.id, orgId, row.kind, row.name, row.qualification, row.certificateNumber, row.firm, row.termStart, row.termEnd],
  );
  return row;
}

export const ZAdviserChange = z
  .strictObject({
    qualification: text(100).optional(),
    firm: z.string().trim().max(100).nullable().optional(),
    termEnd: ZDate.nullable().optional(),
    reason: text(500),
  })
  .refine((c) => c.qualification !== undefined || c.firm !== undefined || c.termEnd !== undefined, { message: '没有要修改的内容' });

/** Changes an adviser's qualification, firm or term end (续聘, 解聘) with a reason. */
export async function changeAdviser(tx: Queryable, ctx: AppContext, p: Principal, id: string, raw: z.input<typeof ZAdviserChange>): Promise<AdviserRow> {
  const input = parseOrThrow(ZAdviserChange, raw);
  const a = await findAdviser(tx, id);
  const pol = a && (await adviserAbilities(tx, p, a.orgId));
  if (!a || !pol?.read) throw notFound('法律顾问或者公职律师');
  if (!pol.manage) throw forbidden();
  if (input.termEnd && input.termEnd < a.termStart) throw new AppError('VALIDATION_FAILED', '聘任（任职）期的截止日期不能早于起始日期');
  const next: AdviserRow = {
    ...a,
    qualification: input.qualification ?? a.qualification,
    firm: input.firm === undefined ? a.firm : input.firm || null,
    termEnd: input.termEnd === undefined ? a.termEnd : input.termEnd,
  };
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId: a.orgId,
    matterType: 'legalAdviser',
    matterId: a.id,
    eventType: 'legalAdviser.updated',
    payload: { ...(await payloadOf(next)), reason: input.reason },
  });
  await tx.query('update legal_advisers set qualification = $2, firm = $3, term_end = $4, updated_at = now() where id = $1', [
    a.id,
    next.qualification,
    next.firm,
    next.termEnd,
  ]);
  return next;
}
