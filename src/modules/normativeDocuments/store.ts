/**
 * The document rows (one per version), the plan and the cleanups. Every write happens inside a recorded
 * command or transition (the *_recorded triggers check it at commit).
 */
import type { Article } from '../../domain/normativeDocuments/rules.ts';
import type { Queryable } from '../../platform/db/index.ts';

export const NORMATIVE_DOCUMENT = 'normativeDocument';
export const NORMATIVE_PLAN = 'normativePlan';

export interface Deliberation {
  meetingOn: string;
  meeting: string;
  attendees: string[];
  minutes: string;
  result: 'passed' | 'passedWithChanges';
}

export interface DocumentRow {
  id: string;
  familyId: string;
  versionNo: number;
  previousId: string | null;
  bodyId: string;
  unitId: string;
  planItemId: string | null;
  title: string;
  provisional: boolean;
  affectsRights: boolean;
  concernsMarket: boolean;
  articles: Article[];
  necessity: string;
  impact: string;
  commentSkipReason: string | null;
  consultationId: string | null;
  fairReviewId: string | null;
  legalityReviewId: string | null;
  deliberation: Deliberation | null;
  instrumentId: string | null;
  number: string | null;
  year: number | null;
  seq: number | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  interpretation: string | null;
  filedOn: string | null;
  filedWith: string | null;
  filingResult: 'registered' | 'correctionRequired' | 'notRegistered' | null;
  filingResultOn: string | null;
  filingNote: string | null;
  endedOn: string | null;
  endedReason: string | null;
  state: string;
  updatedAt: string;
}

export const documentColumns = (t = 'd') => `${t}.id, ${t}.family_id as "familyId", ${t}.version_no as "versionNo", ${t}.previous_id as "previousId",
  ${t}.body_id as "bodyId", ${t}.unit_id as "unitId", ${t}.plan_item_id as "planItemId", ${t}.title, ${t}.provisional, ${t}.affects_rights as "affectsRights",
  ${t}.concerns_market as "concernsMarket", ${t}.articles, ${t}.necessity, ${t}.impact, ${t}.comment_skip_reason as "commentSkipReason",
  ${t}.consultation_id as "consultationId", ${t}.fair_review_id as "fairReviewId", ${t}.legality_review_id as "legalityReviewId", ${t}.deliberation,
  ${t}.instrument_id as "instrumentId", ${t}.number, ${t}.year, ${t}.seq, ${t}.published_on as "publishedOn", ${t}.effective_on as "effectiveOn",
  ${t}.expires_on as "expiresOn", ${t}.interpretation, ${t}.filed_on as "filedOn", ${t}.filed_with as "filedWith", ${t}.filing_result as "filingResult",
  ${t}.filing_result_on as "filingResultOn", ${t}.filing_note as "filingNote", ${t}.ended_on as "endedOn", ${t}.ended_reason as "endedReason", ${t}.state,
  ${t}.updated_at as "updatedAt"`;

const norm = (r: DocumentRow): DocumentRow => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() });

export async function findDocument(q: Queryable, id: string): Promise<DocumentRow | null> {
  const r = (await q.query<DocumentRow>(`select ${documentColumns()} from normative_documents d where d.id = $1`, [id])).rows[0];
  return r ? norm(r) : null;
}

/** Every version of a document, oldest first. */
export async function versionsOfFamily(q: Queryable, familyId: string): Promise<DocumentRow[]> {
  return (
    await q.query<DocumentRow>(`select ${documentColumns()} from normative_documents d where d.family_id = $1 order by d.version_no`, [familyId])
  ).rows.map(norm);
}

/** The text a search matches: title, number and the articles. */
export const searchTextOf = (d: Pick<DocumentRow, 'title' | 'number' | 'articles'>) =>
  [d.title, d.number ?? '', ...d.articles.map((a) => `${a.chapter ?? ''}${a.text}`)].join('\n').slice(0, 200_000);

/** Mirrors the matter's state into the row (the lists and the portal read it). */
export async function mirrorState(q: Queryable, id: string, state: string): Promise<void> {
  await q.query('update normative_documents set state = $2, updated_at = now() where id = $1', [id, state]);
}

export interface CleanupRow {
  id: string;
  documentId: string;
  kind: string;
  round: string;
  outcome: string;
  reason: string;
  decidedOn: string;
  flagIds: string[];
  newVersionId: string | null;
  createdAt: string;
}

export async function cleanupsOf(q: Queryable, documentId: string): Promise<CleanupRow[]> {
  return (
    await q.query<CleanupRow>(
      `select id, document_id as "documentId", kind, round, outcome, reason, decided_on as "decidedOn", flag_ids as "flagIds", new_version_id as "newVersionId",
              created_at as "createdAt"
         from normative_cleanups where document_id = $1 order by decided_on, created_at`,
      [documentId],
    )
  ).rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}
