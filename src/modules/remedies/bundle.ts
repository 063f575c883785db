/**
 * 答复材料 (行政复议法 第四十八条 "提交作出行政行为的证据、依据和其他有关材料"): the bundle is generated from the subject's
 * file and its record — every positioned record entry of the subject's matter (the case: its evidence, notices,
 * decision, service …), every file uploaded to it and every instrument issued for it, each with its hash. It is fixed
 * when the answer is made (its SHA-256 is in the answer's record entry); the download adds, for each entry, its
 * inclusion proof in a signed tree head of the record, so the reviewing body can verify every item against the record
 * without trusting the bureau's copy (RFC 9162; `fazhi ledger verify` and the record's public key check the head).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/canonical.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';

export interface Bundle {
  subject: { type: string; id: string; title: string };
  entries: { seq: number; recordedAt: string; eventType: string; actor: string | null; payloadHash: string; leafHash: string }[];
  files: { id: string; fileName: string; contentType: string; sizeBytes: number; hashAlg: string; contentHash: string }[];
  instruments: { id: string; number: string; title: string; issuedOn: string; docxHash: string; pdfHash: string }[];
}

/** The bundle of the subject's file as it stands (positioned entries only: those a proof can be given for). */
export async function buildBundle(q: Queryable, subject: Bundle['subject']): Promise<{ bundle: Bundle; hash: string }> {
  const entries = (
    await q.query<Bundle['entries'][number]>(
      `select seq, recorded_at as "recordedAt", event_type as "eventType", actor_name as actor, payload_hash as "payloadHash", leaf_hash as "leafHash"
         from ledger_entries where matter_id = $1 and seq is not null order by seq`,
      [subject.id],
    )
  ).rows.map((e) => ({ ...e, recordedAt: new Date(e.recordedAt).toISOString() }));
  const files = (
    await q.query<Bundle['files'][number]>(
      `select id, file_name as "fileName", content_type as "contentType", size_bytes as "sizeBytes", hash_alg as "hashAlg", content_hash as "contentHash"
         from evidence_files where matter_id = $1 order by uploaded_at, id`,
      [subject.id],
    )
  ).rows;
  const instruments = (
    await q.query<Bundle['instruments'][number]>(
      `select id, number, title, issued_on as "issuedOn", docx_hash as "docxHash", pdf_hash as "pdfHash"
         from instruments where matter_id = $1 order by issued_on, number`,
      [subject.id],
    )
  ).rows;
  const bundle: Bundle = { subject, entries, files, instruments };
  return { bundle, hash: createHash('sha256').update(canonicalJson(bundle)).digest('hex') };
}

/** The bundle fixed at the answer, with an inclusion proof of every entry in one signed tree head. */
export async function bundleWithProofs(ctx: AppContext, bundle: Bundle, hash: string) {
  await ctx.ledger.catchUp(ctx.db);
  const last = bundle.entries.at(-1)?.seq;
  const head = last === undefined ? await ctx.ledger.latestTreeHead(ctx.db) : await ctx.ledger.treeHeadCovering(ctx.db, last);
  const entries = [];
  for (const e of bundle.entries) entries.push({ ...e, inclusionProof: head ? await ctx.ledger.inclusionProof(ctx.db, e.seq, head.treeSize) : [] });
  return {
    format: 'fazhi-reconsideration-answer-bundle/1',
    bundleHash: hash,
    treeHead: head,
    subject: bundle.subject,
    entries,
    files: bundle.files,
    instruments: bundle.instruments,
    verification:
      '每一条记录的叶哈希（leafHash）可按所附包含证明（inclusionProof）逐层计算至树头根哈希（rootHash，RFC 9162），树头以执法记录的公钥签名；文件和文书以其哈希值核对。',
  };
}
