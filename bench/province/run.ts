/**
 * bench/province — a province's year on one machine, then 200 concurrent users on the real server.
 *
 *   npm run bench:province                                   # PROVINCE_SCALE=0.05: a few minutes
 *   PROVINCE_SCALE=1 npm run bench:province                  # 100,000 officers, 200,000 cases, 1,000,000 publications
 *
 *   PROVINCE_DATABASE_URL  a PostgreSQL server's owner address (default postgres://postgres@127.0.0.1:5432/postgres);
 *                          a database fazhi_province_<pid> is created on it and dropped at the end (PROVINCE_KEEP=1 keeps it)
 *   PROVINCE_USERS         concurrent users of the load (default 200), PROVINCE_SECONDS its length (default 60), after
 *                          PROVINCE_WARMUP_SECONDS (default 15) at a tenth of the users, not reported
 *   PROVINCE_CLASS_SECONDS then each class alone at 20 connections for this long (default 8; 0 = skip), for its CPU cost
 *   PROVINCE_WORKERS       the server's worker processes (WEB_CONCURRENCY; default: the server's own default)
 *
 * Prints what was generated and how long each kind took, the record's verification, then per route class
 * (staff: case list, case detail, law search, power list; public: portal pages, publication search, record
 * proofs; baseline: GET /api/health) requests/s, p50/p95/p99 and errors, and each class's p50 as a multiple
 * of the baseline's in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createContext, openDatabase } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { verifyRecord } from '../../src/platform/record/verify.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';
import { FULL, generateProvince } from './generate.ts';
import { type ClassResult, cpuSince, cpuSnapshot, freePort, login, processTree, type RouteClass, runLoad, type Session, startServer } from './load.ts';

const SCALE = Number(process.env.PROVINCE_SCALE ?? 0.05);
const USERS = Number(process.env.PROVINCE_USERS ?? 200);
const SECONDS = Number(process.env.PROVINCE_SECONDS ?? 60);
const WARMUP = Number(process.env.PROVINCE_WARMUP_SECONDS ?? 15);
const CLASS_SECONDS = Number(process.env.PROVINCE_CLASS_SECONDS ?? 8);
const ADMIN_URL = process.env.PROVINCE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APP_LOGIN = 'fazhi_bench_app';

if (!(SCALE > 0 && SCALE <= 1)) throw new Error(`PROVINCE_SCALE must be in (0, 1], got ${process.env.PROVINCE_SCALE}`);

const withDb = (url: string, db: string, user?: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
};
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const fmt = (x: number, d = 0) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

const name = `fazhi_province_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const ownerUrl = withDb(ADMIN_URL, name);
const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-province-'));
const env = { DATA_DIR: dataDir, DATABASE_URL: withDb(ADMIN_URL, name, APP_LOGIN), MIGRATION_DATABASE_URL: ownerUrl };
const ownerPool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
let server: Awaited<ReturnType<typeof startServer>> | null = null;
let ctx: Awaited<ReturnType<typeof createContext>> | null = null;

try {
  console.log(
    `=== bench/province: scale ${SCALE} of a province's year (${fmt(FULL.officers * SCALE)} officers, ${fmt(FULL.cases * SCALE)} cases, ${fmt(FULL.publications * SCALE)} publications) on PostgreSQL, ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}) ===`,
  );
  const config = loadConfig(env as NodeJS.ProcessEnv);
  ctx = await createContext(config, await openDatabase(config));
  const t0 = performance.now();
  const g = await generateProvince(ctx, ownerPool, SCALE);
  const genMs = performance.now() - t0;
  await ctx.ledger.signTreeHead(ctx.db);
  const counts = (
    await ctx.db.query<
      Record<string, number>
    >(`select (select count(*) from orgs where is_enforcement_body)::int as bodies, (select count(*) from orgs)::int as orgs,
      (select count(*) from officers)::int as officers, (select count(*) from users)::int as users, (select count(*) from cases)::int as cases,
      (select count(*) from publications)::int as publications, (select size from ledger_head)::int as entries, (select count(*) from ledger_nodes)::int as nodes`)
  ).rows[0];
  const size = (await ctx.db.query<{ s: string }>(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0].s;
  console.log(
    `generated in ${fmt(genMs / 1000, 1)} s: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${fmt(v)}`)
      .join(', ')}; database ${size}`,
  );
  const tables = (
    await ctx.db.query<{ t: string; mb: number }>(
      `select relname as t, round(pg_total_relation_size(c.oid) / 1048576.0)::int as mb from pg_class c
        where relkind = 'r' and relnamespace = current_schema()::regnamespace order by pg_total_relation_size(c.oid) desc limit 8`,
    )
  ).rows;
  console.log(`largest tables (MB, with indexes): ${tables.map((r) => `${r.t} ${fmt(r.mb)}`).join(', ')}`);

  const v = await verifyRecord(ctx.db, { publicKeyPem: ctx.ledger.signer.publicKeyPem, blobs: ctx.blobs, fallbackAlg: ctx.ledger.hashAlg });
  console.log(
    `ledger verify: ${v.ok ? 'ok' : `FAILED ${JSON.stringify(v.firstProblem)}`} — ${fmt(v.size)} entries, ${v.treeHeadsChecked} tree heads, ${v.blobsChecked} blobs in ${fmt(v.elapsedMs / 1000, 1)} s (${fmt(v.size / (v.elapsedMs / 1000))} entries/s)`,
  );
  if (!v.ok) process.exitCode = 1;

  // what the load asks for: each county's visible cases, publications to prove, the demo bureau's staff for the power list
  const caseIds = new Map<string, string[]>();
  for (const c of g.counties) {
    const officer = (await ctx.db.query<{ id: string }>('select id from cases where unit_id = $1 order by id limit 100', [c.units[0]])).rows.map((r) => r.id);
    const leader = (await ctx.db.query<{ id: string }>('select id from cases where body_id = $1 order by id limit 100', [c.bodyId])).rows.map((r) => r.id);
    caseIds.set(c.users[0], officer);
    caseIds.set(c.users[1], leader);
  }
  const pubIds = (await ctx.db.query<{ id: string }>(`select id from publications where state = 'published' order by random() limit 2000`)).rows.map(
    (r) => r.id,
  );
  const usccs = (
    await ctx.db.query<{ u: string }>(`select party_uscc as u from publications where party_uscc is not null order by random() limit 200`)
  ).rows.map((r) => r.u);
  await ctx.db.close();
  ctx = null;

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ts = performance.now();
  server = await startServer({
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '0',
    LOGIN_ATTEMPTS_PER_MINUTE: '0',
    LOGIN_FAILURES_PER_MINUTE: '100000',
    ...(process.env.PROVINCE_WORKERS ? { WEB_CONCURRENCY: process.env.PROVINCE_WORKERS } : {}),
  });
  console.log(
    `server: ${server
      .log()
      .split('\n')
      .find((l) => l.includes('法治平台已启动'))
      ?.trim()} (${fmt((performance.now() - ts) / 1000, 1)} s)`,
  );

  const tl = performance.now();
  const sessions: Session[] = [];
  for (let i = 0; i < g.staffUsers.length; i += 8)
    sessions.push(...(await Promise.all(g.staffUsers.slice(i, i + 8).map((u) => login(base, u, DEMO_PASSWORD)))));
  const demoStaff = await Promise.all(['admin', 'lingdao', 'zhifa'].map((u) => login(base, u, DEMO_PASSWORD)));
  console.log(`logged in ${sessions.length + demoStaff.length} staff users in ${fmt((performance.now() - tl) / 1000, 1)} s`);

  const lawTerms = ['罚款', '食品', '保质期', '价格', '广告', '行政处罚', '食品安全', '计量', '没收违法所得', '罚', '经营者', '市场监督管理部门'];
  const pubTerms = ['超市', '鑫隆', '保质期', '便利店 有限公司', '', '示例省', '隆'];
  const share = (w: number) => Math.max(1, Math.round((USERS * w) / 100));
  const classes: RouteClass[] = [
    {
      name: 'staff: case list',
      audience: 'staff',
      connections: share(20),
      next: () => {
        const r = Math.random();
        return {
          session: pick(sessions),
          path: r < 0.5 ? '/api/cases?limit=50' : r < 0.8 ? '/api/cases?inbox=mine' : `/api/cases?q=${encodeURIComponent(pick(['鑫隆', '超市', '食品']))}`,
        };
      },
    },
    {
      name: 'staff: case detail',
      audience: 'staff',
      connections: share(15),
      next: () => {
        const s = pick(sessions);
        const ids = caseIds.get(s.username) ?? [];
        return { session: s, path: ids.length ? `/api/cases/${pick(ids)}` : '/api/cases?limit=1' };
      },
    },
    {
      name: 'staff: law search',
      audience: 'staff',
      connections: share(10),
      next: () => ({ session: pick(sessions), path: `/api/laws/search?q=${encodeURIComponent(pick(lawTerms))}` }),
    },
    { name: 'staff: power list', audience: 'staff', connections: share(8), next: () => ({ session: pick(demoStaff), path: '/api/powers' }) },
    {
      name: 'public: portal pages',
      audience: 'public',
      connections: share(17),
      next: () => {
        const r = Math.random();
        return {
          session: null,
          path: r < 0.3 ? '/' : r < 0.65 ? `/portal/decisions?q=${encodeURIComponent(pick(pubTerms))}` : `/portal/decisions/${pick(pubIds)}`,
        };
      },
    },
    {
      name: 'public: publication search',
      audience: 'public',
      connections: share(15),
      next: () => ({ session: null, path: `/api/public/publications?q=${encodeURIComponent(Math.random() < 0.15 ? pick(usccs) : pick(pubTerms))}` }),
    },
    {
      name: 'public: record proof',
      audience: 'public',
      connections: share(10),
      next: () => ({ session: null, path: `/api/public/publications/${pick(pubIds)}/proof` }),
    },
    { name: 'baseline: GET /api/health', audience: 'baseline', connections: share(5), next: () => ({ session: null, path: '/api/health' }) },
  ];
  const total = classes.reduce((s, c) => s + c.connections, 0);
  await runLoad(
    base,
    classes.map((c) => ({ ...c, connections: Math.max(1, Math.round(c.connections / 10)) })),
    WARMUP,
  );
  console.log(
    `load: ${total} concurrent connections for ${SECONDS} s against ${base} (after ${WARMUP} s of warm-up); load average before ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const procs = async () => ({
    node: processTree(server?.child.pid ?? 0),
    pg: (await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name])).rows.map((r) => r.pid),
  });
  /** CPU (ms) the server's processes and its database sessions used during `fn`, per request */
  const measured = async <T extends ClassResult[]>(fn: () => Promise<T>) => {
    const p0 = await procs();
    const s0 = cpuSnapshot([...p0.node, ...p0.pg]);
    const r = await fn();
    const p1 = await procs();
    const node = cpuSince(s0, p1.node);
    const db = cpuSince(s0, p1.pg);
    const n = r.reduce((s, x) => s + x.requests, 0);
    return { r, node, db, perRequest: (node + db) / Math.max(1, n), nodePer: node / Math.max(1, n), dbPer: db / Math.max(1, n) };
  };
  const mixed = await measured(() => runLoad(base, classes, SECONDS));
  const results = mixed.r;
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (other processes share the machine: compare classes with the baseline of the same run)`,
  );
  const baseline = results.find((r) => r.audience === 'baseline');
  console.log(
    `${'route class'.padEnd(28)} ${'conns'.padStart(5)} ${'requests'.padStart(9)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'max ms'.padStart(7)} ${'errors'.padStart(6)} ${'p50/baseline'.padStart(12)}`,
  );
  for (const r of results) {
    console.log(
      `${r.name.padEnd(28)} ${String(r.connections).padStart(5)} ${fmt(r.requests).padStart(9)} ${fmt(r.rps, 1).padStart(7)} ${fmt(r.p50).padStart(7)} ${fmt(r.p95).padStart(7)} ${fmt(r.p99).padStart(7)} ${fmt(r.max).padStart(7)} ${String(r.errors).padStart(6)} ${baseline ? `${fmt(r.p50 / Math.max(1, baseline.p50), 1)}×`.padStart(12) : ''}`,
    );
    for (const s of r.samples) console.log(`    ${s}`);
  }
  const all = results.reduce((s, r) => s + r.requests, 0);
  const errors = results.reduce((s, r) => s + r.errors, 0);
  console.log(`all classes: ${fmt(all)} requests, ${fmt(all / SECONDS)} req/s, errors ${errors}`);
  console.log(
    `CPU used by the server during the mixed load: application ${fmt(mixed.node / 1000, 1)} s, PostgreSQL ${fmt(mixed.db / 1000, 1)} s = ${fmt(mixed.perRequest, 1)} ms per request (${fmt(mixed.nodePer, 1)} application + ${fmt(mixed.dbPer, 1)} database) → ${fmt(1000 / mixed.perRequest)} req/s per fully available core of this mix`,
  );
  if (CLASS_SECONDS > 0) {
    console.log(`each class alone, ${Math.min(20, USERS)} connections, ${CLASS_SECONDS} s (CPU per request: application + database):`);
    for (const c of classes) {
      const one = await measured(() => runLoad(base, [{ ...c, connections: Math.min(20, USERS) }], CLASS_SECONDS));
      const x = one.r[0];
      console.log(
        `  ${x.name.padEnd(28)} ${fmt(x.rps, 1).padStart(7)} req/s  p50 ${fmt(x.p50).padStart(5)}  p95 ${fmt(x.p95).padStart(5)}  p99 ${fmt(x.p99).padStart(5)} ms  errors ${x.errors}  CPU ${fmt(one.nodePer, 1)} + ${fmt(one.dbPer, 1)} ms`,
      );
      for (const s of x.samples.slice(0, 2)) console.log(`    ${s}`);
    }
  }
  if (errors > 0) {
    process.exitCode = 1;
    // the server logs every 5xx with its request id (structured JSON on stdout): the first few, for the reason
    const logged = server
      .log()
      .split('\n')
      .filter((l) => l.startsWith('{') && /"level":(50|60)/.test(l));
    for (const l of logged.slice(0, 5)) console.log(`server: ${l.slice(0, 600)}`);
  }
} finally {
  await ctx?.db.close();
  await server?.stop();
  await ownerPool.end();
  await new Promise((r) => setTimeout(r, 1000));
  if (process.env.PROVINCE_KEEP !== '1') await admin.query(`drop database if exists ${name} with (force)`);
  else console.log(`kept database ${name} (data directory ${dataDir})`);
  await admin.end();
  if (process.env.PROVINCE_KEEP !== '1') rmSync(dataDir, { recursive: true, force: true });
}
