/**
 * What the public reads (the portal and /api/public/consultations): drafts open for comment and those whose
 * feedback report is published. Allow-listed by the response schemas; no name, contact, staff id or user.
 */
import type { z } from 'zod';
import {
  consultationOutcomes,
  consultationStates,
  commentsOpen,
  WHOLE_DRAFT,
  WHOLE_DRAFT_LABEL,
  type ConsultationState,
} from '../../domain/consultation/rules.ts';
import { chinaToday } from '../../domain/dates.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { ZPublicConsultation, ZPublicConsultationItem } from './responses.ts';
import { answersOf, commentsOf, consultationColumns, type ConsultationRow } from './store.ts';

export type PublicConsultationItem = z.infer<typeof ZPublicConsultationItem>;
export type PublicConsultation = z.infer<typeof ZPublicConsultation>;

type Row = ConsultationRow & { orgName: string; comments: number };
const rowSql = `select ${consultationColumns}, o.name as "orgName", (select count(*)::int from consultation_comments k where k.consultation_id = c.id) as comments
  from consultations c join orgs o on o.id = c.org_id`;

const item = (r: Row): PublicConsultationItem => ({
  id: r.id,
  title: r.title,
  orgName: r.orgName,
  state: r.state,
  stateLabel: consultationStates[r.state as ConsultationState] ?? r.state,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  days: r.days,
  shortenedReason: r.shortenedReason,
  comments: r.comments,
  reportedOn: r.reportedOn,
});

/** Drafts published for comment (from their first day on), newest first; `open`: those taking comments today. */
export async function publicConsultationList(q: Queryable, f: { open?: boolean } = {}, today = chinaToday()): Promise<{ items: PublicConsultationItem[] }> {
  const where = f.open ? `c.state = 'open' and c.starts_on <= $1 and c.ends_on >= $1` : 'c.starts_on <= $1';
  const rows = (await q.query<Row>(`${rowSql} where ${where} order by (c.state = 'open') desc, c.ends_on desc, c.id limit 200`, [today])).rows;
  return { items: rows.map(item) };
}

export async function publicConsultationDetail(q: Queryable, id: string, today = chinaToday()): Promise<PublicConsultation | null> {
  const r = (await q.query<Row>(`${rowSql} where c.id = $1 and c.starts_on <= $2`, [id, today])).rows[0];
  if (!r) return null;
  const reported = r.state === 'reported';
  const [comments, answers] = await Promise.all([commentsOf(q, id), reported ? answersOf(q, id) : Promise.resolve([])]);
  const answerById = new Map(answers.map((a) => [a.id, a]));
  const label = new Map([[WHOLE_DRAFT, WHOLE_DRAFT_LABEL], ...r.anchors.map((a) => [a.id, a.label] as [string, string])]);
  const counts = { adopted: 0, partlyAdopted: 0, notAdopted: 0 };
  const presented = comments.map((c) => {
    const a = c.answerId ? answerById.get(c.answerId) : undefined;
    if (a) counts[a.outcome]++;
    return {
      number: c.number,
      anchor: c.anchor,
      anchorLabel: label.get(c.anchor) ?? c.anchor,
      text: c.body,
      submittedOn: chinaToday(new Date(c.submittedAt)),
      answer: a ? { outcome: a.outcome, outcomeLabel: consultationOutcomes[a.outcome], reason: a.reason } : null,
    };
  });
  return {
    ...item(r),
    anchors: r.anchors,
    acceptingComments: r.state === 'open' && commentsOpen(r, today),
    report: reported ? { summary: r.reportSummary ?? '', finalTextUrl: r.finalTextUrl, publishedOn: r.reportedOn ?? '', counts } : null,
    // the comments are shown with their answers once the report is published: until then nothing anyone posts is
    // displayed (posting to get text onto the portal is pointless), and the counter says how many arrived
    feedback: reported ? presented : [],
  };
}
