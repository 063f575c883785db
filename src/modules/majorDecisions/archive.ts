/**
 * 决策档案 (第三十三条): every record entry of the decision and of the matters its steps opened (the public comment, the
 * fair-competition and legality reviews), every file uploaded to it and every instrument issued for it — the page and
 * the download list them with their hashes, so the archive can be checked against the record.
 */
import type { Queryable } from '../../platform/db/index.ts';
import { findDecision } from './store.ts';

export interface ArchiveManifest {
  entries: { seq: number | null; recordedAt: string; matterType: string; matterId: string; eventType: string; actor: string | null; payloadHash: string }[];
  files: { id: string; fileName: string; contentType: string; sizeBytes: number; hashAlg: string; contentHash: string; uploadedAt: string }[];
  instruments: { id: string; number: string; title: string; issuedOn: string; docxHash: string; pdfHash: string }[];
}

export async function archiveManifest(q: Queryable, id: string): Promise<ArchiveManifest> {
  const d = await findDecision(q, id);
  const ids = [id, d?.consultationId, d?.legalityReviewId, d?.fairCompetitionReviewId].filter((x): x is string => !!x);
  const entries = (
    await q.query<ArchiveManifest['entries'][number]>(
      `select seq, recorded_at as "recordedAt", matter_type as "matterType", matter_id as "matterId", event_type as "eventType", actor_name as actor,
              payload_hash as "payloadHash"
         from ledger_entries where matter_id = any($1) order by write_id`,
      [ids],
    )
  ).rows.map((e) => ({ ...e, recordedAt: new Date(e.recordedAt).toISOString() }));
  const files = (
    await q.query<ArchiveManifest['files'][number]>(
      `select id, file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes", hash_alg as "hashAlg", content_hash as "contentHash",
              uploaded_at as "uploadedAt"
         from evidence_files where matter_id = any($1) order by uploaded_at, id`,
      [ids],
    )
  ).rows.map((f) => ({ ...f, uploadedAt: new Date(f.uploadedAt).toISOString() }));
  const instruments = (
    await q.query<ArchiveManifest['instruments'][number]>(
      `select id, number, title, issued_on as "issuedOn", docx_hash as "docxHash", pdf_hash as "pdfHash"
         from instruments where matter_id = any($1) order by issued_on, number`,
      [ids],
    )
  ).rows;
  return { entries, files, instruments };
}
