/**
 * The review kinds' periods as the module applies them: the minimum review time (the earliest day of the opinion) and
 * the longest review time (a deadline of the review), both rules of `domain/deadlines/rules.ts` named per kind in
 * `domain/legality/rules.ts` — change a period there, with its citation, and every review follows.
 */
import { computeDeadline } from '../../domain/deadlines/compute.ts';
import { deadlineRule, type DeadlineRuleId } from '../../domain/deadlines/rules.ts';
import { provinceLegalityPeriods, reviewKinds, reviewPeriodsFor, type ReviewKind, type ReviewKindId } from '../../domain/legality/rules.ts';
import { loadCalendar } from '../../platform/calendar.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { closeDeadlines, openDeadline } from '../../platform/workflow/deadlines.ts';

export const kindOf = (kind: ReviewKindId): ReviewKind => reviewKinds[kind];

/** The review periods of a kind for the reviewing body: its province's settings, else the national defaults. */
export async function periodsOf(q: Queryable, kind: ReviewKindId, bodyId: string) {
  const code = (await q.query<{ code: string | null }>('select division_code as code from orgs where id = $1', [bodyId])).rows[0]?.code;
  return reviewPeriodsFor(kind, code);
}

/** The first day on which the opinion may be given without a recorded reason (null: the kind has no minimum). */
export async function earliestOpinionOn(q: Queryable, kind: ReviewKindId, bodyId: string, requestedOn: string): Promise<string | null> {
  const rule = (await periodsOf(q, kind, bodyId)).minimumRule;
  return rule ? computeDeadline(deadlineRule(rule), await loadCalendar(q), { start: requestedOn }).due : null;
}

/** The minimum's wording for a refusal: 一般不少于7个工作日（条文）. */
export function minimumText(kind: ReviewKindId, ruleId: DeadlineRuleId | null = kindOf(kind).minimumRule): string {
  const id = ruleId;
  if (!id) return '';
  const r = deadlineRule(id);
  const cite = r.basis.length ? r.basis.map((b) => b.replace(/@[^#]+#/, ' ')).join('、') : (r.sourceNote ?? '');
  return `送请合法性审查应当保证必要的审查时间，${r.label}为${r.amount}个工作日（${cite}）`;
}

/** Opens the kind's longest review time from `start` (closing an earlier one of the same review, on resubmission). */
export async function openReviewLimit(tx: Queryable, matter: { id: string; type: string }, kind: ReviewKindId, bodyId: string, start: string, by: string) {
  const rule = (await periodsOf(tx, kind, bodyId)).limitRule;
  // an earlier limit of the same review (whichever rule it was) ends on resubmission
  await closeDeadlines(tx, matter.id, limitRules(), 'cancelled', by);
  if (!rule) return null;
  return openDeadline(tx, matter, rule, start, by);
}

/** Every rule a review's longest time may be (national defaults and the provinces'), to close on resubmission or withdrawal. */
export function limitRules(): DeadlineRuleId[] {
  const all = [
    ...Object.values(reviewKinds).map((k: ReviewKind) => k.limitRule),
    ...Object.values(provinceLegalityPeriods).flatMap((s) => Object.values(s.periods).map((x) => x?.limitRule ?? null)),
  ];
  return [...new Set(all.filter((x): x is DeadlineRuleId => !!x))];
}
