/** What the legality-review transitions share: reading the review row. */
import { AppError } from '../../../platform/errors.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { findReview, type ReviewRow } from '../store.ts';

export async function loadReview(q: Queryable, id: string): Promise<ReviewRow> {
  const r = await findReview(q, id);
  if (!r) throw new AppError('NOT_FOUND', '合法性审查不存在');
  return r;
}
