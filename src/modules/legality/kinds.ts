/**
 * The review kinds' periods as the module applies them: the minimum review time (the earliest day of the opinion) and
 * the longest review time (a deadline of the review), both rules of `domain/deadlines/rules.ts` named per kind in
 * `domain/legality/rules.ts` — change a period there, with its citation, and every review follows.
 */
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../domain/deadlines/rules.ts';
import { reviewKinds, type ReviewKind, type ReviewKindId } from '../../domain/legality/rules.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { closeDeadlines, openDeadline } from '../../platform/workflow/deadlines.ts';

export const kindOf = (kind: ReviewKindId): ReviewKind => reviewKinds[kind];

/** The first day on which the opinion may be given without a recorded reason (null: the kind has no minimum). */
export async function earliestOpinionOn(q: Queryable, kind: ReviewKindId, requestedOn: string): Promise<string | null> {
  const rule = kindOf(kind).minimumRule;
  return rule ? computeDeadline(deadlineRule(rule), await loadCalendar(q), { start: requestedOn }).due : null;
}

/** The minimum's wording for a refusal: 一般不少于7个工作日（条文）. */
export function minimumText(kind: ReviewKindId): string {
  const id = kindOf(kind).minimumRule;
  if (!id) return '';
  const r = deadlineRule(id);
  const cite = r.basis.length ? r.basis.map((b) => b.replace(/@[^#]+#/, ' ')).join('、') : (r.sourceNote ?? '');
  return `送请合法性审查应当保证必要的审查时间，${r.label}为${r.amount}个工作日（${cite}）`;
}

/** Opens the kind's longest review time from `start` (closing an earlier one of the same review, on resubmission). */
export async function openReviewLimit(tx: Queryable, matter: { id: string; type: string }, kind: ReviewKindId, start: string, by: string) {
  const rule = kindOf(kind).limitRule;
  if (!rule) return null;
  await closeDeadlines(tx, matter.id, [rule], 'cancelled', by);
  return openDeadline(tx, matter, rule, start, by);
}
