/**
 * bench/search — latency of the law library search (the API's searchLaws: plan choice from
 * law_search_terms, the exact ranking or the ordered walk, snippets) per query class, against a
 * baseline measured in the same run, interleaved with the searches: a primary-key lookup of one
 * article (the cheapest statement the same database answers). Machines and load differ; the ratio
 * to that baseline is what compares runs.
 *
 *   npx tsx bench/search.ts                   # PGlite, and PostgreSQL when BENCH_DATABASE_URL is set
 *   BENCH_ROUNDS=10 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/search.ts
 *   BENCH_SEARCH_MODULE=path/to/search.ts …   # another implementation of searchLaws, e.g. an older
 *                                             # src/modules/laws/search.ts from git, for before/after
 *
 * Libraries: the 41 sample laws (1×), then a synthetic library 50× its size — every article
 * re-inserted 49 more times under synthetic source ids, its clauses shuffled, written with plain
 * SQL (a benchmark database, not the record: triggers are off for that insert). Correctness is
 * checked on the way: a one-word query's total must equal a substring count over every article.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { createContext } from '../src/app.ts';
import { normalizeSearchText, tokenDocument } from '../src/domain/cjkTokens.ts';
import * as current from '../src/modules/laws/search.ts';
import type { TSearchQuery } from '../src/modules/laws/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openPglite, openPostgres, type Db } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { seedLawLibrary } from '../src/seed/laws.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 50);
/** query classes: what makes each hard is different (how many hits, how many bigrams, a filter) */
const CLASSES: { name: string; queries: TSearchQuery[] }[] = [
  { name: 'one character', queries: ['罚', '款', '证'].map((q) => ({ q, page: 1, pageSize: 20 })) },
  { name: 'frequent word', queries: ['罚款', '行政处罚', '食品安全', '特种设备', '责令改正'].map((q) => ({ q, page: 1, pageSize: 20 })) },
  { name: 'phrase', queries: ['没收违法所得', '消费者权益保护', '举行听证', '当场收缴罚款'].map((q) => ({ q, page: 1, pageSize: 20 })) },
  { name: 'rare word', queries: ['听证', '价格欺诈', '不可抗力'].map((q) => ({ q, page: 1, pageSize: 20 })) },
  { name: 'title + number', queries: ['中华人民共和国行政处罚法第六十三条', '食品安全法'].map((q) => ({ q, page: 1, pageSize: 20 })) },
  {
    name: 'filtered, page 3',
    queries: [
      { q: '罚款', level: 'departmentRule', page: 3, pageSize: 20 },
      { q: '罚', status: 'effective', page: 3, pageSize: 20 },
      { q: '罚款 听证', page: 1, pageSize: 20 },
    ],
  },
];
/** one-word queries whose total must equal a substring count (their tokens are the word itself) */
const CHECKED = ['罚', '罚款', '听证'];
type SearchFn = (db: Db, query: TSearchQuery) => Promise<{ total: number; totalCapped?: boolean; plan?: string }>;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1).padStart(8);

interface Cell {
  times: number[];
  baseline: number[];
  totals: Map<string, string>;
}

const label = (q: TSearchQuery) => [q.q, q.level, q.status, q.page > 1 ? `p${q.page}` : ''].filter(Boolean).join(' ');

/** Every class's queries, ROUNDS times each, each search followed by one baseline lookup. */
async function measure(db: Db, search: SearchFn): Promise<Map<string, Cell>> {
  const ids = (await db.query<{ id: string }>('select id from law_articles order by id limit 200')).rows.map((r) => r.id);
  const lookup = async (i: number) => {
    const t = performance.now();
    await db.query('select id, body from law_articles where id = $1', [ids[i % ids.length]]);
    return performance.now() - t;
  };
  const cells = new Map<string, Cell>(CLASSES.map((c) => [c.name, { times: [], baseline: [], totals: new Map() }]));
  for (const c of CLASSES) for (const q of c.queries) await search(db, q); // warm-up
  let i = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CLASSES) {
      const cell = cells.get(c.name)!;
      for (const q of c.queries) {
        const t = performance.now();
        const r = await search(db, q);
        cell.times.push(performance.now() - t);
        cell.baseline.push(await lookup(i++));
        cell.totals.set(label(q), `${r.total.toLocaleString('en-US')}${r.totalCapped ? '+' : ''}${r.plan ? ` ${r.plan}` : ''}`);
      }
    }
  }
  return cells;
}

/** A one-word query's total against a substring count over every article (the truth, by a scan). */
async function check(db: Db, search: SearchFn): Promise<void> {
  for (const q of CHECKED) {
    const truth = (await db.query<{ n: number }>('select count(*)::int as n from law_articles where strpos(search_text, $1) > 0', [q])).rows[0].n;
    const r = await search(db, { q, page: 1, pageSize: 20 });
    if (!r.totalCapped && r.total !== truth) throw new Error(`“${q}”: ${r.total} hits, a substring scan finds ${truth}`);
  }
}

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
        `insert into law_articles (id, version_id, source_id, ordinal, suffix, label, heading, body, paragraphs, search_text, search_vec, search_chars)
         select t.version_id || '#' || t.label, t.version_id, t.source_id, t.ordinal, t.suffix, t.label, t.heading, t.body, t.paragraphs, t.search_text, to_tsvector('simple', t.tokens),
                law_search_chars(t.search_text)
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
  // the lexeme counts as migration 0019 builds them (the importer adds them version by version)
  await db.exec(`delete from law_search_terms;
    insert into law_search_terms (field, lexeme, articles)
      select 'vec', word, ndoc from ts_stat('select search_vec from law_articles')
      union all select 'chars', word, ndoc from ts_stat('select search_chars from law_articles')
      union all select 'all', '', count(*)::int from law_articles;`);
  await db.exec('analyze legal_sources; analyze law_versions; analyze law_articles; analyze law_search_terms');
}

async function benchDatabase(name: string, db: Db, dataDir: string, search: SearchFn): Promise<void> {
  await migrate(db);
  const ctx = await createContext(loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv), db);
  let t = performance.now();
  await db.transaction((tx) => seedLawLibrary(ctx, tx));
  await db.exec('analyze law_articles');
  console.log(`${name}: sample library imported in ${(performance.now() - t).toFixed(0)} ms`);
  for (const [library, scale] of [
    ['sample (1×)', 1],
    [`synthetic (${SCALE}×)`, SCALE],
  ] as const) {
    if (scale > 1) {
      t = performance.now();
      await growLibrary(db, scale);
      console.log(`  (synthetic library written in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
    const n = (await db.query<{ n: number }>('select count(*)::int as n from law_articles')).rows[0].n;
    await check(db, search);
    const cells = await measure(db, search);
    console.log(`  ${library}, ${n.toLocaleString('en-US')} articles`);
    const header = `    ${'class'.padEnd(18)} │ ${'p50'.padStart(8)} ${'p95'.padStart(8)} │ ${'baseline p50'.padStart(12)} │ ${'×p50'.padStart(6)} ${'×p95'.padStart(6)} │ queries: hits (+ = more than), plan`;
    console.log(header);
    console.log(`    ${'─'.repeat(header.length - 4)}`);
    const all: number[] = [];
    const allBase: number[] = [];
    for (const c of CLASSES) {
      const cell = cells.get(c.name)!;
      all.push(...cell.times);
      allBase.push(...cell.baseline);
      const base = pct(cell.baseline, 50);
      console.log(
        `    ${c.name.padEnd(18)} │ ${ms(pct(cell.times, 50))} ${ms(pct(cell.times, 95))} │ ${ms(base).padStart(10)}ms │ ${(pct(cell.times, 50) / base).toFixed(0).padStart(5)}× ${(pct(cell.times, 95) / base).toFixed(0).padStart(5)}× │ ${[...cell.totals].map(([q, r]) => `${q}: ${r}`).join('; ')}`,
      );
    }
    const base = pct(allBase, 50);
    console.log(
      `    ${'all'.padEnd(18)} │ ${ms(pct(all, 50))} ${ms(pct(all, 95))} │ ${ms(base).padStart(10)}ms │ ${(pct(all, 50) / base).toFixed(0).padStart(5)}× ${(pct(all, 95) / base).toFixed(0).padStart(5)}× │`,
    );
  }
}

async function main() {
  const module = process.env.BENCH_SEARCH_MODULE;
  const impl = (module ? await import(resolve(module)) : current) as { searchLaws: SearchFn };
  const search: SearchFn = (db, q) => impl.searchLaws(db, q);
  const count = CLASSES.reduce((n, c) => n + c.queries.length, 0);
  console.log(
    `bench/search: ${count} queries in ${CLASSES.length} classes × ${ROUNDS} rounds (after one warm-up round), full API search path (SQL + snippets)`,
  );
  console.log(
    `implementation: ${module ?? 'src/modules/laws/search.ts'}   ×p50/×p95 = search latency ÷ the median primary-key lookup of the same class's rounds\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-bench-search-'));
  try {
    if (process.env.BENCH_SKIP_PGLITE !== '1') {
      const lite = await openPglite('memory');
      try {
        await benchDatabase('PGlite (embedded, in memory)', lite, dir, search);
      } finally {
        await lite.close();
      }
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
        await benchDatabase('PostgreSQL (server)', db, dir, search);
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
