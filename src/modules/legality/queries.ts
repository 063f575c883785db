/** The staff reads of 合法性审查: the queue, a review's file, the kinds with their checklists, the adviser register. */
import { chinaToday } from '../../domain/dates.ts';
import { deadlineRule } from '../../domain/deadlines/rules.ts';
import {
  checklistVerdictLabels,
  reviewKinds,
  reviewOpinionLabels,
  reviewStateLabels,
  type ReviewKind,
  type ReviewKindId,
  type ReviewState,
} from '../../domain/legality/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { orgChain } from '../../platform/orgs.ts';
import type { Principal } from '../../platform/policies.ts';
import type { Registry } from '../../platform/modules.ts';
import { deadlinesOf, findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { legalityAbilities, visibleReviewsSql } from './access.ts';
import type { Adviser, ReviewDetail, ReviewListItem } from './responses.ts';
import { adviserSelect, consultationsOf, reviewSelect, type AdviserRow, type ReviewRow } from './store.ts';

const ruleSummary = (id: string | null) => {
  if (!id) return null;
  const r = deadlineRule(id as never);
  return { ruleId: r.id, label: r.label, workingDays: r.amount, basis: [...r.basis], sourceNote: r.sourceNote ?? null };
};

export function reviewKindCatalogue() {
  return {
    kinds: (Object.entries(reviewKinds) as [ReviewKindId, ReviewKind][]).map(([id, k]) => ({
      id,
      label: k.label,
      gateText: k.gateText,
      minimum: ruleSummary(k.minimumRule),
      limit: ruleSummary(k.limitRule),
      advisersRequired: k.advisersRequired,
      checklist: k.checklist.map((i) => ({ id: i.id, label: i.label, basis: [...i.basis], sourceNote: i.sourceNote ?? null })),
    })),
    opinions: { ...reviewOpinionLabels },
    verdicts: { ...checklistVerdictLabels },
  };
}

type ListRow = ReviewRow & { unitName: string; nextDue: string | null };

const listItem = (r: ListRow): ReviewListItem => ({
  id: r.id,
  kind: r.kind,
  kindLabel: reviewKinds[r.kind]?.label ?? r.kind,
  title: r.title,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  unitId: r.unitId,
  unitName: r.unitName,
  bodyId: r.bodyId,
  requestedOn: r.requestedOn,
  earliestOpinionOn: r.earliestOpinionOn,
  state: r.state,
  stateLabel: reviewStateLabels[r.state as ReviewState] ?? r.state,
  opinion: r.opinion,
  concludedOn: r.concludedOn,
  nextDue: r.nextDue,
});

const listSelect = reviewSelect.replace(
  ' from legality_reviews r',
  `, o.name as "unitName",
     (select min(d.due_date) from matter_deadlines d where d.matter_id = r.id and d.status = 'open') as "nextDue"
   from legality_reviews r join orgs o on o.id = r.unit_id`,
);

/** The reviews the caller sees; `open` = still at the legal office or returned (the reviewer's queue). */
export async function listReviews(
  q: Queryable,
  p: Principal,
  f: { state?: string; kind?: string; open?: boolean; limit: number; offset: number },
): Promise<{ total: number; items: ReviewListItem[] }> {
  const params: unknown[] = [];
  let cond = ` and ${await visibleReviewsSql(q, p, params)}`;
  if (f.state) {
    params.push(f.state);
    cond += ` and m.state = $${params.length}`;
  }
  if (f.kind) {
    params.push(f.kind);
    cond += ` and r.kind = $${params.length}`;
  }
  if (f.open) cond += ` and m.state in ('underReview', 'returned')`;
  const total = (await q.query<{ n: number }>(`select count(*)::int as n from legality_reviews r join matters m on m.id = r.id where true ${cond}`, params))
    .rows[0].n;
  const n = params.length;
  const rows = (
    await q.query<ListRow>(`${listSelect} where true ${cond} order by r.requested_on desc, r.created_at desc limit $${n + 1} offset $${n + 2}`, [
      ...params,
      f.limit,
      f.offset,
    ])
  ).rows;
  return { total, items: rows.map(listItem) };
}

export async function reviewDetail(reg: Registry, q: Queryable, p: Principal, id: string): Promise<ReviewDetail | null> {
  const r = (await q.query<ListRow>(`${listSelect} where r.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const abilities = await legalityAbilities(q, p, r);
  if (!abilities.read) return null;
  const presented = presentMatter(reg, m, p);
  return {
    ...listItem(r),
    version: m.version,
    materials: r.materials,
    materialFileIds: r.materialFileIds,
    advisersRequired: r.advisersRequired,
    checklist: r.checklist ? r.checklist.map((c) => ({ item: c.item, verdict: c.verdict, note: c.note ?? null })) : null,
    reasons: r.reasons,
    earlyReason: r.earlyReason,
    instrumentId: r.instrumentId,
    consultations: (await consultationsOf(q, id)).map(({ reviewId: _, ...c }) => c),
    deadlines: await deadlinesOf(q, id),
    transitions: abilities.review || abilities.request ? presented.transitions : [],
    abilities,
  };
}

/** The 法律顾问 and 公职律师 of the bodies on the caller's chain and in their scope, with the reviews they gave opinions in. */
export async function listAdvisers(q: Queryable, p: Principal, today = chinaToday()): Promise<Adviser[]> {
  const orgs = [...new Set([...p.scope, ...(await orgChain(q, p.orgId))])];
  const rows = (
    await q.query<AdviserRow & { orgName: string }>(
      `${adviserSelect.replace(' from legal_advisers a', ', o.name as "orgName" from legal_advisers a join orgs o on o.id = a.org_id')}
        where a.org_id = any($1) order by a.kind, a.term_start, a.name`,
      [orgs],
    )
  ).rows;
  const ops = (
    await q.query<{ adviserId: string; reviewId: string; title: string; givenOn: string; opinion: string }>(
      `select c.adviser_id as "adviserId", c.review_id as "reviewId", r.title, c.given_on as "givenOn", c.opinion
         from legality_consultations c join legality_reviews r on r.id = c.review_id where c.adviser_id = any($1) order by c.given_on desc`,
      [rows.map((r) => r.id)],
    )
  ).rows;
  return rows.map((a) => ({
    ...a,
    inTerm: a.termStart <= today && (!a.termEnd || a.termEnd >= today),
    opinions: ops.filter((o) => o.adviserId === a.id).map(({ adviserId: _, ...o }) => o),
  }));
}
