/** Staff reads: the consultations of the caller's subtree, one consultation with its comments grouped by anchor. */
import { consultationOutcomes, consultationStates, WHOLE_DRAFT, WHOLE_DRAFT_LABEL, type ConsultationState } from '../../domain/consultation/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Registry } from '../../platform/modules.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter, presentMatter } from '../../platform/workflow/engine.ts';
import { consultationAbilities } from './access.ts';
import { answersOf, commentsOf, consultationColumns, type ConsultationRow } from './store.ts';

const itemSql = `select ${consultationColumns}, o.name as "orgName",
    (select count(*)::int from consultation_comments k where k.consultation_id = c.id) as comments,
    (select count(*)::int from consultation_comments k where k.consultation_id = c.id and k.answer_id is null) as unanswered
  from consultations c join orgs o on o.id = c.org_id`;

type Item = ConsultationRow & { orgName: string; comments: number; unanswered: number };

const present = (r: Item) => ({
  id: r.id,
  title: r.title,
  subjectType: r.subjectType,
  subjectId: r.subjectId,
  orgId: r.orgId,
  orgName: r.orgName,
  state: r.state,
  stateLabel: consultationStates[r.state as ConsultationState] ?? r.state,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  days: r.days,
  comments: r.comments,
  unanswered: r.unanswered,
});

export async function listConsultations(q: Queryable, p: Principal, f: { state?: string; subjectType?: string; subjectId?: string }) {
  const params: unknown[] = [[...p.scope]];
  let where = 'c.org_id = any($1)';
  if (f.state) where += ` and c.state = $${params.push(f.state)}`;
  if (f.subjectType) where += ` and c.subject_type = $${params.push(f.subjectType)}`;
  if (f.subjectId) where += ` and c.subject_id = $${params.push(f.subjectId)}`;
  const rows = (await q.query<Item>(`${itemSql} where ${where} order by c.starts_on desc, c.id limit 500`, params)).rows;
  return { items: rows.map(present) };
}

/** The consultations of one subject (for the subject's page: a normative document, a major decision). */
export async function consultationsOf(q: Queryable, subject: { type: string; id: string }) {
  const rows = (await q.query<Item>(`${itemSql} where c.subject_type = $1 and c.subject_id = $2 order by c.created_at`, [subject.type, subject.id])).rows;
  return rows.map(present);
}

export async function consultationDetail(reg: Registry, q: Queryable, p: Principal, id: string) {
  const r = (await q.query<Item>(`${itemSql} where c.id = $1`, [id])).rows[0];
  const m = r && (await findMatter(q, id));
  if (!r || !m) return null;
  const a = consultationAbilities(p, r.orgId);
  if (!a.read) return null;
  const [comments, answers] = await Promise.all([commentsOf(q, id), answersOf(q, id)]);
  const commenters = a.viewCommenters
    ? new Map(
        (
          await q.query<{ commentId: string; name: string | null; contact: string | null }>(
            'select comment_id as "commentId", name, contact from consultation_commenters where consultation_id = $1',
            [id],
          )
        ).rows.map((x) => [x.commentId, x]),
      )
    : new Map<string, { name: string | null; contact: string | null }>();
  const order = [{ id: WHOLE_DRAFT, label: WHOLE_DRAFT_LABEL }, ...r.anchors];
  const groups = order
    .map((anchor) => ({
      anchor: anchor.id,
      label: anchor.label,
      comments: comments
        .filter((c) => c.anchor === anchor.id)
        .map((c) => ({
          id: c.id,
          number: c.number,
          text: c.body,
          submittedAt: new Date(c.submittedAt).toISOString(),
          commenterName: commenters.get(c.id)?.name ?? null,
          commenterContact: commenters.get(c.id)?.contact ?? null,
          answerId: c.answerId,
        })),
    }))
    .filter((g) => g.comments.length > 0);
  const presented = presentMatter(reg, m, p);
  return {
    ...present(r),
    version: m.version,
    minimumDays: r.minimumDays,
    periodRule: r.periodRule,
    shortenedReason: r.shortenedReason,
    draftText: r.draftText,
    anchors: r.anchors,
    reportSummary: r.reportSummary,
    finalTextUrl: r.finalTextUrl,
    reportedOn: r.reportedOn,
    transitions: a.answer ? presented.transitions : [],
    abilities: { answer: a.answer && r.state !== 'reported', viewCommenters: a.viewCommenters },
    groups,
    answers: answers
      .map((x) => ({
        id: x.id,
        outcome: x.outcome,
        outcomeLabel: consultationOutcomes[x.outcome],
        reason: x.reason,
        answeredOn: x.answeredOn,
        commentNumbers: comments.filter((c) => c.answerId === x.id).map((c) => c.number),
      }))
      .filter((x) => x.commentNumbers.length > 0),
  };
}
