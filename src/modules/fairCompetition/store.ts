/** The fair-competition review table (migration 0026) as the module reads it. */
import type { ChecklistAnswer, Conclusion, ExceptionClaim } from '../../domain/fairCompetition/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';

export interface ReviewRow {
  id: string;
  subjectType: string | null;
  subjectId: string | null;
  orgId: string;
  title: string;
  measureText: string;
  state: string;
  checklist: ChecklistAnswer[] | null;
  exceptions: ExceptionClaim[] | null;
  conclusion: Conclusion | null;
  conclusionReason: string | null;
  stakeholderViews: string | null;
  concludedOn: string | null;
  joint: boolean;
  jointUnits: { name: string; opinion: string | null }[] | null;
  createdAt: string;
}

export const reviewColumns = `r.id, r.subject_type as "subjectType", r.subject_id as "subjectId", r.org_id as "orgId", r.title, r.measure_text as "measureText", r.state,
  r.checklist, r.exceptions, r.conclusion, r.conclusion_reason as "conclusionReason", r.stakeholder_views as "stakeholderViews", r.concluded_on as "concludedOn",
  r.joint, r.joint_units as "jointUnits", r.created_at as "createdAt"`;

export async function findReview(q: Queryable, id: string): Promise<ReviewRow | null> {
  return (await q.query<ReviewRow>(`select ${reviewColumns} from fair_competition_reviews r where r.id = $1`, [id])).rows[0] ?? null;
}

export async function loadReview(q: Queryable, id: string): Promise<ReviewRow> {
  const r = await findReview(q, id);
  if (!r) throw notFound('公平竞争审查');
  return r;
}
