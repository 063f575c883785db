/**
 * Import of benchmark tables (.xlsx): every row is checked (shape, meaning, cited articles, validity
 * overlaps in the file and with the database); on any error nothing is written (422 IMPORT_INVALID
 * with the errors by sheet and row). A benchmark is matched by (violation, adopting org, 生效日期):
 * an existing one is replaced by the file's content, a new one is adopted. One transaction.
 */
import { randomUUID } from 'node:crypto';
import { parseBenchmarkSheets, sheetLayout, type SheetRowError } from '../../../domain/discretion/sheet.ts';
import type { ViolationRule } from '../../../domain/discretion/model.ts';
import { inTransaction, type AppContext } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/policies.ts';
import type { Actor } from '../../../platform/record/ledger.ts';
import { articlesByIds } from '../../laws/index.ts';
import { findBenchmark, type ViolationRow } from '../queries.ts';
import { readBenchmarkWorkbook } from '../xlsx.ts';
import { benchmarkChanges, changeBenchmark, insertBenchmark, overlapping } from './benchmarks.ts';

export interface ImportResult {
  dryRun: boolean;
  orgId: string;
  created: number;
  updated: number;
  unchanged: number;
  rows: number;
  benchmarks: { violationCode: string; validFrom: string; action: 'created' | 'updated' | 'unchanged' }[];
}

const overlaps = (a: { validFrom: string; validTo: string | null }, b: { validFrom: string; validTo: string | null }) =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

export async function importBenchmarks(
  ctx: AppContext,
  who: { actor: Actor; principal: Principal | null },
  input: { file: Buffer; orgId: string; dryRun?: boolean },
): Promise<ImportResult> {
  const p = who.principal;
  if (p && !(p.roles.includes('admin') || p.roles.includes('legalReviewer'))) throw forbidden();
  if (p && !p.scope.has(input.orgId)) throw new AppError('ORG_NOT_FOUND', '制定机关不存在或不在您的管辖范围内');
  const sheets = await readBenchmarkWorkbook(input.file);
  return inTransaction(ctx, async (tx) => {
    const org = await tx.query('select 1 from orgs where id = $1', [input.orgId]);
    if (!org.rows.length) throw new AppError('ORG_NOT_FOUND', '制定机关不存在');
    const all = (
      await tx.query<ViolationRow>(
        'select id, code, name, field, owner_org_id as "ownerOrgId", active, violates, punishes, conditions, provisions from violations',
      )
    ).rows;
    const violations = new Map<string, ViolationRule>(all.map((v) => [v.code, v]));
    const parsed = parseBenchmarkSheets(sheets, violations);
    const errors: SheetRowError[] = [...parsed.errors];

    // cited articles must exist in the library
    const cited = parsed.benchmarks.flatMap((b) => [
      ...b.input.circumstances.map((c, i) => ({ id: c.articleId, sheet: 'circumstances' as const, row: b.rows.circumstances[i] })),
      ...b.input.exemptions.map((e, i) => ({ id: e.articleId, sheet: 'exemptions' as const, row: b.rows.exemptions[i] })),
    ]);
    const known = new Set(
      (
        await articlesByIds(
          tx,
          cited.map((c) => c.id),
        )
      ).map((a) => a.id),
    );
    for (const c of cited)
      if (!known.has(c.id)) errors.push({ sheet: sheetLayout[c.sheet].name, row: c.row, column: '依据条文', message: `法律法规数据库中没有条文“${c.id}”` });

    // validity: no overlap within the file, nor with the org's other benchmarks
    const plan: { b: (typeof parsed.benchmarks)[number]; existingId: string | null }[] = [];
    for (const [i, b] of parsed.benchmarks.entries()) {
      const first = b.rows.tiers[0];
      const twin = parsed.benchmarks.slice(0, i).find((o) => o.violation.id === b.violation.id && overlaps(o.input, b.input));
      if (twin)
        errors.push({
          sheet: sheetLayout.tiers.name,
          row: first,
          column: '生效日期',
          message: `与第 ${twin.rows.tiers[0]} 行起的同一违法行为的基准有效期重叠`,
        });
      const existing = (
        await tx.query<{ id: string }>('select id from discretion_benchmarks where violation_id = $1 and org_id = $2 and valid_from = $3', [
          b.violation.id,
          input.orgId,
          b.input.validFrom,
        ])
      ).rows[0];
      const o = await overlapping(tx, b.violation.id, input.orgId, b.input.validFrom, b.input.validTo, existing?.id ?? null);
      if (o && !parsed.benchmarks.some((x) => x.violation.id === b.violation.id && x.input.validFrom === o.validFrom)) {
        errors.push({
          sheet: sheetLayout.tiers.name,
          row: first,
          column: '生效日期',
          message: `有效期与已有基准（${o.documentNumber}，${o.validFrom} 至 ${o.validTo ?? '长期'}）重叠`,
        });
      }
      plan.push({ b, existingId: existing?.id ?? null });
    }
    if (errors.length) {
      errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
      throw new AppError(
        'IMPORT_INVALID',
        `导入文件有 ${errors.length} 处错误，未导入任何数据：${errors
          .slice(0, 3)
          .map((e) => `${e.sheet}第 ${e.row} 行${e.column ? `“${e.column}”` : ''}：${e.message}`)
          .join('；')}${errors.length > 3 ? '……' : ''}`,
        { errors },
      );
    }

    const batch = randomUUID();
    const result: ImportResult = { dryRun: !!input.dryRun, orgId: input.orgId, created: 0, updated: 0, unchanged: 0, rows: parsed.rows, benchmarks: [] };
    // updates first (they may end a period that a new benchmark of the file starts), then new ones
    for (const { b, existingId } of [...plan].sort((x, y) => Number(!x.existingId) - Number(!y.existingId))) {
      let action: 'created' | 'updated' | 'unchanged';
      if (existingId) {
        if (input.dryRun) {
          action = benchmarkChanges((await findBenchmark(tx, existingId))!, b.input).changed.length ? 'updated' : 'unchanged';
        } else {
          action = (await changeBenchmark(tx, ctx, who.actor, existingId, b.input, batch)).length ? 'updated' : 'unchanged';
        }
      } else {
        if (!input.dryRun) await insertBenchmark(tx, ctx, who.actor, b.violation, input.orgId, b.input, batch);
        action = 'created';
      }
      result[action]++;
      result.benchmarks.push({ violationCode: b.violation.code, validFrom: b.input.validFrom, action });
    }
    return result;
  });
}
