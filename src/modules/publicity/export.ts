/**
 * 双公示 export to the credit platform: the penalty publications of a body not yet exported (a new
 * version since the last export, or a withdrawal of an exported one), as .xlsx, .csv or JSON; every
 * row checked field by field — a row with a problem is left out and listed in the error report, so
 * the next export tries it again. One transaction, one record entry on the body; each publication it carries
 * has its reports to 国家企业信用信息公示系统 and the credit site met (the export is their evidence).
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { canonicalJson } from '../../domain/canonical.ts';
import { penaltyFields, penaltyRecord, toCsv, validatePenaltyRecord, type FieldError, type PenaltyRecord } from '../../domain/publicity/creditExport.ts';
import { externalReportRules } from '../../domain/publicity/rules.ts';
import { actorOf, inTransaction, type AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { findMatter, meetDeadlines } from '../../platform/workflow/engine.ts';
import { findCase } from '../cases/index.ts';
import type { PenaltyContent } from './content.ts';

export type ExportFormat = 'xlsx' | 'csv' | 'json';
export const exportContentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export interface ExportError extends FieldError {
  publicationId: string;
  number: string;
}

interface Pending {
  id: string;
  version: number;
  action: 'publish' | 'withdraw';
  content: PenaltyContent;
  sourceId: string;
  expiresOn: string | null;
  reason: string | null;
}

async function pendingItems(q: Queryable, bodyId: string): Promise<Pending[]> {
  return (
    await q.query<Pending>(
      `select p.id, v.version, a.action, v.content, p.source_id as "sourceId", p.expires_on as "expiresOn", v.status_reason as reason
       from publications p join publication_versions v on v.publication_id = p.id
       cross join lateral (select case when v.status = 'withdrawn' then 'withdraw' else 'publish' end as action) a
      where p.body_id = $1 and p.kind = 'penalty' and 'creditChina' = any(p.channels)
        and (v.status = 'current' or (v.status = 'withdrawn' and exists (select 1 from credit_export_items x where x.publication_id = p.id and x.action = 'publish')))
        and not exists (select 1 from credit_export_items x where x.publication_id = p.id and x.version = v.version and x.action = a.action)
      order by p.decided_on, p.id`,
      [bodyId],
    )
  ).rows;
}

async function xlsxOf(rows: PenaltyRecord[], errors: ExportError[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('行政处罚');
  ws.addRow(penaltyFields.map(([f]) => f));
  for (const r of rows) ws.addRow(penaltyFields.map(([f]) => r[f]));
  const doc = wb.addWorksheet('字段说明');
  doc.addRow(['字段', '名称']);
  for (const [f, l] of penaltyFields) doc.addRow([f, l]);
  const er = wb.addWorksheet('错误报告');
  er.addRow(['文号', '字段', '错误代码', '说明']);
  for (const e of errors) er.addRow([e.number, e.field, e.code, e.message]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * `audit` runs in the export's transaction once the file is stored (the route writes its access-log row there), so
 * an export file holding resident ids exists only with the row that says who made it.
 */
export async function createCreditExport(
  ctx: AppContext,
  p: Principal,
  bodyId: string,
  format: ExportFormat,
  audit?: (tx: Queryable, e: { id: string; items: number; bodyName: string }) => Promise<void>,
) {
  return inTransaction(ctx, async (tx) => {
    const body = (await tx.query<{ name: string; uscc: string | null }>('select name, uscc from orgs where id = $1', [bodyId])).rows[0];
    const pending = await pendingItems(tx, bodyId);
    const valid: { item: Pending; record: PenaltyRecord }[] = [];
    const errors: ExportError[] = [];
    for (const item of pending) {
      const c = await findCase(tx, item.sourceId);
      const k = item.content;
      const record = penaltyRecord({
        partyType: k.party.type,
        partyName: k.party.name,
        uscc: k.party.uscc,
        legalRep: k.party.legalRep,
        legalRepId: c?.party.legalRepId ?? null,
        idNumber: c?.party.idNumber ?? null,
        number: k.number,
        violation: k.violation,
        facts: k.facts,
        basis: k.basis,
        penalties: k.penalties,
        penaltyText: k.penaltyText,
        fineFen: k.fineFen,
        confiscationFen: k.confiscationFen,
        decidedOn: k.decidedOn,
        expiresOn: item.expiresOn,
        bodyName: body.name,
        bodyUscc: body.uscc,
        note: item.action === 'withdraw' ? `撤回：${item.reason ?? ''}` : item.version > 1 ? `更正（第 ${item.version} 版）` : '',
      });
      const problems = validatePenaltyRecord(record);
      if (problems.length) errors.push(...problems.map((e) => ({ ...e, publicationId: item.id, number: k.number })));
      else valid.push({ item, record });
    }
    const rows = valid.map((v) => v.record);
    const bytes =
      format === 'json'
        ? Buffer.from(
            JSON.stringify(
              {
                kind: '行政处罚',
                body: body.name,
                exportedAt: new Date().toISOString(),
                items: valid.map((v) => ({ action: v.item.action, ...v.record })),
                errors,
              },
              null,
              2,
            ),
          )
        : format === 'csv'
          ? Buffer.from(toCsv(rows), 'utf8')
          : await xlsxOf(rows, errors);
    const blob = await ctx.blobs.put(Readable.from([bytes]), 512 * 1024 * 1024);
    const id = randomUUID();
    await tx.query(
      `insert into credit_exports (id, body_id, format, items, errors, file_hash, file_size, created_by) values ($1,$2,$3,$4,$5::jsonb,$6,$7,$8)`,
      [id, bodyId, format, rows.length, canonicalJson(errors), blob.hash, blob.sizeBytes, p.userId],
    );
    for (const v of valid)
      await tx.query('insert into credit_export_items (export_id, publication_id, version, action) values ($1,$2,$3,$4)', [
        id,
        v.item.id,
        v.item.version,
        v.item.action,
      ]);
    // the export is the evidence of the report: the publications it carries have met their external reports (待上报 → 已上报)
    for (const v of valid) {
      const m = v.item.action === 'publish' ? await findMatter(tx, v.item.id) : null;
      if (m) await meetDeadlines(tx, ctx, actorOf(p), m, [...externalReportRules], `双公示导出 ${id}`);
    }
    await ctx.ledger.append(tx, {
      actor: actorOf(p),
      orgId: bodyId,
      matterType: 'org',
      matterId: bodyId,
      eventType: 'creditExport.created',
      payload: { exportId: id, bodyId, format, items: rows.length, errors: errors.length, hashAlg: ctx.ledger.hashAlg, fileHash: blob.hash },
    });
    await audit?.(tx, { id, items: rows.length, bodyName: body.name });
    return { id, format, items: rows.length, errors, fileHash: blob.hash, fileSize: blob.sizeBytes };
  });
}

export async function findExport(q: Queryable, id: string) {
  return (
    (
      await q.query<{ id: string; bodyId: string; format: ExportFormat; fileHash: string; fileSize: number; createdAt: string }>(
        `select id, body_id as "bodyId", format, file_hash as "fileHash", file_size as "fileSize", created_at as "createdAt" from credit_exports where id = $1`,
        [id],
      )
    ).rows[0] ?? null
  );
}
