/**
 * 登记检察建议、司法建议等: the body's legal office or a leader registers a recommendation received (issuing body, kind,
 * 文号, content, the answer date the document states). It opens a `recommendation` matter and its answer deadline:
 * `recommendation.answer` (two months from receipt, 人民检察院检察建议工作规定 — see the rule's sourceNote), replaced by
 * the date the document states when it states one (the deadline mechanism's decided due date).
 */
import { z } from 'zod';
import { recommendationKindIds } from '../../domain/disclosure/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import { actorOf, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, forbidden, parseOrThrow } from '../../platform/errors.ts';
import { enforcementBodyOf } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { openDeadline, setDeadlineDue } from '../../platform/workflow/deadlines.ts';
import { createMatter } from '../../platform/workflow/engine.ts';
import { recommendationAbilities } from './access.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ZRecommendationInput = z
  .strictObject({
    kind: z.enum(recommendationKindIds),
    issuer: text(200),
    documentNumber: text(100),
    content: text(20000),
    issuedOn: ZDate,
    receivedOn: ZDate,
    /** the answer date the document states */
    statedDueOn: ZDate.optional(),
  })
  .refine((r) => r.receivedOn >= r.issuedOn, { message: '收到日期不能早于制发日期', path: ['receivedOn'] })
  .refine((r) => !r.statedDueOn || r.statedDueOn > r.receivedOn, { message: '建议书载明的回复期限应当晚于收到日期', path: ['statedDueOn'] });
export type RecommendationInput = z.input<typeof ZRecommendationInput>;

export async function registerRecommendation(tx: Queryable, ctx: AppContext, p: Principal, raw: RecommendationInput, today = chinaToday()): Promise<string> {
  const input = parseOrThrow(ZRecommendationInput, raw);
  if (input.receivedOn > today) throw new AppError('VALIDATION_FAILED', '收到日期不能晚于今天');
  const bodyId = (await enforcementBodyOf(tx, p.orgId)) ?? p.orgId;
  if (!(await recommendationAbilities(tx, p, { bodyId, unitId: null })).manage) throw forbidden();
  const actor = actorOf(p);
  const m = await createMatter(tx, ctx, actor, { type: 'recommendation', orgId: bodyId, title: `${input.issuer}${input.documentNumber}` });
  await ctx.ledger.append(tx, {
    actor,
    orgId: bodyId,
    matterType: 'recommendation',
    matterId: m.id,
    eventType: 'recommendation.received',
    payload: {
      recommendationId: m.id,
      bodyId,
      kind: input.kind,
      issuer: input.issuer,
      documentNumber: input.documentNumber,
      content: input.content,
      issuedOn: input.issuedOn,
      receivedOn: input.receivedOn,
      statedDueOn: input.statedDueOn ?? null,
    },
  });
  await tx.query(
    `insert into recommendations (id, body_id, kind, issuer, document_number, content, issued_on, received_on, stated_due_on)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [m.id, bodyId, input.kind, input.issuer, input.documentNumber, input.content, input.issuedOn, input.receivedOn, input.statedDueOn ?? null],
  );
  await openDeadline(tx, m, 'recommendation.answer', input.receivedOn, 'register');
  if (input.statedDueOn) await setDeadlineDue(tx, m.id, 'recommendation.answer', input.statedDueOn);
  return m.id;
}
