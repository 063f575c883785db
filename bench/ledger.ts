/**
 * bench/ledger — the enforcement record's cost, measured against baselines in the same run.
 *
 *   npm run bench:ledger                 # PGlite, and PostgreSQL when BENCH_DATABASE_URL is set
 *   BENCH_N=2000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ledger
 *
 * 1. The record's write path: a one-row transaction that also appends its record entry, against the same plain
 *    one-row transaction (throughput ratio; the goal of issue 19 is ≥ 0.8, and concurrency never slower than
 *    sequential), sequentially and with BENCH_CONCURRENCY clients on PostgreSQL. Also the real command path
 *    (createOfficer: validation, authorization, row insert, record entry, commit) for reference, and the
 *    integration lag observed meanwhile (the oldest entry without a position; the promise is the MMD).
 * 2. `ledger verify` throughput (entries/s, MB/s) against raw SM3 hashing of the same bytes (ratio ≥ 0.7 is the goal).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createContext, openDatabase } from '../src/app.ts';
import { hashBytes } from '../src/domain/merkle.ts';
import { createOfficer } from '../src/modules/officers/commands/create-officer.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { openPglite } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { Principal } from '../src/platform/policies.ts';
import { leafData, rowToEntry, SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { verifyRecord } from '../src/platform/record/verify.ts';
import { seedDemo } from '../src/seed/demo.ts';

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const BASELINE_TABLE = 'create table if not exists bench_baseline (id serial primary key, org_id text, name text, created_at timestamptz default now())';

const rate = (n: number, ms: number) => (n / ms) * 1000;
const fmt = (x: number) => x.toLocaleString('en-US', { maximumFractionDigits: 0 });

async function principalOf(ctx: AppContext): Promise<{ p: Principal; org: string }> {
  const u = (await ctx.db.query<{ id: string; org_id: string }>(`select id, org_id from users where username = 'admin'`)).rows[0];
  const scope = (await ctx.db.query<{ id: string }>('select id from orgs')).rows.map((r) => r.id);
  const org = (await ctx.db.query<{ id: string }>(`select id from orgs where name = '第一市场监管所'`)).rows[0].id;
  return { p: { userId: u.id, username: 'admin', displayName: '基准测试', roles: ['admin'], orgId: u.org_id, scope: new Set(scope) }, org };
}

async function runPool<T>(n: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

/** Samples the oldest pending entry's age while `run` runs; returns the largest seen and the time to drain after it. */
async function withLag(ctx: AppContext, run: () => Promise<void>): Promise<{ maxLagMs: number; drainMs: number }> {
  let maxLagMs = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const p = await ctx.ledger.pending(ctx.db);
      maxLagMs = Math.max(maxLagMs, p.oldestAgeMs ?? 0);
      await new Promise((res) => setTimeout(res, 25));
    }
  })();
  await run();
  done = true;
  await sampler;
  const t = performance.now();
  for (;;) {
    const p = await ctx.ledger.pending(ctx.db);
    maxLagMs = Math.max(maxLagMs, p.oldestAgeMs ?? 0);
    if (p.count === 0) break;
    await new Promise((res) => setTimeout(res, 5));
  }
  return { maxLagMs, drainMs: performance.now() - t };
}

async function benchAppends(label: string, ctx: AppContext, concurrency: number) {
  const { p, org } = await principalOf(ctx);
  // warm-up
  for (let i = 0; i < 20; i++) await createOfficer(ctx, p, { orgId: org, name: `预热${i}` });
  await ctx.ledger.catchUp(ctx.db);

  let t = performance.now();
  await runPool(N, concurrency, (i) => ctx.db.transaction((tx) => tx.query('insert into bench_baseline (org_id, name) values ($1, $2)', [org, `基线${i}`])));
  const baseMs = performance.now() - t;

  let recMs = 0;
  const lag = await withLag(ctx, async () => {
    t = performance.now();
    await runPool(N, concurrency, (i) =>
      ctx.db.transaction(async (tx) => {
        const r = await tx.query<{ id: number }>('insert into bench_baseline (org_id, name) values ($1, $2) returning id', [org, `记录${i}`]);
        await ctx.ledger.append(tx, {
          actor: SYSTEM_ACTOR,
          orgId: org,
          matterType: 'bench',
          matterId: String(r.rows[0].id),
          eventType: 'org.updated',
          payload: { orgId: org, changes: { note: `基准测试第 ${i} 条`, row: r.rows[0].id } },
        });
      }),
    );
    recMs = performance.now() - t;
  });

  t = performance.now();
  await runPool(N, concurrency, (i) => createOfficer(ctx, p, { orgId: org, name: `基准${i}`, employeeNo: `B${label.length}-${i}` }));
  const cmdMs = performance.now() - t;
  await ctx.ledger.catchUp(ctx.db);

  const res = { base: rate(N, baseMs), rec: rate(N, recMs), cmd: rate(N, cmdMs) };
  console.log(
    `  ${label.padEnd(22)} plain transaction ${fmt(res.base).padStart(6)} tx/s | + record entry ${fmt(res.rec).padStart(6)} tx/s, ratio ${(res.rec / res.base).toFixed(2)} | createOfficer ${fmt(res.cmd).padStart(5)}/s (${(res.cmd / res.base).toFixed(2)}) | integration lag ≤ ${fmt(lag.maxLagMs)} ms, drained ${fmt(lag.drainMs)} ms after`,
  );
  return res;
}

async function benchVerify(ctx: AppContext) {
  // raw SM3 over exactly the bytes verify hashes: each payload and each leaf's data
  await ctx.ledger.catchUp(ctx.db);
  const rows = (
    await ctx.db.query(`select seq, recorded_at as "recordedAt", actor_id as "actorId", actor_name as "actorName", org_id as "orgId",
    matter_type as "matterType", matter_id as "matterId", event_type as "eventType", payload, payload_hash as "payloadHash", leaf_hash as "leafHash",
    hash_alg as "hashAlg" from ledger_entries order by seq`)
  ).rows.map(rowToEntry);
  const buffers = rows.flatMap((e) => [Buffer.from(e.payload), Buffer.concat([Buffer.from([0]), Buffer.from(leafData(e))])]);
  const bytes = buffers.reduce((s, b) => s + b.length, 0);
  let t = performance.now();
  for (const b of buffers) hashBytes('sm3', b);
  const rawMs = performance.now() - t;

  t = performance.now();
  const report = await verifyRecord(ctx.db, { publicKeyPem: ctx.ledger.signer.publicKeyPem, fallbackAlg: 'sm3' });
  const verifyMs = performance.now() - t;
  if (!report.ok) throw new Error(`verify failed: ${JSON.stringify(report.firstProblem)}`);
  // raw hashing again after verify (the machine is shared: the baseline is the better of two)
  t = performance.now();
  for (const b of buffers) hashBytes('sm3', b);
  const rawMs2 = Math.min(rawMs, performance.now() - t);
  console.log(
    `  verify ${fmt(report.size)} entries: ${fmt(rate(report.size, verifyMs))} entries/s, ${(bytes / 1e6 / (verifyMs / 1000)).toFixed(1)} MB/s | raw SM3 of the same ${(bytes / 1e6).toFixed(1)} MB: ${(bytes / 1e6 / (rawMs2 / 1000)).toFixed(1)} MB/s | throughput ratio ${(rawMs2 / verifyMs).toFixed(2)}`,
  );
}

async function main() {
  console.log(`bench/ledger: N=${N} commands per run, concurrency ${CONCURRENCY} on PostgreSQL (PGlite is single-connection)`);
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-'));
  try {
    console.log('PGlite (embedded, file-backed in a temp DATA_DIR):');
    {
      const config = loadConfig({ DATA_DIR: dir } as NodeJS.ProcessEnv);
      const db = await openPglite(dir);
      await migrate(db);
      await db.exec(BASELINE_TABLE);
      const ctx = await createContext(config, db);
      await seedDemo(ctx);
      await benchAppends('sequential', ctx, 1);
      await ctx.ledger.signTreeHead(ctx.db, true);
      await benchVerify(ctx);
      await db.close();
    }
    const url = process.env.BENCH_DATABASE_URL;
    if (url) {
      console.log('PostgreSQL (server, application role):');
      const name = `fazhi_bench_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const u = new URL(url);
        u.pathname = `/${name}`;
        const config = loadConfig({ DATA_DIR: dir, DATABASE_URL: u.toString() } as NodeJS.ProcessEnv);
        const ctx = await createContext(config, await openDatabase(config));
        // the baseline table is created by the owner: the application role may not create tables
        const owner = new pg.Client({ connectionString: u.toString() });
        await owner.connect();
        await owner.query(`${BASELINE_TABLE}; grant all on bench_baseline to fazhi_app; grant all on sequence bench_baseline_id_seq to fazhi_app`);
        await owner.end();
        await seedDemo(ctx);
        const seq = await benchAppends('sequential', ctx, 1);
        const conc = await benchAppends(`${CONCURRENCY} concurrent clients`, ctx, CONCURRENCY);
        console.log(
          `  concurrency vs sequential: record entry ${(conc.rec / seq.rec).toFixed(2)}×, createOfficer ${(conc.cmd / seq.cmd).toFixed(2)}×, plain ${(conc.base / seq.base).toFixed(2)}×`,
        );
        await ctx.ledger.signTreeHead(ctx.db, true);
        await benchVerify(ctx);
        await ctx.db.close();
      } finally {
        // the pool has closed its connections (Db.close waits for them): nothing to terminate
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      }
    } else {
      console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL)');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
