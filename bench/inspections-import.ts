/**
 * bench/inspections-import — a target-pool (检查对象名录库) import of N rows through the real command
 * (read, check every row, merge by uscc in one transaction, one record entry appended before the rows —
 * the pool's record check is per statement since migration 0020), against reading the same workbook
 * alone, in the same run; the progress phases as the caller sees them.
 *
 *   npx tsx bench/inspections-import.ts          (BENCH_N=200000 by default; BENCH_DATABASE_URL for PostgreSQL)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, openDatabase } from '../src/app.ts';
import { usccCheckChar } from '../src/domain/codes.ts';
import { importTargets } from '../src/modules/inspections/commands/import-targets.ts';
import { readTargetFile, writeTargetWorkbook } from '../src/modules/inspections/xlsx.ts';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';

const N = Number(process.env.BENCH_N ?? 200_000);
const s = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
const uscc = (i: number) => {
  const first = `91990105MA${String(i).padStart(7, '0')}`;
  return first + usccCheckChar(first)!;
};

let t = performance.now();
const file = await writeTargetWorkbook(
  (function* () {
    for (let i = 0; i < N; i++) {
      yield {
        uscc: uscc(i),
        name: `示例区食品经营者${i}号`,
        entityType: i % 2 ? '个体工商户' : '有限责任公司',
        legalRep: `经营者${i}`,
        address: `示例区人民路${i}号`,
        divisionCode: '990105',
        industry: ['食品销售', '餐饮服务', '单位食堂'][i % 3],
        licences: `JY2990105${i}`,
        riskClass: (['A', 'B', 'C', 'D'] as const)[i % 4],
        status: 'active' as const,
      };
    }
  })(),
);
console.log(`bench/inspections-import: ${N.toLocaleString()} rows, ${(file.length / 1024 / 1024).toFixed(1)} MiB .xlsx (written in ${s(t)})`);

const url = process.env.BENCH_DATABASE_URL;
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) } as NodeJS.ProcessEnv);
const db = url ? await openDatabase(config) : await openPglite('memory');
if (!url) await migrate(db);
const ctx = await createContext(config, db);
const bodyId = await db.transaction((tx) =>
  insertOrg(tx, ctx, SYSTEM_ACTOR, {
    parentId: null,
    name: `基准测试局${Date.now()}`,
    kind: 'bureau',
    isEnforcementBody: true,
    legalBasis: '《中华人民共和国行政处罚法》第十八条',
    divisionCode: '990105',
  }),
);

t = performance.now();
const rows = await readTargetFile(file);
const readMs = performance.now() - t;
console.log(`  baseline: read the workbook (${rows.length.toLocaleString()} rows) ${(readMs / 1000).toFixed(1)} s`);

let last = '';
t = performance.now();
const dry = await importTargets(ctx, SYSTEM_ACTOR, { bodyId, file, fileName: 'bench.xlsx', dryRun: true });
console.log(`  dry run (read + check every row): ${s(t)}, ${dry.rows.toLocaleString()} rows`);
t = performance.now();
const r = await importTargets(ctx, SYSTEM_ACTOR, { bodyId, file, fileName: 'bench.xlsx' }, (p) => {
  const now = `${p.phase} ${p.done}`;
  if (p.phase !== last.split(' ')[0]) console.log(`    … ${p.phase} at ${s(t)}`);
  last = now;
});
const importMs = performance.now() - t;
console.log(
  `  import (${db.kind}): ${(importMs / 1000).toFixed(1)} s — added ${r.added.toLocaleString()} — ${(importMs / readMs).toFixed(2)}× reading the file`,
);
t = performance.now();
const again = await importTargets(ctx, SYSTEM_ACTOR, { bodyId, file, fileName: 'bench.xlsx' });
console.log(`  re-import of the same file (merge by uscc, ${again.unchanged.toLocaleString()} unchanged): ${s(t)}`);
console.log(importMs < 20_000 ? '  OK: within 20 s (issue 19)' : '  SLOW: over the 20 s of issue 19');
await db.close();
