/**
 * 导入检查对象名录 (.xlsx / .csv): every row is checked first (uscc check character, duplicates,
 * division codes, risk class); any problem → 422 IMPORT_INVALID with the row-level report and
 * nothing written. A valid file is merged by uscc into the body's pool in one transaction, with
 * one record entry carrying the hash of the file and of its canonical rows.
 */
import { randomUUID } from 'node:crypto';
import { hashBytes } from '../../../domain/merkle.ts';
import { checkTargetRows, targetLine, type TargetRow, type TargetRowError } from '../../../domain/inspections/targets.ts';
import { inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { readTargetFile } from '../xlsx.ts';

export interface ImportTargetsInput {
  bodyId: string;
  file: Buffer;
  fileName: string;
  dryRun?: boolean;
  /** rows come from the registration authority: a failing check character is flagged for confirmation, not refused */
  fromRegister?: boolean;
}

export interface ImportTargetsResult {
  dryRun: boolean;
  importId: string | null;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  flagged: number;
}

export interface ImportProgress {
  phase: 'read' | 'check' | 'write' | 'done';
  done: number;
  total: number;
}

const BATCH = 2000;

export const importInvalid = (errors: TargetRowError[]) =>
  new AppError(
    'IMPORT_INVALID',
    `文件有 ${errors.length} 处错误，未导入任何内容：${errors
      .slice(0, 3)
      .map((e) => `${e.row ? `第 ${e.row} 行` : '文件'}${e.column ? `“${e.column}”` : ''}：${e.message}`)
      .join('；')}${errors.length > 3 ? '……' : ''}`,
    { errors: errors.slice(0, 1000), total: errors.length },
  );

/** The caller has checked that the actor may manage the body's pool. */
export async function importTargets(
  ctx: AppContext,
  actor: Actor,
  input: ImportTargetsInput,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<ImportTargetsResult> {
  onProgress({ phase: 'read', done: 0, total: 0 });
  const grid = await readTargetFile(input.file, (n) => onProgress({ phase: 'read', done: n, total: 0 }));
  const body = (await ctx.db.query<{ divisionCode: string | null }>('select division_code as "divisionCode" from orgs where id = $1', [input.bodyId])).rows[0];
  if (!body) throw new AppError('NOT_FOUND', '执法主体不存在或无权查看');
  const known = new Set((await ctx.db.query<{ code: string }>('select code from division_codes')).rows.map((r) => r.code));
  const area = body.divisionCode ?? '';
  const prefix = area.endsWith('0000') ? area.slice(0, 2) : area.endsWith('00') ? area.slice(0, 4) : area;
  onProgress({ phase: 'check', done: 0, total: grid.length });
  const sheet = checkTargetRows(grid, {
    knownDivision: (c) => known.has(c),
    inArea: (c) => !prefix || c.startsWith(prefix),
    fromRegister: !!input.fromRegister,
  });
  if (sheet.errors.length) throw importInvalid(sheet.errors);

  const rowsHash = hashBytes(
    ctx.ledger.hashAlg,
    [...sheet.rows]
      .sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
      .map(targetLine)
      .join('\n'),
  ).toString('hex');
  const fileHash = hashBytes(ctx.ledger.hashAlg, input.file).toString('hex');
  return inTransaction(ctx, async (tx) => {
    const existing = new Map<string, { id: string; line: string }>();
    const cur = await tx.query<TargetRow & { id: string }>(
      `select id, uscc, name, entity_type as "entityType", legal_rep as "legalRep", address, division_code as "divisionCode", industry, licences,
              risk_class as "riskClass", status, uscc_flagged as "usccFlagged" from inspection_targets where body_id = $1`,
      [input.bodyId],
    );
    for (const r of cur.rows) existing.set(r.uscc, { id: r.id, line: targetLine(r) });
    const changed: (TargetRow & { id: string })[] = [];
    let added = 0;
    let updated = 0;
    for (const r of sheet.rows) {
      const e = existing.get(r.uscc);
      if (!e) {
        added++;
        changed.push({ ...r, id: randomUUID() });
      } else if (e.line !== targetLine(r)) {
        updated++;
        changed.push({ ...r, id: e.id });
      }
    }
    const result = {
      dryRun: !!input.dryRun,
      importId: null as string | null,
      rows: sheet.rows.length,
      added,
      updated,
      unchanged: sheet.rows.length - added - updated,
      flagged: sheet.rows.filter((r) => r.usccFlagged).length,
    };
    if (input.dryRun) return result;
    const importId = randomUUID();
    onProgress({ phase: 'write', done: 0, total: changed.length });
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH).map((r) => ({
        id: r.id,
        uscc: r.uscc,
        name: r.name,
        entity_type: r.entityType,
        legal_rep: r.legalRep,
        address: r.address,
        division_code: r.divisionCode,
        industry: r.industry,
        licences: r.licences,
        risk_class: r.riskClass,
        status: r.status,
        uscc_flagged: r.usccFlagged,
      }));
      await tx.query(
        `insert into inspection_targets (id, body_id, uscc, name, entity_type, legal_rep, address, division_code, industry, licences, risk_class, status, uscc_flagged, import_id)
         select x.id, $2, x.uscc, x.name, x.entity_type, x.legal_rep, x.address, x.division_code, x.industry, x.licences, x.risk_class, x.status, x.uscc_flagged, $3
           from jsonb_to_recordset($1::jsonb) as x(id text, uscc text, name text, entity_type text, legal_rep text, address text, division_code text,
                industry text, licences text, risk_class text, status text, uscc_flagged boolean)
         on conflict (body_id, uscc) do update set name = excluded.name, entity_type = excluded.entity_type, legal_rep = excluded.legal_rep,
           address = excluded.address, division_code = excluded.division_code, industry = excluded.industry, licences = excluded.licences,
           risk_class = excluded.risk_class, status = excluded.status, uscc_flagged = excluded.uscc_flagged, import_id = excluded.import_id, updated_at = now()`,
        [JSON.stringify(batch), input.bodyId, importId],
      );
      onProgress({ phase: 'write', done: Math.min(i + BATCH, changed.length), total: changed.length });
    }
    await tx.query(
      `insert into inspection_target_imports (id, body_id, file_name, file_hash, rows_hash, row_count, added, updated, unchanged, flagged, imported_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [importId, input.bodyId, input.fileName, fileHash, rowsHash, result.rows, added, updated, result.unchanged, result.flagged, actor.id],
    );
    await ctx.ledger.append(tx, {
      actor,
      orgId: input.bodyId,
      matterType: 'targetPool',
      matterId: input.bodyId,
      eventType: 'targetPool.imported',
      payload: {
        importId,
        bodyId: input.bodyId,
        fileName: input.fileName,
        fileHash,
        hashAlg: ctx.ledger.hashAlg,
        rowsHash,
        rows: result.rows,
        added,
        updated,
        unchanged: result.unchanged,
        flagged: result.flagged,
      },
    });
    onProgress({ phase: 'done', done: changed.length, total: changed.length });
    return { ...result, importId };
  });
}
