/** Export of benchmark tables as .xlsx (the same layout the import reads). */
import { benchmarksToSheets } from '../../domain/discretion/sheet.ts';
import type { Queryable } from '../../platform/db/index.ts';
import type { Principal } from '../../platform/policies.ts';
import { findViolation, readableOrgs, type BenchmarkRow, type ViolationRow } from './queries.ts';
import { writeBenchmarkWorkbook } from './xlsx.ts';

/** Benchmarks the caller reads (the CLI: all), optionally of one org and in force on one date. */
export async function exportBenchmarks(
  q: Queryable,
  p: Principal | null,
  f: { orgId?: string; asOf?: string },
): Promise<{ file: Buffer; benchmarks: number; rows: number; fileName: string }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (p) {
    params.push((await readableOrgs(q, p)).ids);
    where.push(`b.org_id = any($${params.length})`);
  }
  if (f.orgId) {
    params.push(f.orgId);
    where.push(`b.org_id = $${params.length}`);
  }
  if (f.asOf) {
    params.push(f.asOf);
    where.push(`b.valid_from <= $${params.length}::date and (b.valid_to is null or b.valid_to >= $${params.length}::date)`);
  }
  const rows = (
    await q.query<BenchmarkRow & { code: string }>(
      `select b.id, b.violation_id as "violationId", b.org_id as "orgId", b.valid_from as "validFrom", b.valid_to as "validTo", b.document_title as "documentTitle",
            b.document_number as "documentNumber", b.tiers, b.circumstances, b.exemptions, v.code
       from discretion_benchmarks b join violations v on v.id = b.violation_id
      ${where.length ? `where ${where.join(' and ')}` : ''} order by v.code, b.org_id, b.valid_from`,
      params,
    )
  ).rows;
  const violations = new Map<string, ViolationRow>();
  for (const r of rows) if (!violations.has(r.violationId)) violations.set(r.violationId, (await findViolation(q, r.violationId))!);
  const sheets = benchmarksToSheets(rows.map((b) => ({ violation: violations.get(b.violationId)!, benchmark: b })));
  const file = await writeBenchmarkWorkbook(sheets);
  return { file, benchmarks: rows.length, rows: sheets.tiers.length - 1, fileName: `行政处罚裁量基准${f.asOf ? `（${f.asOf}）` : ''}.xlsx` };
}
