/**
 * 登记合同 and 登记立法征询: each opens a matter (the contract's workflow, the consultation's) and records its content in
 * the same transaction. The contracting unit is the caller's org or a unit in their scope; the consultation belongs to
 * the caller's enforcement body.
 */
import { z } from 'zod';
import { actorOf, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { forbidden, notFound, parseOrThrow } from '../../platform/errors.ts';
import { enforcementBodyOf } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { ZDate, ZUscc } from '../../platform/schema.ts';
import { createMatter } from '../../platform/workflow/engine.ts';
import { legislativeAbilities, mayRegisterContract } from './access.ts';
import { contractCategoryIds } from '../../domain/legality/contracts.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZContractInput = z
  .strictObject({
    unitId: z.string().min(1).max(64).optional(),
    category: z.enum(contractCategoryIds),
    title: text(200),
    counterparty: text(200),
    counterpartyUscc: ZUscc.optional(),
    /** 分 */
    amountFen: z.number().int().min(0).max(1e15),
    termStart: ZDate.optional(),
    termEnd: ZDate.optional(),
    summary: text(5000),
  })
  .refine((c) => !c.termStart || !c.termEnd || c.termEnd >= c.termStart, { message: '合同期限的截止日期不能早于起始日期', path: ['termEnd'] });
export type ContractInput = z.input<typeof ZContractInput>;

export async function registerContract(tx: Queryable, ctx: AppContext, p: Principal, raw: ContractInput): Promise<string> {
  const input = parseOrThrow(ZContractInput, raw);
  const unitId = input.unitId ?? p.orgId;
  if (!p.scope.has(unitId)) throw notFound('机构');
  if (!mayRegisterContract(p, unitId)) throw forbidden();
  const bodyId = (await enforcementBodyOf(tx, unitId)) ?? unitId;
  const actor = actorOf(p);
  const m = await createMatter(tx, ctx, actor, { type: 'contractReview', orgId: unitId, title: input.title });
  await ctx.ledger.append(tx, {
    actor,
    orgId: unitId,
    matterType: 'contractReview',
    matterId: m.id,
    eventType: 'contract.registered',
    payload: {
      contractId: m.id,
      unitId,
      bodyId,
      category: input.category,
      title: input.title,
      counterparty: input.counterparty,
      counterpartyUscc: input.counterpartyUscc ?? null,
      amountFen: input.amountFen,
      termStart: input.termStart ?? null,
      termEnd: input.termEnd ?? null,
      summary: input.summary,
    },
  });
  await tx.query(
    `insert into contracts (id, unit_id, body_id, category, title, counterparty, counterparty_uscc, amount_fen, term_start, term_end, summary)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      m.id,
      unitId,
      bodyId,
      input.category,
      input.title,
      input.counterparty,
      input.counterpartyUscc ?? null,
      input.amountFen,
      input.termStart ?? null,
      input.termEnd ?? null,
      input.summary,
    ],
  );
  return m.id;
}

export const ZLegislativeInput = z
  .strictObject({
    requester: text(200),
    draftTitle: text(300),
    receivedOn: ZDate,
    /** the reply date the requester gave (not a legal deadline) */
    dueOn: ZDate.optional(),
  })
  .refine((l) => !l.dueOn || l.dueOn >= l.receivedOn, { message: '答复期限不能早于收到日期', path: ['dueOn'] });
export type LegislativeInput = z.input<typeof ZLegislativeInput>;

export async function registerLegislative(tx: Queryable, ctx: AppContext, p: Principal, raw: LegislativeInput): Promise<string> {
  const input = parseOrThrow(ZLegislativeInput, raw);
  const bodyId = (await enforcementBodyOf(tx, p.orgId)) ?? p.orgId;
  // registering asks the same as answering: the legal office or a leader of the body, or its administrator
  if (!(await legislativeAbilities(tx, p, bodyId)).handle) throw forbidden();
  const actor = actorOf(p);
  const m = await createMatter(tx, ctx, actor, { type: 'legislativeConsultation', orgId: bodyId, title: `立法征询：${input.draftTitle}` });
  await ctx.ledger.append(tx, {
    actor,
    orgId: bodyId,
    matterType: 'legislativeConsultation',
    matterId: m.id,
    eventType: 'legislativeConsultation.received',
    payload: {
      consultationId: m.id,
      bodyId,
      requester: input.requester,
      draftTitle: input.draftTitle,
      receivedOn: input.receivedOn,
      dueOn: input.dueOn ?? null,
    },
  });
  await tx.query('insert into legislative_consultations (id, body_id, requester, draft_title, received_on, due_on) values ($1,$2,$3,$4,$5,$6)', [
    m.id,
    bodyId,
    input.requester,
    input.draftTitle,
    input.receivedOn,
    input.dueOn ?? null,
  ]);
  return m.id;
}
