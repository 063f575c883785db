/**
 * The legality review's rows: the review, the advisers consulted, the register of 法律顾问 and 公职律师. Every write
 * happens inside a recorded command or transition (the tables' `require_ledger_entry` triggers check it at commit).
 */
import type { ChecklistAnswer, ReviewKindId, ReviewOpinion } from '../../domain/legality/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface ReviewRow {
  id: string;
  subjectType: string;
  subjectId: string;
  kind: ReviewKindId;
  title: string;
  materials: string;
  materialFileIds: string[];
  unitId: string;
  bodyId: string;
  requestedOn: string;
  earliestOpinionOn: string | null;
  advisersRequired: boolean;
  checklist: ChecklistAnswer[] | null;
  opinion: ReviewOpinion | null;
  reasons: string | null;
  earlyReason: string | null;
  concludedOn: string | null;
  instrumentId: string | null;
  state: string;
  version: number;
}

const reviewColumns = `r.id, r.subject_type as "subjectType", r.subject_id as "subjectId", r.kind, r.title, r.materials,
  r.material_file_ids as "materialFileIds", r.unit_id as "unitId", r.body_id as "bodyId", r.requested_on as "requestedOn",
  r.earliest_opinion_on as "earliestOpinionOn", r.advisers_required as "advisersRequired", r.checklist, r.opinion, r.reasons,
  r.early_reason as "earlyReason", r.concluded_on as "concludedOn", r.instrument_id as "instrumentId", m.state, m.version`;

export const reviewSelect = `select ${reviewColumns} from legality_reviews r join matters m on m.id = r.id`;

export async function findReview(q: Queryable, id: string): Promise<ReviewRow | null> {
  return (await q.query<ReviewRow>(`${reviewSelect} where r.id = $1`, [id])).rows[0] ?? null;
}

/** Every review of a subject, newest first. */
export async function reviewsOfSubject(q: Queryable, subject: { type: string; id: string }): Promise<ReviewRow[]> {
  return (
    await q.query<ReviewRow>(`${reviewSelect} where r.subject_type = $1 and r.subject_id = $2 order by r.created_at desc, r.id`, [subject.type, subject.id])
  ).rows;
}

export interface ConsultationRow {
  id: string;
  reviewId: string;
  adviserId: string;
  adviserName: string;
  adviserKind: 'adviser' | 'publicLawyer';
  opinion: string;
  givenOn: string;
}

export async function consultationsOf(q: Queryable, reviewId: string): Promise<ConsultationRow[]> {
  return (
    await q.query<ConsultationRow>(
      `select c.id, c.review_id as "reviewId", c.adviser_id as "adviserId", a.name as "adviserName", a.kind as "adviserKind", c.opinion, c.given_on as "givenOn"
         from legality_consultations c join legal_advisers a on a.id = c.adviser_id where c.review_id = $1 order by c.given_on, c.created_at`,
      [reviewId],
    )
  ).rows;
}

export interface AdviserRow {
  id: string;
  orgId: string;
  kind: 'adviser' | 'publicLawyer';
  name: string;
  qualification: string;
  certificateNumber: string;
  firm: string | null;
  termStart: string;
  termEnd: string | null;
}

export const adviserSelect = `select a.id, a.org_id as "orgId", a.kind, a.name, a.qualification, a.certificate_number as "certificateNumber", a.firm,
  a.term_start as "termStart", a.term_end as "termEnd" from legal_advisers a`;

export async function findAdviser(q: Queryable, id: string): Promise<AdviserRow | null> {
  return (await q.query<AdviserRow>(`${adviserSelect} where a.id = $1`, [id])).rows[0] ?? null;
}
