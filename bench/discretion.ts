/**
 * bench/discretion — how fast the discretion calculator answers, measured in the same run against a
 * baseline.
 *
 *   npx tsx bench/discretion.ts                    # PGlite; BENCH_DATABASE_URL=postgres://… for PostgreSQL too
 *
 * 1. the pure calculator (domain/discretion/calculate.ts) over every golden case: calculations/s,
 *    against the cost of copying each case's input (structuredClone), the floor of any call.
 * 2. the full service path (runCalculation: load the violation, benchmarks and thresholds of the
 *    org chain, calculate, look up every cited article, digest the rules): calls/s and p50/p95,
 *    against one `select 1` round trip on the same database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createContext, openDatabase } from '../src/app.ts';
import { calculateDiscretion } from '../src/domain/discretion/calculate.ts';
import { loadGoldenCases } from '../src/domain/discretion/golden/cases.ts';
import { runCalculation } from '../src/modules/discretion/calculate.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { Principal } from '../src/platform/policies.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { sampleRules } from '../src/seed/discretion/rules.ts';

const fmt = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d });
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const cases = loadGoldenCases().filter((c) => !c.expect.error);

function pure(): void {
  const rules = sampleRules('district');
  const data = new Map(
    rules.violations.map((v) => [
      v.id,
      { violation: v, benchmarks: rules.benchmarks.filter((b) => b.violationId === v.id), orgChain: ['district', 'city'], thresholds: rules.thresholds },
    ]),
  );
  const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
  let t = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of cases) structuredClone(c.input);
  const floor = performance.now() - t;
  t = performance.now();
  for (let r = 0; r < rounds; r++) for (const c of cases) calculateDiscretion({ violationId: c.violation, ...c.input }, data.get(c.violation)!);
  const ms = performance.now() - t;
  const n = rounds * cases.length;
  console.log(
    `纯函数计算器：${fmt(n)} 次（${cases.length} 个黄金用例 × ${rounds} 轮），${fmt((n / ms) * 1000)} 次/秒，平均 ${fmt((ms / n) * 1000, 1)} µs/次；基线（复制输入）${fmt((n / floor) * 1000)} 次/秒`,
  );
}

async function service(label: string, databaseUrl?: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-discretion-'));
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' } as NodeJS.ProcessEnv);
  const db = databaseUrl ? await openDatabase(config) : await openPglite('memory');
  if (!databaseUrl) await migrate(db);
  const ctx = await createContext(config, db);
  try {
    if (!(await db.query('select 1 from orgs limit 1')).rows.length) await seedDemo(ctx);
    const u = (await db.query<{ id: string; org_id: string }>(`select id, org_id from users where username = 'admin'`)).rows[0];
    const scope = (await db.query<{ id: string }>('select id from orgs')).rows.map((r) => r.id);
    const p: Principal = { userId: u.id, username: 'admin', displayName: '基准测试', roles: ['admin'], orgId: u.org_id, scope: new Set(scope) };
    const n = Number(process.env.BENCH_N ?? 400);
    const base: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await db.query('select 1');
      base.push(performance.now() - t);
    }
    const lat: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const c = cases[i % cases.length];
      const t = performance.now();
      await runCalculation(db, p, { violation: c.violation, ...c.input, bases: c.input.bases as Record<string, number> });
      lat.push(performance.now() - t);
    }
    const ms = performance.now() - t0;
    console.log(
      `${label} 服务路径：${fmt(n)} 次，${fmt((n / ms) * 1000)} 次/秒，p50 ${fmt(pct(lat, 50), 2)} ms，p95 ${fmt(pct(lat, 95), 2)} ms；基线 select 1：p50 ${fmt(pct(base, 50), 3)} ms`,
    );
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh database on the server of `url`, dropped afterwards. */
async function withFreshDatabase(url: string, fn: (url: string) => Promise<void>): Promise<void> {
  const name = `fazhi_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  try {
    await fn(u.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

pure();
await service('PGlite');
if (process.env.BENCH_DATABASE_URL) await withFreshDatabase(process.env.BENCH_DATABASE_URL, (url) => service('PostgreSQL', url));
