/**
 * bench/search — latency of the law library search (the API's searchLaws: bigram tsquery through
 * the GIN index, ranking, snippets), against a sequential-scan baseline in the same run: the same
 * queries in a transaction with `set local enable_bitmapscan = off; set local enable_indexscan = off`.
 *
 *   npm run bench:search                      # PGlite, and PostgreSQL when BENCH_DATABASE_URL is set
 *   BENCH_ROUNDS=10 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:search
 *
 * Libraries: the 41 sample laws (1×), then a synthetic library 50× its size — every article
 * re-inserted 49 more times under synthetic source ids, its clauses shuffled, written with plain
 * SQL (a benchmark database, not the record: triggers are off for that insert).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createContext } from '../src/app.ts';
import { normalizeSearchText, tokenDocument } from '../src/domain/cjkTokens.ts';
import { searchLaws, searchSql } from '../src/modules/laws/search.ts';
import type { TSearchQuery } from '../src/modules/laws/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite, openPostgres, type Db } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { seedLawLibrary } from '../src/seed/laws.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 50);
const QUERIES = ['罚款', '听证', '行政处罚', '食品安全', '责令改正', '没收违法所得', '举行听证', '特种设备', '价格欺诈', '消费者权益保护', '不可抗力', '罚'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);

interface Measure {
  p50: number;
  p95: number;
  totals: Map<string, number>;
  /** median per query */
  byQuery: Map<string, number>;
}

async function measure(db: Db, seqScan: boolean): Promise<Measure> {
  const times: number[] = [];
  const totals = new Map<string, number>();
  const perQuery = new Map<string, number[]>();
  const run = (q: string) =>
    db.transaction(async (tx) => {
      if (seqScan) await tx.exec('set local enable_bitmapscan = off; set local enable_indexscan = off');
      const query: TSearchQuery = { q, page: 1, pageSize: 20 };
      const t = performance.now();
      const r = await searchLaws(tx, query);
      return { ms: performance.now() - t, total: r.total };
    });
  for (const q of QUERIES) await run(q); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      const r = await run(q);
      times.push(r.ms);
      totals.set(q, r.total);
      perQuery.set(q, [...(perQuery.get(q) ?? []), r.ms]);
    }
  }
  return { p50: pct(times, 50), p95: pct(times, 95), totals, byQuery: new Map([...perQuery].map(([q, xs]) => [q, pct(xs, 50)])) };
}

/** Which access path the planner picks for a query, with and without the index allowed. */
async function plan(db: Db, q: string, seqScan: boolean): Promise<string> {
  return db.transaction(async (tx) => {
    if (seqScan) await tx.exec('set local enable_bitmapscan = off; set local enable_indexscan = off');
    const { sql, params } = searchSql({ q, page: 1, pageSize: 20 });
    const text = (await tx.query<Record<string, string>>(`explain ${sql}`, params)).rows.map((r) => Object.values(r)[0]).join('\n');
    return /law_articles_search/.test(text) ? 'GIN' : /Seq Scan on law_articles/.test(text) ? 'seq' : '?';
  });
}

const plans = async (db: Db) => {
  const out: string[] = [];
  for (const q of ['罚款', '举行听证', '罚']) out.push(`${q} ${await plan(db, q, false)}/${await plan(db, q, true)}`);
  return out.join(', ');
};

/** A deterministic shuffle of an article's clauses (split at ，。；：), so bigram statistics stay those of legal text. */
function shuffleClauses(body: string, seed: number): string {
  const parts = body.match(/[^，。；：\n]+[，。；：\n]?/g) ?? [body];
  let s = seed;
  for (let i = parts.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [parts[i], parts[j]] = [parts[j], parts[i]];
  }
  return parts.join('');
}

async function growLibrary(db: Db, scale: number): Promise<void> {
  const articles = (
    await db.query<{
      sourceId: string;
      versionId: string;
      ordinal: number;
      suffix: number;
      label: string;
      heading: string | null;
      body: string;
      paragraphs: string;
    }>('select source_id as "sourceId", version_id as "versionId", ordinal, suffix, label, heading, body, paragraphs from law_articles order by id')
  ).rows;
  for (let k = 1; k < scale; k++) {
    await db.transaction(async (tx) => {
      // a benchmark database, not the record: skip the ledger-entry triggers for this bulk copy
      await tx.query('set local session_replication_role = replica');
      const sid = (s: string) => `${s}·合成${k}`;
      await tx.query(
        `insert into legal_sources (id, title, level, issuer) select id || '·合成' || $1::text, title, level, issuer from legal_sources where id not like '%·合成%'`,
        [k],
      );
      await tx.query(
        `insert into law_versions (id, source_id, title, subtitle, version_date, doc_number, promulgated_on, effective_on, repealed_on, status, history, content_hash, article_count)
         select source_id || '·合成' || $1::text || '@' || version_date, source_id || '·合成' || $1::text, title, subtitle, version_date, doc_number,
                promulgated_on, effective_on, repealed_on, status, history, content_hash, article_count
           from law_versions where source_id not like '%·合成%'`,
        [k],
      );
      const rows = articles.map((a, i) => {
        const body = shuffleClauses(a.body, k * 100_003 + i);
        const source = `${sid(a.sourceId)}${a.label} ${body}`;
        return {
          ...a,
          sourceId: sid(a.sourceId),
          versionId: `${sid(a.sourceId)}@${a.versionId.split('@')[1]}`,
          body,
          searchText: normalizeSearchText(source),
          tokens: tokenDocument(source),
        };
      });
      await tx.query(
        `insert into law_articles (id, version_id, source_id, ordinal, suffix, label, heading, body, paragraphs, search_text, search_vec)
         select t.version_id || '#' || t.label, t.version_id, t.source_id, t.ordinal, t.suffix, t.label, t.heading, t.body, t.paragraphs, t.search_text, to_tsvector('simple', t.tokens)
           from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
             as t(version_id, source_id, ordinal, suffix, label, heading, body, paragraphs, search_text, tokens)`,
        [
          rows.map((r) => r.versionId),
          rows.map((r) => r.sourceId),
          rows.map((r) => r.ordinal),
          rows.map((r) => r.suffix),
          rows.map((r) => r.label),
          rows.map((r) => r.heading),
          rows.map((r) => r.body),
          rows.map((r) => r.paragraphs),
          rows.map((r) => r.searchText),
          rows.map((r) => r.tokens),
        ],
      );
    });
  }
  await db.exec('analyze legal_sources; analyze law_versions; analyze law_articles');
}

async function benchDatabase(label: string, db: Db, dataDir: string): Promise<void> {
  await migrate(db);
  const ctx = await createContext(loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv), db);
  let t = performance.now();
  await db.transaction((tx) => seedLawLibrary(ctx, tx));
  await db.exec('analyze law_articles');
  console.log(`${label}: sample library imported in ${(performance.now() - t).toFixed(0)} ms`);
  const header = `  ${'library'.padEnd(18)} ${'articles'.padStart(9)} │ ${'index p50'.padStart(9)} ${'p95'.padStart(8)} │ ${'seqscan p50'.padStart(11)} ${'p95'.padStart(8)} │ ${'ratio p50'.padStart(9)} ${'p95'.padStart(6)} │ access path (indexed run / baseline)`;
  console.log(header);
  console.log(`  ${'─'.repeat(header.length - 2)}`);
  for (const [name, scale] of [
    ['sample (1×)', 1],
    [`synthetic (${SCALE}×)`, SCALE],
  ] as const) {
    if (scale > 1) {
      t = performance.now();
      await growLibrary(db, scale);
      console.log(`  (synthetic library written in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    const n = (await db.query<{ n: number }>('select count(*)::int as n from law_articles')).rows[0].n;
    const indexed = await measure(db, false);
    const seq = await measure(db, true);
    for (const q of QUERIES) {
      if (indexed.totals.get(q) !== seq.totals.get(q)) throw new Error(`baseline disagrees on “${q}”: ${indexed.totals.get(q)} vs ${seq.totals.get(q)}`);
    }
    console.log(
      `  ${name.padEnd(18)} ${n.toLocaleString('en-US').padStart(9)} │ ${ms(indexed.p50)}ms ${ms(indexed.p95)}ms │ ${ms(seq.p50)}ms   ${ms(seq.p95)}ms │ ${(seq.p50 / indexed.p50).toFixed(1).padStart(8)}× ${(seq.p95 / indexed.p95).toFixed(1).padStart(5)}× │ ${await plans(db)}`,
    );
    if (scale > 1) {
      console.log(`  per query at ${SCALE}× — hits, median indexed / sequential ms:`);
      for (const q of QUERIES) {
        console.log(
          `    ${q.padEnd(8, '　')} ${indexed.totals.get(q)!.toLocaleString('en-US').padStart(7)} hits ${indexed.byQuery.get(q)!.toFixed(1).padStart(8)} / ${seq.byQuery.get(q)!.toFixed(1).padStart(8)}`,
        );
      }
    }
  }
}

async function main() {
  console.log(
    `bench/search: ${QUERIES.length} queries × ${ROUNDS} rounds per cell (after one warm-up round), page size 20, full API search path (SQL + snippets)`,
  );
  console.log(`queries: ${QUERIES.join(' ')}   ratio = sequential-scan latency ÷ indexed latency\n`);
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-search-'));
  try {
    const lite = await openPglite('memory');
    try {
      await benchDatabase('PGlite (embedded, in memory)', lite, dir);
    } finally {
      await lite.close();
    }
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) {
      console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL)');
      return;
    }
    const name = `fazhi_bench_search_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const u = new URL(url);
      u.pathname = `/${name}`;
      // the owner connection: the synthetic copy switches triggers off, which the application role may not
      const db = await openPostgres(u.toString(), { max: 2 });
      try {
        console.log('');
        await benchDatabase('PostgreSQL (server)', db, dir);
      } finally {
        await db.close();
      }
    } finally {
      // pool.end() resolves before its connections have closed: wait for them instead of killing them
      for (let i = 0; i < 100; i++) {
        const r = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 50));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
