/**
 * The numbering service: issues an instrument in the caller's transaction — next number (gapless per
 * org, kind and year), .docx and PDF rendered, both stored by content hash, the register row written
 * and `instrument.issued` recorded with the number and both hashes. Also the render-only preview.
 *
 * Order of work: the data is checked first (a 422 numbers and records nothing); the files are rendered
 * once with the number the counter predicts, outside any lock; then the record's append lock and the
 * counter row are taken (always in that order, see `Ledger.lock`), and only if another transaction
 * took the predicted number meanwhile is the instrument rendered again, under the lock. A transaction
 * that rolls back gives its number back; its stored files stay in the blob store unreferenced
 * (content-addressed, harmless).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { canonicalJson } from '../../domain/canonical.ts';
import { chinaToday } from '../../domain/dates.ts';
import { hashBytes } from '../../domain/merkle.ts';
import type { AppContext } from '../context.ts';
import type { Queryable } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../record/ledger.ts';
import { layOut } from './fill.ts';
import { contentTypes, instrumentFileName, PREVIEW_WATERMARK, renderInstrument, requireTemplate, type InstrumentFormat } from './render.ts';
import { sharedLabels } from './templates/index.ts';
import type { InstrumentTemplate } from './model.ts';

export interface IssueInstrumentInput {
  /** the issuing enforcement body (行政执法主体) */
  orgId: string;
  kind: string;
  /** the matter the instrument belongs to; its record gets the `instrument.issued` entry */
  matterType: string;
  matterId: string;
  data: Record<string, unknown>;
  /** 成文日期, YYYY-MM-DD; default today (China Standard Time). Its year is the numbering year. */
  date?: string;
}

export interface InstrumentRecord {
  id: string;
  orgId: string;
  kind: string;
  title: string;
  year: number;
  seq: number;
  number: string;
  templateVersion: number;
  matterType: string;
  matterId: string;
  issuedOn: string;
  dataHash: string;
  hashAlg: string;
  docxHash: string;
  docxSize: number;
  pdfHash: string;
  pdfSize: number;
  createdBy: string | null;
  createdAt: string;
}

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The register's columns as an InstrumentRecord; `t` is the table alias with its dot. */
export const instrumentColumns = (t = '') => `${t}id, ${t}org_id as "orgId", ${t}kind, ${t}title, ${t}year, ${t}seq, ${t}number,
  ${t}template_version as "templateVersion", ${t}matter_type as "matterType", ${t}matter_id as "matterId", ${t}issued_on as "issuedOn",
  ${t}data_hash as "dataHash", ${t}hash_alg as "hashAlg", ${t}docx_hash as "docxHash", ${t}docx_size as "docxSize", ${t}pdf_hash as "pdfHash",
  ${t}pdf_size as "pdfSize", ${t}created_by as "createdBy", ${t}created_at as "createdAt"`;

export const rowToInstrument = (r: Record<string, unknown>): InstrumentRecord => ({
  ...(r as unknown as InstrumentRecord),
  createdAt: new Date(r.createdAt as string).toISOString(),
});

function checkDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) {
    throw new AppError('INSTRUMENT_DATE_INVALID', `文书日期“${date}”不是有效日期（YYYY-MM-DD）`);
  }
  return date;
}

/** The issuing body's name and 机关代字; only an enforcement body issues instruments in its own name. */
export async function issuingOrg(q: Queryable, orgId: string): Promise<{ id: string; name: string; code: string; isEnforcementBody: boolean }> {
  const r = await q.query<{ id: string; name: string; code: string | null; is_enforcement_body: boolean }>(
    `select o.id, o.name, c.code, o.is_enforcement_body from orgs o left join instrument_org_codes c on c.org_id = o.id where o.id = $1`,
    [orgId],
  );
  const o = r.rows[0];
  if (!o) throw new AppError('ORG_NOT_FOUND', '制作文书的机关不存在');
  return { id: o.id, name: o.name, code: o.code ?? [...o.name][0], isEnforcementBody: o.is_enforcement_body };
}

async function renderBoth(t: InstrumentTemplate, data: Record<string, unknown>, env: Parameters<typeof layOut>[2]) {
  const doc = layOut(t, data, env, sharedLabels);
  const [docx, pdf] = [await renderInstrument(doc, 'docx'), await renderInstrument(doc, 'pdf')];
  return { doc, docx, pdf };
}

/**
 * Issues one instrument inside the caller's transaction and returns its register row. Throws 422
 * INSTRUMENT_DATA_MISSING (every missing field listed) before anything is numbered or recorded.
 */
export async function issueInstrument(ctx: AppContext, tx: Queryable, actor: Actor, input: IssueInstrumentInput): Promise<InstrumentRecord> {
  const t = requireTemplate(input.kind);
  if (!input.matterType || !input.matterId) throw new AppError('MATTER_REQUIRED', '文书必须归属于一个事项（如案件）');
  const org = await issuingOrg(tx, input.orgId);
  if (!org.isEnforcementBody) throw new AppError('ORG_NOT_ENFORCEMENT_BODY', `“${org.name}”不是行政执法主体，不能以其名义制作文书`);
  const date = checkDate(input.date ?? chinaToday());
  const year = Number(date.slice(0, 4));
  const env = (seq: number | null) => ({ orgName: org.name, orgCode: org.code, date, seq, watermark: null });

  // 1. the data first: a 422 here numbers nothing and records nothing
  layOut(t, input.data, env(null), sharedLabels);

  // 2. render with the number the counter predicts, before taking any lock
  const counter = `select last_seq as "lastSeq" from instrument_numbers where org_id = $1 and kind = $2 and year = $3`;
  const predicted = ((await tx.query<{ lastSeq: number }>(counter, [org.id, t.kind, year])).rows[0]?.lastSeq ?? 0) + 1;
  let files = await renderBoth(t, input.data, env(predicted));

  // 3. the record's append lock, then the counter row: the number is taken and held to commit
  await ctx.ledger.lock(tx);
  const taken = await tx.query<{ seq: number }>(
    `insert into instrument_numbers (org_id, kind, year, last_seq) values ($1, $2, $3, 1)
     on conflict (org_id, kind, year) do update set last_seq = instrument_numbers.last_seq + 1
     returning last_seq as seq`,
    [org.id, t.kind, year],
  );
  const seq = Number(taken.rows[0].seq);
  if (seq !== predicted) files = await renderBoth(t, input.data, env(seq));

  // 4. the files by content hash, the register row, the record entry
  const docx = await ctx.blobs.put(Readable.from([files.docx]), MAX_FILE_BYTES);
  const pdf = await ctx.blobs.put(Readable.from([files.pdf]), MAX_FILE_BYTES);
  const hashAlg = ctx.ledger.hashAlg;
  const dataJson = canonicalJson(input.data);
  const dataHash = hashBytes(hashAlg, dataJson).toString('hex');
  const id = randomUUID();
  const number = files.doc.number;
  const inserted = await tx.query(
    `insert into instruments (id, org_id, kind, year, seq, number, title, template_version, matter_type, matter_id, issued_on, data, data_hash, hash_alg,
       docx_hash, docx_size, pdf_hash, pdf_size, created_by)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12::jsonb,$13,$14,$15,$16,$17,$18,$19)
     returning ${instrumentColumns()}`,
    [
      id,
      org.id,
      t.kind,
      year,
      seq,
      number,
      t.title,
      t.version,
      input.matterType,
      input.matterId,
      date,
      dataJson,
      dataHash,
      hashAlg,
      docx.hash,
      docx.sizeBytes,
      pdf.hash,
      pdf.sizeBytes,
      actor.id,
    ],
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId: org.id,
    matterType: input.matterType,
    matterId: input.matterId,
    eventType: 'instrument.issued',
    payload: {
      instrumentId: id,
      orgId: org.id,
      kind: t.kind,
      title: t.title,
      number,
      year,
      seq,
      templateVersion: t.version,
      issuedOn: date,
      hashAlg,
      dataHash,
      docxHash: docx.hash,
      docxSize: docx.sizeBytes,
      pdfHash: pdf.hash,
      pdfSize: pdf.sizeBytes,
    },
  });
  return rowToInstrument(inserted.rows[0]);
}

export interface PreviewInput {
  orgId: string;
  kind: string;
  data: Record<string, unknown>;
  format: InstrumentFormat;
  date?: string;
}

/** Renders without a number and with the watermark 样稿; writes nothing. */
export async function previewInstrument(q: Queryable, input: PreviewInput): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
  const t = requireTemplate(input.kind);
  const org = await issuingOrg(q, input.orgId);
  const date = checkDate(input.date ?? chinaToday());
  const doc = layOut(t, input.data, { orgName: org.name, orgCode: org.code, date, seq: null, watermark: PREVIEW_WATERMARK }, sharedLabels);
  const bytes = await renderInstrument(doc, input.format);
  return { bytes, contentType: contentTypes[input.format], fileName: instrumentFileName(t.title, null, input.format) };
}

/** Sets an org's 机关代字 (recorded: it changes every later 文号). */
export async function setInstrumentOrgCode(ctx: AppContext, tx: Queryable, actor: Actor, orgId: string, code: string): Promise<void> {
  const trimmed = code.trim();
  if (!/^[\p{Script=Han}A-Za-z0-9]{1,20}$/u.test(trimmed)) throw new AppError('ORG_CODE_INVALID', '机关代字应为 1 至 20 个汉字、字母或数字');
  const org = await issuingOrg(tx, orgId);
  const prior = await tx.query<{ code: string }>('select code from instrument_org_codes where org_id = $1', [orgId]);
  await tx.query(
    `insert into instrument_org_codes (org_id, code) values ($1, $2) on conflict (org_id) do update set code = excluded.code, updated_at = now()`,
    [orgId, trimmed],
  );
  await ctx.ledger.append(tx, {
    actor,
    orgId: org.id,
    matterType: 'org',
    matterId: org.id,
    eventType: 'instrument.orgCodeSet',
    payload: { orgId: org.id, from: prior.rows[0]?.code ?? null, to: trimmed },
  });
}
