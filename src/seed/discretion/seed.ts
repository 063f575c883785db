/**
 * Demo content: the sample violations, the district bureau's benchmarks and its 较大数额 — written
 * through the same commands as the API (so each is in the record and cites the law). Call it after
 * the law library is seeded.
 */
import { insertBenchmark } from '../../modules/discretion/commands/benchmarks.ts';
import { insertThreshold } from '../../modules/discretion/commands/thresholds.ts';
import { insertViolation } from '../../modules/discretion/commands/violations.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db/index.ts';
import { SYSTEM_ACTOR } from '../../platform/record/ledger.ts';
import { revisedSp001, sampleBenchmarkDocument, sampleThresholds, sampleValidTo, sampleViolations } from './samples.ts';

export async function seedDiscretion(ctx: AppContext, tx: Queryable, orgIds: Record<string, string>): Promise<{ violations: number; benchmarks: number }> {
  const a = SYSTEM_ACTOR;
  const district = orgIds.district;
  let benchmarks = 0;
  for (const s of sampleViolations) {
    const { benchmark, ...v } = s;
    const id = await insertViolation(tx, ctx, a, { ...v, ownerOrgId: district });
    const violation = { ...v, id };
    await insertBenchmark(tx, ctx, a, violation, district, { ...sampleBenchmarkDocument, validTo: sampleValidTo(s.code), ...benchmark });
    benchmarks++;
    if (s.code === 'SP-001') {
      await insertBenchmark(tx, ctx, a, violation, district, revisedSp001(s));
      benchmarks++;
    }
  }
  for (const t of sampleThresholds) await insertThreshold(tx, ctx, a, { ...t, orgId: district, documentNumber: t.documentNumber ?? null });
  return { violations: sampleViolations.length, benchmarks };
}
