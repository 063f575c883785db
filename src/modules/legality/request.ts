/**
 * 送请合法性审查: opens a `legalityReview` matter for a subject (a normative document, a major decision, a contract …) in
 * the caller's transaction — the subject's module calls it from its own transition or command. The review belongs to
 * the subject's unit (its matter's org) and is reviewed by the legal office of that unit's enforcement body. One
 * review at a time per subject: a second request while one is running or returned is 409.
 */
import { z } from 'zod';
import { reviewKindIds, type ReviewKindId } from '../../domain/legality/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import { actorOf, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { AppError, parseOrThrow } from '../../platform/errors.ts';
import { enforcementBodyOf } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import { ZDate } from '../../platform/schema.ts';
import { createMatter, findMatter } from '../../platform/workflow/engine.ts';
import { earliestOpinionOn, kindOf, openReviewLimit } from './kinds.ts';
import { reviewsOfSubject } from './store.ts';

export const ZSubject = z.strictObject({ type: z.string().trim().min(1).max(64), id: z.string().trim().min(1).max(64) });
export type Subject = z.output<typeof ZSubject>;

export const ZLegalityRequest = z.strictObject({
  subject: ZSubject,
  kind: z.enum(reviewKindIds),
  title: z.string().trim().min(1).max(300),
  materials: z.string().trim().min(1).max(20000),
  /** evidence files of the subject's matter sent with the request */
  materialFileIds: z.array(z.string().min(1).max(64)).max(50).optional(),
  /** consult 法律顾问、公职律师 even where the kind does not require it */
  consultAdvisers: z.boolean().optional(),
  /** the legal date of the request (default today, China time) */
  date: ZDate.optional(),
});
export type LegalityRequest = z.input<typeof ZLegalityRequest>;

export async function requestLegalityReview(tx: Queryable, ctx: AppContext, principal: Principal, request: LegalityRequest): Promise<{ reviewId: string }> {
  const input = parseOrThrow(ZLegalityRequest, request);
  const kind: ReviewKindId = input.kind;
  const subjectMatter = await findMatter(tx, input.subject.id);
  const unitId = subjectMatter?.orgId ?? principal.orgId;
  const bodyId = (await enforcementBodyOf(tx, unitId)) ?? unitId;
  const running = (await reviewsOfSubject(tx, input.subject)).find((r) => r.state === 'underReview' || r.state === 'returned');
  if (running)
    throw new AppError('LEGALITY_REVIEW_OPEN', `《${input.title}》已有正在进行的合法性审查，请在其出具意见或者撤回后再送审`, { reviewId: running.id });
  if (input.materialFileIds?.length) {
    const r = await tx.query<{ id: string }>('select id from evidence_files where id = any($1) and matter_id = $2', [input.materialFileIds, input.subject.id]);
    if (r.rows.length !== new Set(input.materialFileIds).size) throw new AppError('VALIDATION_FAILED', '送审材料中有不属于该事项的文件');
  }
  const date = input.date ?? chinaToday();
  const actor = actorOf(principal);
  const m = await createMatter(tx, ctx, actor, { type: 'legalityReview', orgId: unitId, title: `合法性审查：${input.title}` });
  const earliest = await earliestOpinionOn(tx, kind, bodyId, date);
  const advisersRequired = kindOf(kind).advisersRequired || !!input.consultAdvisers;
  await ctx.ledger.append(tx, {
    actor,
    orgId: unitId,
    matterType: 'legalityReview',
    matterId: m.id,
    eventType: 'legalityReview.requested',
    payload: {
      reviewId: m.id,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      kind,
      title: input.title,
      materials: input.materials,
      materialFileIds: input.materialFileIds ?? [],
      unitId,
      bodyId,
      requestedOn: date,
      earliestOpinionOn: earliest,
      advisersRequired,
    },
  });
  await tx.query(
    `insert into legality_reviews (id, subject_type, subject_id, kind, title, materials, material_file_ids, unit_id, body_id, requested_on, earliest_opinion_on, advisers_required)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      m.id,
      input.subject.type,
      input.subject.id,
      kind,
      input.title,
      input.materials,
      input.materialFileIds ?? [],
      unitId,
      bodyId,
      date,
      earliest,
      advisersRequired,
    ],
  );
  await openReviewLimit(tx, m, kind, bodyId, date, 'request');
  return { reviewId: m.id };
}
