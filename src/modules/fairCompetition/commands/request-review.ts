/**
 * 提请公平竞争审查: opens a `fairCompetitionReview` matter for a policy measure (the subject: a normative document's
 * or a major decision's matter; or a measure reviewed on its own) in the caller's transaction. The review is the
 * drafting unit's (公平竞争审查条例 第十三条: 由起草单位在起草阶段开展).
 */
import { randomUUID } from 'node:crypto';
import { actorOf, type AppContext } from '../../../platform/context.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import { createMatter, findMatter } from '../../../platform/workflow/engine.ts';
import { reviewAbilities } from '../access.ts';

export interface FairCompetitionRequest {
  subject?: { type: string; id: string } | null;
  title: string;
  text: string;
  /** the drafting unit when there is no subject matter (default the caller's unit) */
  orgId?: string;
}

export async function requestFairCompetitionReview(tx: Queryable, ctx: AppContext, p: Principal, input: FairCompetitionRequest): Promise<{ reviewId: string }> {
  const title = input.title.trim();
  if (!title || title.length > 200) throw new AppError('VALIDATION_FAILED', '政策措施名称不能为空，且不超过200字');
  if (!input.text.trim() || input.text.length > 100_000) throw new AppError('VALIDATION_FAILED', '政策措施文本不能为空，且不超过100000字');
  let orgId = input.orgId ?? p.orgId;
  if (input.subject) {
    const m = await findMatter(tx, input.subject.id);
    if (!m || m.type !== input.subject.type) throw new AppError('NOT_FOUND', '公平竞争审查的政策措施事项不存在或无权查看');
    orgId = m.orgId;
  }
  if (!reviewAbilities(p, orgId).act) throw forbidden('当前用户不能为该单位的政策措施提请公平竞争审查');
  const id = randomUUID();
  await createMatter(tx, ctx, actorOf(p), { type: 'fairCompetitionReview', orgId, title: `公平竞争审查：${title}`, id });
  await tx.query(
    `insert into fair_competition_reviews (id, subject_type, subject_id, org_id, title, measure_text, state) values ($1,$2,$3,$4,$5,$6,'selfReview')`,
    [id, input.subject?.type ?? null, input.subject?.id ?? null, orgId, title, input.text],
  );
  await ctx.ledger.append(tx, {
    actor: actorOf(p),
    orgId,
    matterType: 'fairCompetitionReview',
    matterId: id,
    eventType: 'fairCompetitionReview.requested',
    payload: { reviewId: id, subjectType: input.subject?.type ?? null, subjectId: input.subject?.id ?? null, title, measureText: input.text },
  });
  return { reviewId: id };
}
