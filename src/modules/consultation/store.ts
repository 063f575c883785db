/** The consultation tables (migration 0026): rows as the module reads them. */
import type { Anchor, ConsultationOutcome } from '../../domain/consultation/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { notFound } from '../../platform/errors.ts';

export interface ConsultationRow {
  id: string;
  subjectType: string;
  subjectId: string;
  orgId: string;
  title: string;
  draftText: string;
  anchors: Anchor[];
  startsOn: string;
  endsOn: string;
  days: number;
  minimumDays: number;
  periodRule: string;
  shortenedReason: string | null;
  state: string;
  reportSummary: string | null;
  finalTextUrl: string | null;
  reportedOn: string | null;
  createdAt: string;
}

export const consultationColumns = `c.id, c.subject_type as "subjectType", c.subject_id as "subjectId", c.org_id as "orgId", c.title, c.draft_text as "draftText",
  c.anchors, c.starts_on as "startsOn", c.ends_on as "endsOn", c.days, c.minimum_days as "minimumDays", c.period_rule as "periodRule",
  c.shortened_reason as "shortenedReason", c.state, c.report_summary as "reportSummary", c.final_text_url as "finalTextUrl", c.reported_on as "reportedOn",
  c.created_at as "createdAt"`;

export async function findConsultation(q: Queryable, id: string): Promise<ConsultationRow | null> {
  return (await q.query<ConsultationRow>(`select ${consultationColumns} from consultations c where c.id = $1`, [id])).rows[0] ?? null;
}

export async function loadConsultation(q: Queryable, id: string): Promise<ConsultationRow> {
  const c = await findConsultation(q, id);
  if (!c) throw notFound('征求意见');
  return c;
}

export interface CommentRow {
  id: string;
  number: number;
  anchor: string;
  body: string;
  submittedAt: string;
  answerId: string | null;
}

export interface AnswerRow {
  id: string;
  outcome: ConsultationOutcome;
  reason: string;
  answeredOn: string;
  answeredBy: string | null;
}

export async function commentsOf(q: Queryable, consultationId: string): Promise<CommentRow[]> {
  return (
    await q.query<CommentRow>(
      `select id, number, anchor, body, submitted_at as "submittedAt", answer_id as "answerId"
         from consultation_comments where consultation_id = $1 order by number`,
      [consultationId],
    )
  ).rows;
}

export async function answersOf(q: Queryable, consultationId: string): Promise<AnswerRow[]> {
  return (
    await q.query<AnswerRow>(
      `select id, outcome, reason, answered_on as "answeredOn", answered_by as "answeredBy"
         from consultation_answers where consultation_id = $1 order by created_at, id`,
      [consultationId],
    )
  ).rows;
}

export async function commentCounts(q: Queryable, consultationId: string): Promise<{ total: number; unanswered: number }> {
  const r = (
    await q.query<{ total: number; unanswered: number }>(
      `select count(*)::int as total, count(*) filter (where answer_id is null)::int as unanswered from consultation_comments where consultation_id = $1`,
      [consultationId],
    )
  ).rows[0];
  return r ?? { total: 0, unanswered: 0 };
}
