/**
 * bench/workers — what several worker processes buy on PostgreSQL, and what the shared rate-limit store costs, in one
 * run (ratios to a baseline measured alongside, since the machine is shared and noisy).
 *
 * 1. `npm start` (src/server.ts) with WEB_CONCURRENCY=1 and with N (default: the number of cores), alternating, each
 *    measured for BENCH_SECONDS with BENCH_CONCURRENCY keep-alive connections on a simple authenticated read,
 *    `GET /api/auth/me` (the session lookup, the user, the org subtree): requests per second and the ratio N : 1.
 * 2. One worker, the public `GET /api/public/bodies` (counted by the rate limit) with RATE_LIMIT_STORE=memory
 *    (baseline), database and — with BENCH_REDIS_URL — redis: requests per second and the ratio to memory; and the
 *    store's own cost per counted request: BENCH_HITS sequential upserts into rate_limit_hits, and as many Redis
 *    increments (the plugin's Lua script), in µs per hit.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test BENCH_REDIS_URL=redis://127.0.0.1:6379 npx tsx bench/workers.ts
 *   BENCH_WORKERS=… BENCH_SECONDS=… BENCH_CONCURRENCY=… BENCH_ROUNDS=… BENCH_HITS=…
 *
 * The load generator runs in a worker thread of this process (plain node:http with keep-alive): on a small machine
 * it competes with the server for the cores, which is part of what the numbers say.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

const URL_ = process.env.BENCH_DATABASE_URL;
if (!URL_) {
  console.error('BENCH_DATABASE_URL (a PostgreSQL server where a database may be created) is required');
  process.exit(2);
}
const N = Number(process.env.BENCH_WORKERS ?? availableParallelism());
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const HITS = Number(process.env.BENCH_HITS ?? 2000);
const REDIS_URL = process.env.BENCH_REDIS_URL;
const ROOT = join(import.meta.dirname, '..');

const withDb = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A load of `concurrency` keep-alive connections on one GET for `seconds`, in a worker thread: ok answers per second. */
function load(url: string, headers: Record<string, string>, seconds: number, concurrency: number): Promise<{ rps: number; errors: number }> {
  const code = `
    const http = require('node:http');
    const { workerData, parentPort } = require('node:worker_threads');
    const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.concurrency });
    const end = Date.now() + workerData.seconds * 1000;
    let ok = 0, errors = 0;
    const one = () => new Promise((resolve) => {
      const req = http.get(workerData.url, { agent, headers: workerData.headers }, (res) => {
        res.resume();
        res.on('end', () => { res.statusCode === 200 ? ok++ : errors++; resolve(); });
      });
      req.on('error', () => { errors++; resolve(); });
    });
    const loop = async () => { while (Date.now() < end) await one(); };
    const t0 = Date.now();
    Promise.all(Array.from({ length: workerData.concurrency }, loop)).then(() =>
      parentPort.postMessage({ rps: ok / ((Date.now() - t0) / 1000), errors }));
  `;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { url, headers, seconds, concurrency } });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

interface Server {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function start(databaseUrl: string, dataDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DATABASE_READ_URL: '', REDIS_URL: '', ...env },
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const workers = Number(env.WEB_CONCURRENCY ?? 1);
  const end = Date.now() + 300_000;
  // every worker listening: as many leader-or-not workers as asked for answer (the start-up line comes with the first)
  while (!/法治平台已启动/.test(log)) {
    if (Date.now() > end || child.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 3000 + workers * 1500)); // the other workers' start-up
  return {
    base: `http://127.0.0.1:${port}`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        process.kill(child.pid!, 'SIGTERM');
      }),
  };
}

async function session(base: string): Promise<Record<string, string>> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'zhifa', password: DEMO_PASSWORD }),
  });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`);
  return { cookie: r.headers.getSetCookie()[0].split(';')[0] };
}

const admin = new pg.Client({ connectionString: URL_ });
await admin.connect();
const name = `fazhi_bench_workers_${randomBytes(4).toString('hex')}`;
await admin.query(`create database ${name}`);
const dbUrl = withDb(URL_, name);
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-bench-workers-'));
try {
  // ---- 1. one worker and N workers, alternating
  console.log(`GET /api/auth/me, ${CONCURRENCY} connections, ${SECONDS} s per measurement, ${ROUNDS} rounds; machine: ${availableParallelism()} cores`);
  const rps: Record<string, number[]> = { '1': [], [String(N)]: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of [1, N]) {
      const s = await start(dbUrl, dataDir, { WEB_CONCURRENCY: String(w) });
      try {
        const headers = await session(s.base);
        const r = await load(`${s.base}/api/auth/me`, headers, SECONDS, CONCURRENCY);
        rps[String(w)].push(r.rps);
        console.log(`  round ${round + 1}: ${w} worker${w > 1 ? 's' : ''}: ${r.rps.toFixed(0)} req/s${r.errors ? ` (${r.errors} errors)` : ''}`);
      } finally {
        await s.stop();
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `  mean: 1 worker ${mean(rps['1']).toFixed(0)} req/s, ${N} workers ${mean(rps[String(N)]).toFixed(0)} req/s, ratio ${(mean(rps[String(N)]) / mean(rps['1'])).toFixed(2)}`,
  );

  // ---- 2. the rate-limit store on a counted public route, one worker
  console.log(`GET /api/public/bodies (counted by the rate limit), 1 worker, ${CONCURRENCY} connections, ${SECONDS} s`);
  const stores = ['memory', 'database', ...(REDIS_URL ? ['redis'] : [])];
  const storeRps: Record<string, number> = {};
  for (const store of stores) {
    const s = await start(dbUrl, dataDir, {
      WEB_CONCURRENCY: '1',
      RATE_LIMIT_STORE: store,
      PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000000',
      ...(store === 'redis' ? { REDIS_URL: REDIS_URL! } : {}),
    });
    try {
      const r = await load(`${s.base}/api/public/bodies`, {}, SECONDS, CONCURRENCY);
      storeRps[store] = r.rps;
      console.log(
        `  ${store}: ${r.rps.toFixed(0)} req/s${r.errors ? ` (${r.errors} errors)` : ''}${store === 'memory' ? '' : `, ratio to memory ${(r.rps / storeRps.memory).toFixed(2)}`}`,
      );
    } finally {
      await s.stop();
    }
  }

  // the store's own cost per counted request, sequential (latency, not throughput)
  const { databaseRateLimitStore } = await import('../src/platform/rateLimitStore.ts');
  const { openPostgres } = await import('../src/platform/db/index.ts');
  const db = await openPostgres(dbUrl, { max: 1 });
  const Store = databaseRateLimitStore(db);
  const store = new Store();
  const incr = (st: { incr: (k: string, cb: (e: Error | null) => void, tw: number, max: number) => void }, key: string) =>
    new Promise<void>((resolve, reject) => st.incr(key, (e) => (e ? reject(e) : resolve()), 60_000, 1e9));
  const time = async (f: (i: number) => Promise<unknown>) => {
    for (let i = 0; i < 100; i++) await f(i); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < HITS; i++) await f(i);
    return ((performance.now() - t0) / HITS) * 1000;
  };
  const select1 = await time(() => db.query('select 1'));
  const upsert = await time((i) => incr(store, `bench-${i % 50}`));
  console.log(
    `per counted request, sequential, ${HITS} hits over 50 keys: database upsert ${upsert.toFixed(0)} µs (a bare 'select 1' round trip: ${select1.toFixed(0)} µs)`,
  );
  await db.close();
  if (REDIS_URL) {
    const { default: RedisStore } = (await import('@fastify/rate-limit/store/RedisStore.js' as string)) as {
      default: new (c: boolean, e: boolean, r: Redis, k: string) => { incr: (k: string, cb: (e: Error | null) => void, tw: number, max: number) => void };
    };
    const redis = new Redis(REDIS_URL);
    const rs = new RedisStore(false, false, redis, `fazhi:bench:${name}:`);
    const ping = await time(() => redis.ping());
    const rUpsert = await time((i) => incr(rs, `bench-${i % 50}`));
    console.log(`  Redis increment ${rUpsert.toFixed(0)} µs (a bare PING: ${ping.toFixed(0)} µs)`);
    await redis.quit();
  }
} finally {
  for (let i = 0; i < 50; i++) {
    const n = (await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows[0].n;
    if (n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  rmSync(dataDir, { recursive: true, force: true });
}
