/**
 * bench/powers-import — importing a large power list (.xlsx), measured against the bare cost of
 * reading the same workbook in the same run.
 *
 *   npx tsx bench/powers-import.ts                      # PGlite
 *   BENCH_N=1000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/powers-import.ts
 *
 * The demo bureau (with the law library) is seeded first; then a file of N new items (every tenth
 * with two sub-items), each citing articles as 《法名》第X条 text, is validated (dry run), imported
 * in one transaction (one record entry per item), and the list exported again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { createContext, openDatabase } from '../src/app.ts';
import { powerSheetColumns } from '../src/domain/powerSheet.ts';
import { powerCategories, powerCategoryIds } from '../src/domain/powers.ts';
import { importPowerList } from '../src/modules/powers/commands/import-power-list.ts';
import { exportPowerList } from '../src/modules/powers/export.ts';
import { readGrid } from '../src/modules/powers/xlsx.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { seedDemo } from '../src/seed/demo.ts';

const N = Number(process.env.BENCH_N ?? 1000);
const BASES = [
  '《中华人民共和国食品安全法》第三十四条、第一百二十四条',
  '《中华人民共和国产品质量法》第四十九条',
  '《中华人民共和国广告法》第五十五条',
  '《中华人民共和国价格法》第四十二条',
  '《中华人民共和国行政强制法》第九条',
];

async function buildFile(n: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('权责清单');
  ws.addRow(powerSheetColumns.map((c) => c.header));
  let made = 0;
  for (let i = 1; made < n; i++) {
    const cat = powerCategoryIds[i % powerCategoryIds.length];
    const code = `990105-${powerCategories[cat].abbr}-${String(100 + i).padStart(3, '0')}`;
    const name = `基准测试事项${i}`;
    const row = (c: string, sub: string) => [
      String(i),
      c,
      name,
      sub,
      powerCategories[cat].label,
      '示例区市场监督管理局',
      '综合行政执法大队',
      BASES[i % BASES.length],
      '1. 受理责任\n2. 审查责任\n3. 决定责任',
      '1. 不依法履行职责的\n2. 违反法定程序的',
      '二十个工作日',
      '不收费',
      '0990-86012304',
      '',
      '受理（当场）\n审查（十个工作日）',
      '申请书',
      '政务服务中心',
    ];
    ws.addRow(row(code, ''));
    made++;
    if (i % 10 === 0) for (const k of [1, 2]) if (made < n) ws.addRow(row(`${code}-0${k}`, `子项${k}`)), made++;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function run(label: string, databaseUrl?: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } as NodeJS.ProcessEnv);
  const db = databaseUrl ? await openDatabase(config) : await openPglite('memory');
  if (!databaseUrl) await migrate(db);
  const ctx = await createContext(config, db);
  try {
    let t = performance.now();
    await seedDemo(ctx);
    const seedMs = performance.now() - t;
    const approver = (await db.query<{ id: string }>(`select id from users where username = 'lingdao'`)).rows[0].id;
    const file = await buildFile(N);

    await readGrid(file); // warm-up
    t = performance.now();
    await readGrid(file);
    const readMs = performance.now() - t;
    const input = { file, reason: 'superiorRequirement' as const, note: '基准测试', effectiveOn: '2026-01-01', approverId: approver };
    t = performance.now();
    const dry = await importPowerList(ctx, { actor: SYSTEM_ACTOR, principal: null }, { ...input, dryRun: true });
    const dryMs = performance.now() - t;
    const before = (await ctx.ledger.state(db)).size;
    t = performance.now();
    const done = await importPowerList(ctx, { actor: SYSTEM_ACTOR, principal: null }, input);
    const importMs = performance.now() - t;
    const entries = (await ctx.ledger.state(db)).size - before;
    t = performance.now();
    const ex = await exportPowerList(db, null, { asOf: '2026-01-01' });
    const exportMs = performance.now() - t;

    console.log(`\n[${label}] demo seed (41 laws + power list): ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`  file: ${N} rows, ${(file.length / 1024).toFixed(0)} KiB; reading it alone (baseline): ${readMs.toFixed(0)} ms`);
    console.log(`  dry run (read + check every row): ${dryMs.toFixed(0)} ms = ${(dryMs / readMs).toFixed(1)}× the read; planned ${dry.added} adds`);
    console.log(
      `  import (one transaction, ${entries} record entries): ${importMs.toFixed(0)} ms = ${(importMs / N).toFixed(2)} ms/row, ${(importMs / readMs).toFixed(1)}× the read; added ${done.added}`,
    );
    console.log(`  export of ${ex.items} items: ${exportMs.toFixed(0)} ms`);
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  await run('PGlite');
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const name = `fazhi_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    try {
      await run('PostgreSQL', u.toString());
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
