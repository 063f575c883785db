/**
 * bench/portal — the public decision search at scale: p50/p95 of the real search (searchPublications:
 * tsquery of bigrams and single characters through the GIN index, newest first, capped count) and requests per second through
 * real HTTP from a worker thread (/api/public/publications and the server-rendered /portal/decisions), against a raw-SQL
 * baseline in the same run: the same two statements sent straight to the driver, and a naive
 * ILIKE scan of the same words.
 *
 *   npx tsx bench/portal.ts                                   # PGlite, 100 000 publications
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/portal.ts   # + PostgreSQL, 1 000 000
 *   BENCH_N=… BENCH_PG_N=… BENCH_ROUNDS=… BENCH_CONCURRENCY=… BENCH_HTTP_REQUESTS=… BENCH_PG_DB=<kept database>
 *   BENCH_SKIP_PGLITE=1 (PostgreSQL only)
 *
 * The synthetic publications are written with set-based SQL (generate_series) into the real tables
 * (a benchmark database, not the record: triggers are off for that insert); their search vectors are
 * exactly what publicationDocument gives (the vocabulary's tokens are computed once in JS). A row's name and
 * violation are drawn by a hash of its number, independent of its date (until 0020 they were i mod 800 and
 * i/7 mod 10 while the date was i mod 1000, so each day held 4 of the 800 names: 超市 appeared nowhere in
 * the newest 36 days, a pattern no register has).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { buildApp, createContext } from '../src/app.ts';
import { publicationDocument } from '../src/domain/publicity/searchTokens.ts';
import { isCommon, MAX_COUNT, searchPublications, searchSql, tokenShares } from '../src/modules/publicity/public.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite, openPostgres, type Db } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 2000);
/** BENCH_PG_DB=name: keep the PostgreSQL database (and reuse it when it already holds the publications) — for EXPLAIN between runs */
const KEEP_DB = process.env.BENCH_PG_DB;

const A = [
  '鑫隆',
  '惠民',
  '百味',
  '康源',
  '华联',
  '永辉',
  '金泰',
  '顺达',
  '宏远',
  '佳美',
  '新世纪',
  '恒通',
  '万家',
  '联华',
  '盛世',
  '福满',
  '长青',
  '瑞丰',
  '天和',
  '兴旺',
];
const B = ['超市', '便利店', '食品', '餐饮', '药房', '商贸', '科技', '百货', '小吃店', '水果店'];
const C = ['有限公司', '经营部', '分店', '商行'];
const V = [
  '经营超过保质期的食品',
  '未明码标价',
  '发布虚假广告',
  '销售不合格产品',
  '未按规定进行计量检定',
  '侵犯注册商标专用权',
  '无照经营',
  '价格欺诈',
  '特种设备未经检验使用',
  '经营标签不符合规定的食品',
];
const FIELDS = ['food', 'pricing', 'advertising', 'productQuality', 'metrology', 'trademark', 'registration', 'pricing', 'specialEquipment', 'food'];
const QUERIES = [
  { label: '常见词 超市', q: '超市' },
  { label: '字号 鑫隆', q: '鑫隆' },
  { label: '全称（少）', q: '鑫隆超市有限公司' },
  { label: '违法行为', q: '超过保质期' },
  { label: '统一社会信用代码', q: 'USCC' },
  { label: '文号', q: 'NUMBER' },
  { label: '单字（ILIKE）', q: '隆' },
  { label: '无结果', q: '不存在的名称' },
  { label: '最新（无关键词）', q: '' },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const f = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);

/** Writes n synthetic publications with set-based SQL; returns a sample uscc and 文号 that exist. */
async function generate(owner: { query: (sql: string, params?: unknown[]) => Promise<unknown> }, n: number, reuse = false) {
  const t0 = performance.now();
  const k = Math.floor(n / 2) + 2;
  const sample = { uscc: `91990105${String(k).padStart(9, '0')}X`, number: `示市监处罚〔${2023 + Math.floor((k % 1000) / 365)}〕${k}号` };
  if (reuse) return { ...sample, insertMs: 0, indexMs: 0 };
  const names: { id: number; name: string; vec: string }[] = [];
  for (const a of A)
    for (const b of B) for (const c of C) names.push({ id: names.length, name: `示例区${a}${b}${c}`, vec: publicationDocument(`示例区${a}${b}${c}`) });
  await owner.query(`set session_replication_role = replica`);
  await owner.query(`create temporary table bench_names (id int primary key, name text, vec text)`);
  await owner.query(`insert into bench_names select * from json_to_recordset($1::json) as t(id int, name text, vec text)`, [JSON.stringify(names)]);
  await owner.query(`create temporary table bench_v (id int primary key, name text, vec text, field text)`);
  await owner.query(`insert into bench_v select * from json_to_recordset($1::json) as t(id int, name text, vec text, field text)`, [
    JSON.stringify(V.map((v, i) => ({ id: i, name: v, vec: publicationDocument(v), field: FIELDS[i] }))),
  ]);
  await owner.query(
    `insert into orgs (id, name, kind, is_enforcement_body, legal_basis) values ('bench-body', '示例区市场监督管理局', 'bureau', true, '《中华人民共和国行政处罚法》第十八条') on conflict do nothing`,
  );
  // the migrations' own index definitions, dropped for the bulk insert and built again after it
  const indexes = (
    (await owner.query(`select indexname, indexdef from pg_indexes where tablename = 'publications' and indexname = any($1)`, [
      ['publications_search', 'publications_listed', 'publications_uscc', 'publications_body'],
    ])) as { rows: { indexname: string; indexdef: string }[] }
  ).rows;
  for (const x of indexes) await owner.query(`drop index ${x.indexname}`);
  const chunk = 250_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    await owner.query(
      `insert into matters (id, type, workflow_version, state, org_id, title)
      select 'bench-' || i, 'publication', 1, case when i % 17 = 0 then 'withdrawn' when i % 19 = 1 then 'corrected' else 'published' end, 'bench-body', 'bench'
        from generate_series($1::int, $2::int) i`,
      [from, to],
    );
    await owner.query(
      `insert into publications (id, kind, source_type, source_id, body_id, procedure, decided_on, channels, state, number, party_type, party_name, party_uscc, violation, field, fine_fen, current_version, current_seq, published_on, expires_on, search_text, search_vec)
      select 'bench-' || i, 'penalty', 'bench', 'bench-' || i, 'bench-body', 'ordinary', d, array['portal','enterpriseCredit','creditChina'],
             case when i % 17 = 0 then 'withdrawn' when i % 19 = 1 then 'corrected' else 'published' end,
             '示市监处罚〔' || extract(year from d)::int || '〕' || i || '号', 'organisation', nm.name, u, v.name, v.field, (i % 500) * 10000, 1, i, d, d + 1095,
             nm.name || ' ' || u || ' 示市监处罚〔' || extract(year from d)::int || '〕' || i || '号 ' || v.name,
             to_tsvector('simple', nm.vec || ' ' || lower(u) || ' 示市 市监 监处 处罚 示 市 监 处 罚 ' || extract(year from d)::int || ' ' || i || ' ' || v.vec)
        from generate_series($1::int, $2::int) i
        cross join lateral (select date '2023-01-01' + (i % 1000) as d, '91990105' || lpad(i::text, 9, '0') || 'X' as u) x
        join bench_names nm on nm.id = (hashint4(i) & 2147483647) % ${names.length}
        join bench_v v on v.id = (hashint4(i + 7919) & 2147483647) % ${V.length}`,
      [from, to],
    );
    await owner.query(
      `insert into publication_versions (publication_id, version, content, ledger_seq, published_on, status)
      select 'bench-' || i, 1, jsonb_build_object('penaltyText', '罚款' || (i % 500) || '00元'), i, date '2023-01-01' + (i % 1000), 'current' from generate_series($1::int, $2::int) i`,
      [from, to],
    );
  }
  const inserted = performance.now();
  for (const x of indexes) await owner.query(x.indexdef);
  await owner.query(`analyze publications`);
  await owner.query(`analyze publication_versions`);
  await owner.query(`set session_replication_role = origin`);
  return {
    ...sample,
    insertMs: inserted - t0,
    indexMs: performance.now() - inserted,
  };
}

/** The statements searchPublications sends, straight to the driver: the count, then the walk or the matches. */
async function rawSearch(db: Db, s: ReturnType<typeof searchSql>) {
  const count = async (sql: string) => Number((await db.query<{ n: number }>(sql, s.countParams)).rows[0].n);
  let n = s.probeSql && isCommon(await tokenShares(db), s.tokens) ? await count(s.probeSql) : 0;
  if (n <= MAX_COUNT) n = await count(s.countSql);
  const walked = s.walkSql && n > MAX_COUNT ? (await db.query(s.walkSql, s.params)).rows.length : 0;
  if (walked < 20 && (n > 0 || !s.walkSql)) await db.query(s.sql, s.params);
}

async function timeIt<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** n requests with `concurrency` in flight; requests per second. */
async function throughput(n: number, concurrency: number, one: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await one(next++);
    }),
  );
  return n / ((performance.now() - t) / 1000);
}

/**
 * Real HTTP load from a worker thread (its own event loop, so the client does not share the server's):
 * n GETs of the urls in turn, `concurrency` in flight over keep-alive connections.
 */
async function httpLoad(urls: string[], n: number, concurrency: number): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const code = `
    const { parentPort, workerData: w } = require('node:worker_threads');
    (async () => {
      let next = 0, errors = 0;
      const lat = [];
      const t = performance.now();
      await Promise.all(Array.from({ length: w.concurrency }, async () => {
        while (next < w.n) {
          const u = w.urls[next++ % w.urls.length];
          const s = performance.now();
          const r = await fetch(u);
          await r.arrayBuffer();
          if (r.status !== 200) errors++;
          lat.push(performance.now() - s);
        }
      }));
      parentPort.postMessage({ ms: performance.now() - t, lat, errors });
    })();`;
  const r = await new Promise<{ ms: number; lat: number[]; errors: number }>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { urls, n, concurrency } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  return { rps: n / (r.ms / 1000), p50: pct(r.lat, 50), p95: pct(r.lat, 95), errors: r.errors };
}

async function benchOne(
  label: string,
  db: Db,
  owner: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  n: number,
  dataDir: string,
  pgUrl?: string,
  reuse = false,
) {
  console.log(`\n=== ${label}: ${n.toLocaleString('en')} synthetic publications ===`);
  const g = await generate(owner, n, reuse);
  console.log(`setup: insert ${(g.insertMs / 1000).toFixed(1)} s, indexes ${(g.indexMs / 1000).toFixed(1)} s`);
  const config = loadConfig({ DATA_DIR: dataDir, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) } as NodeJS.ProcessEnv, { publicRateLimitPerMinute: 0 });
  const ctx = await createContext(config, db);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const queries = QUERIES.map((x) => ({ ...x, q: x.q === 'USCC' ? g.uscc : x.q === 'NUMBER' ? g.number : x.q }));
  // the floor: one publication by its primary key, through the same driver — what "a query" costs on this machine right now
  const floor: number[] = [];
  for (let r = 0; r < 50; r++)
    floor.push(await timeIt(() => db.query('select id, party_name from publications where id = $1', [`bench-${1 + ((r * 7919) % n)}`])));
  console.log(`floor (primary-key lookup, 50×): p50 ${f(pct(floor, 50))} p95 ${f(pct(floor, 95))} ms`);
  const all = { app: [] as number[], raw: [] as number[], naive: [] as number[], http: [] as number[] };
  console.log(
    `${'query'.padEnd(18)} ${'hits'.padStart(8)} ${'app p50'.padStart(8)} ${'app p95'.padStart(8)} ${'raw p50'.padStart(8)} ${'ILIKE p50'.padStart(9)} ${'HTTP p50'.padStart(8)} ${'HTTP p95'.padStart(8)}`,
  );
  for (const x of queries) {
    const query = { q: x.q, page: 1, pageSize: 20 };
    const s = searchSql(query);
    const hits = (await searchPublications(db, query)).total;
    const words = x.q.split(/\s+/).filter(Boolean);
    const naiveSql = `select p.id from publications p where p.state = any($1) ${words.map((_, i) => `and p.search_text ilike $${i + 2}`).join(' ')} order by p.decided_on desc, p.id desc limit 20`;
    const naiveParams = [['published', 'corrected', 'withdrawalDue'], ...words.map((w) => `%${w}%`)];
    const t = { app: [] as number[], raw: [] as number[], naive: [] as number[], http: [] as number[] };
    for (let r = 0; r < ROUNDS + 1; r++) {
      const a = await timeIt(() => searchPublications(db, query));
      const b = await timeIt(() => rawSearch(db, s));
      const c = await timeIt(() => db.query(naiveSql, naiveParams));
      const d = await timeIt(async () => {
        const res = await fetch(`${base}/api/public/publications?q=${encodeURIComponent(x.q)}`);
        await res.arrayBuffer();
      });
      if (r === 0) continue; // warm-up
      t.app.push(a);
      t.raw.push(b);
      t.naive.push(c);
      t.http.push(d);
    }
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k].push(...t[k]);
    console.log(
      `${x.label.padEnd(18 - x.label.length + x.label.replace(/[^\x00-\x7f]/g, '').length)} ${String(hits).padStart(8)} ${f(pct(t.app, 50))} ${f(pct(t.app, 95))} ${f(pct(t.raw, 50))} ${f(pct(t.naive, 50)).padStart(9)} ${f(pct(t.http, 50))} ${f(pct(t.http, 95))}`,
    );
  }
  console.log(
    `all queries (ms):  app p50 ${f(pct(all.app, 50))} p95 ${f(pct(all.app, 95))} | raw SQL p50 ${f(pct(all.raw, 50))} p95 ${f(pct(all.raw, 95))} | naive ILIKE p50 ${f(pct(all.naive, 50))} p95 ${f(pct(all.naive, 95))} | HTTP API p50 ${f(pct(all.http, 50))} p95 ${f(pct(all.http, 95))}`,
  );
  console.log(
    `ratios (same run): app p95 / floor p95 ${(pct(all.app, 95) / pct(floor, 95)).toFixed(1)} | app p95 / naive ILIKE p95 ${(pct(all.app, 95) / pct(all.naive, 95)).toFixed(3)} | app p95 / raw SQL p95 ${(pct(all.app, 95) / pct(all.raw, 95)).toFixed(2)} | HTTP p95 / app p95 ${(pct(all.http, 95) / pct(all.app, 95)).toFixed(2)}`,
  );
  const mix = queries.map((x) => x.q);
  const rawRps = await throughput(HTTP_REQUESTS, CONCURRENCY, async (i) => {
    await rawSearch(db, searchSql({ q: mix[i % mix.length], page: 1, pageSize: 20 }));
  });
  const api = await httpLoad(
    mix.map((q) => `${base}/api/public/publications?q=${encodeURIComponent(q)}`),
    HTTP_REQUESTS,
    CONCURRENCY,
  );
  const page = await httpLoad(
    mix.map((q) => `${base}/portal/decisions?q=${encodeURIComponent(q)}`),
    HTTP_REQUESTS,
    CONCURRENCY,
  );
  console.log(
    `throughput over HTTP (${CONCURRENCY} in flight from a worker thread, query mix, ${HTTP_REQUESTS} requests): raw SQL ${rawRps.toFixed(0)}/s in-process | ` +
      `/api/public/publications ${api.rps.toFixed(0)}/s (${((api.rps / rawRps) * 100).toFixed(0)} % of raw) p50 ${api.p50.toFixed(1)} p95 ${api.p95.toFixed(1)} ms${api.errors ? ` ${api.errors} errors` : ''} | ` +
      `/portal/decisions (HTML) ${page.rps.toFixed(0)}/s (${((page.rps / rawRps) * 100).toFixed(0)} % of raw) p50 ${page.p50.toFixed(1)} p95 ${page.p95.toFixed(1)} ms${page.errors ? ` ${page.errors} errors` : ''}`,
  );
  await app.close();
}

const work = mkdtempSync(join(tmpdir(), 'fazhi-bench-portal-'));
try {
  if (!process.env.BENCH_SKIP_PGLITE) {
    const db = await openPglite(join(work, 'pglite'));
    await migrate(db);
    await benchOne('PGlite', db, db, Number(process.env.BENCH_N ?? 100_000), join(work, 'pg-data'));
    await db.close();
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const name = KEEP_DB ?? `fazhi_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (!exists) await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const ownerPool = new pg.Pool({ connectionString: u.toString(), max: 1 });
    try {
      const ownerDb = await openPostgres(u.toString(), { max: 1 });
      await migrate(ownerDb);
      const n = Number(process.env.BENCH_PG_N ?? 1_000_000);
      const have = Number((await ownerDb.query<{ n: number }>(`select count(*)::int as n from publications where id like 'bench-%'`)).rows[0].n);
      if (have && have !== n) throw new Error(`${name} holds ${have} publications, not ${n}`);
      await ownerDb.close();
      const c = await ownerPool.connect();
      const owner = { query: (sql: string, params?: unknown[]) => c.query(sql, params as unknown[]) };
      const db = await openPostgres(u.toString(), { appRole: 'fazhi_app', max: CONCURRENCY });
      process.on('uncaughtException', (e) => {
        if ((e as { code?: string }).code !== '57P01') throw e;
      });
      await benchOne('PostgreSQL', db, owner, n, join(work, 'pg2-data'), u.toString(), have === n);
      c.release();
      await db.close();
    } finally {
      await ownerPool.end();
      // pool.end() resolves before its connections are gone: let them close before the database is dropped
      await new Promise((r) => setTimeout(r, 1000));
      if (!KEEP_DB) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
