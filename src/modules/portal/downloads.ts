/**
 * Bulk downloads of every listed penalty decision (JSON with the full public content, CSV with the
 * summary fields). Read from the database in batches of 1,000 by keyset pagination over the record
 * order (ledger seq, id) — the same on PGlite and PostgreSQL — and streamed: memory stays one batch,
 * whatever the number of decisions. Each batch is its own query, so a decision corrected or
 * withdrawn while a download runs may appear in its old version or not at all (no snapshot is held).
 */
import { Readable } from 'node:stream';
import type { Queryable } from '../../platform/db/index.ts';
import type { App } from '../../platform/http.ts';
import type { PenaltyContent } from '../publicity/index.ts';
import { LISTED_STATES } from '../publicity/index.ts';
import { portalRoute } from './site.ts';

export const DOWNLOAD_BATCH = 1000;

export interface DownloadRow {
  id: string;
  version: number;
  publishedOn: string;
  ledgerSeq: number;
  content: PenaltyContent;
}

/** The listed penalty publications in their current version, newest record entry first, one batch per query. */
export async function* listedPenaltyBatches(db: Queryable, batch = DOWNLOAD_BATCH): AsyncGenerator<DownloadRow[]> {
  let after: { seq: number; id: string } | null = null;
  for (;;) {
    const params: unknown[] = [LISTED_STATES, batch];
    if (after) params.push(after.seq, after.id);
    const rows: DownloadRow[] = (
      await db.query<DownloadRow>(
        `select p.id, v.version, v.published_on as "publishedOn", v.ledger_seq as "ledgerSeq", v.content
           from publications p join publication_versions v on v.publication_id = p.id and v.version = p.current_version
          where p.state = any($1) and p.kind = 'penalty'${after ? ' and (v.ledger_seq, p.id) < ($3::bigint, $4::text)' : ''}
          order by v.ledger_seq desc, p.id desc limit $2`,
        params,
      )
    ).rows.map((r) => ({ ...r, ledgerSeq: Number(r.ledgerSeq) }));
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    const last = rows[rows.length - 1];
    after = { seq: last.ledgerSeq, id: last.id };
  }
}

/** publications.json: `{generatedAt, items, count}` — the count comes last, after the items it counts. */
export async function* publicationsJson(batches: AsyncIterable<DownloadRow[]>, now = new Date()): AsyncGenerator<string> {
  yield `{"generatedAt":${JSON.stringify(now.toISOString())},"items":[`;
  let count = 0;
  for await (const rows of batches) {
    yield rows
      .map(
        (i) =>
          `${count++ ? ',' : ''}${JSON.stringify({ id: i.id, version: i.version, publishedOn: i.publishedOn, ledgerSeq: i.ledgerSeq, content: i.content })}`,
      )
      .join('');
  }
  yield `],"count":${count}}`;
}

const CSV_HEAD = [
  '公示编号',
  '版本',
  '文号',
  '当事人',
  '统一社会信用代码',
  '违法行为类型',
  '处罚内容',
  '罚款金额（元）',
  '处罚机关',
  '决定日期',
  '公示日期',
  '记录条目',
];
const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** publications.csv: UTF-8 with a byte-order mark (for spreadsheet programs), CRLF line ends. */
export async function* publicationsCsv(batches: AsyncIterable<DownloadRow[]>): AsyncGenerator<string> {
  yield `\uFEFF${CSV_HEAD.join(',')}\r\n`;
  for await (const rows of batches) {
    yield rows
      .map(
        (i) =>
          `${[
            i.id,
            i.version,
            i.content.number,
            i.content.party.name,
            i.content.party.uscc ?? '',
            i.content.violation,
            i.content.penaltyText,
            (i.content.fineFen / 100).toFixed(2),
            i.content.body.name,
            i.content.decidedOn,
            i.publishedOn,
            i.ledgerSeq,
          ]
            .map(cell)
            .join(',')}\r\n`,
      )
      .join('');
  }
}

export function registerDownloads(app: App, db: Queryable) {
  app.get('/portal/download/publications.json', portalRoute, async (_req, reply) => {
    reply.header('content-disposition', 'attachment; filename="publications.json"');
    return reply.type('application/json; charset=utf-8').send(Readable.from(publicationsJson(listedPenaltyBatches(db))));
  });
  app.get('/portal/download/publications.csv', portalRoute, async (_req, reply) => {
    reply.header('content-disposition', 'attachment; filename="publications.csv"');
    return reply.type('text/csv; charset=utf-8').send(Readable.from(publicationsCsv(listedPenaltyBatches(db))));
  });
}
