/** The report rows (annual_reports, annual_report_versions) and the content they keep. */
import type { ReportKind } from '../../domain/annualReports/layouts.ts';
import type { Queryable } from '../../platform/db/index.ts';

export const ANNUAL_REPORT = 'annualReport';

/** A paragraph as the report keeps it: its layout's kind, the text as it reads now, and what it was made from. */
export interface ReportParagraph {
  id: string;
  kind: 'figures' | 'records' | 'text';
  /** figures: the sentence with its figure references (an edit changes this; the numbers still come from the set) */
  template: string | null;
  /** records: the figure whose records drafted it */
  figure: string | null;
  /** the text a reader reads (figures: the template filled from the set) */
  text: string;
  /** text blocks: what the body is asked to write */
  hint: string | null;
  /** the figure references it printed, with their values (figures paragraphs) */
  values: { ref: string; value: string }[];
  edited: boolean;
}

export interface ReportSection {
  id: string;
  heading: string;
  paragraphs: ReportParagraph[];
}

export interface ReportRow {
  id: string;
  label: string;
  figure: string | null;
  awaiting: string | null;
  /** the value as printed (未接入 when unmapped) and last year's */
  value: string;
  previous: string;
  /** the raw numbers (null: unmapped, or a share of nothing) */
  raw: number | null;
  rawPrevious: number | null;
}

export interface ReportTable {
  id: string;
  title: string;
  basis: string;
  rows: ReportRow[];
}

export interface ReportContent {
  sections: ReportSection[];
  tables: ReportTable[];
}

export interface AnnualReportRow {
  id: string;
  bodyId: string;
  bodyName: string;
  year: number;
  kind: ReportKind;
  title: string;
  figureSetId: string;
  previousSetId: string;
  content: ReportContent;
  versionNo: number;
  instrumentId: string | null;
  publishedOn: string | null;
  state: string;
  matterVersion: number;
  createdAt: string;
  updatedAt: string;
}

const columns = `r.id, r.body_id as "bodyId", o.name as "bodyName", r.year, r.kind, r.title, r.figure_set_id as "figureSetId",
  r.previous_set_id as "previousSetId", r.content, r.version_no as "versionNo", r.instrument_id as "instrumentId",
  r.published_on as "publishedOn", m.state, m.version as "matterVersion", r.created_at as "createdAt", r.updated_at as "updatedAt"`;

const from = 'annual_reports r join orgs o on o.id = r.body_id join matters m on m.id = r.id';

const toRow = (r: Record<string, unknown>): AnnualReportRow => ({
  ...(r as unknown as AnnualReportRow),
  createdAt: new Date(r.createdAt as string).toISOString(),
  updatedAt: new Date(r.updatedAt as string).toISOString(),
});

export async function findReport(q: Queryable, id: string): Promise<AnnualReportRow | null> {
  const r = await q.query<Record<string, unknown>>(`select ${columns} from ${from} where r.id = $1`, [id]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

/** Reports of these bodies (newest year first), optionally only published ones. */
export async function reportsOf(q: Queryable, bodyIds: readonly string[], opts: { published?: boolean; year?: number; kind?: string } = {}) {
  const params: unknown[] = [bodyIds];
  const where = ['r.body_id = any($1::text[])'];
  if (opts.published) where.push(`m.state = 'published'`);
  if (opts.year !== undefined) {
    params.push(opts.year);
    where.push(`r.year = $${params.length}`);
  }
  if (opts.kind !== undefined) {
    params.push(opts.kind);
    where.push(`r.kind = $${params.length}`);
  }
  const r = await q.query<Record<string, unknown>>(`select ${columns} from ${from} where ${where.join(' and ')} order by r.year desc, r.kind, o.name`, params);
  return r.rows.map(toRow);
}

export async function reportVersions(q: Queryable, id: string) {
  const r = await q.query<{ versionNo: number; paragraphId: string | null; editedBy: string | null; editedAt: string }>(
    `select version_no as "versionNo", paragraph_id as "paragraphId", edited_by as "editedBy", edited_at as "editedAt"
       from annual_report_versions where report_id = $1 order by version_no desc`,
    [id],
  );
  return r.rows.map((x) => ({ ...x, editedAt: new Date(x.editedAt).toISOString() }));
}

export async function reportVersion(q: Queryable, id: string, versionNo: number): Promise<ReportContent | null> {
  const r = await q.query<{ content: ReportContent }>('select content from annual_report_versions where report_id = $1 and version_no = $2', [id, versionNo]);
  return r.rows[0]?.content ?? null;
}
