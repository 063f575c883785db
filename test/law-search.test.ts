import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchLaws } from '../src/modules/laws/search.ts';
import type { TSearchQuery } from '../src/modules/laws/schema.ts';
import type { Db } from '../src/platform/db/index.ts';
import { APP_ROLE, listMigrations } from '../src/platform/db/migrate.ts';
import { client, createTestEnv, login, type TestEnv, usingPostgres } from './helpers.ts';

/** 法律法规检索: CJK bigram full text over the 41 sample laws, on PGlite and PostgreSQL alike. */
let env: TestEnv;
let api: ReturnType<typeof client>;
const search = async (params: Record<string, string | number>) => {
  const r = await api.get(`/api/laws/search?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`);
  return r;
};
type Hit = {
  articleId: string;
  title: string;
  label: string;
  snippet: string;
  rank: number;
  level: string;
  versionStatus: string;
  versionDate: string;
  sourceId: string;
  versionId: string;
};

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  api = client(env.app, await login(env.app, 'zhifa'));
  // a small law of our own to pin the ranking down: article 1 holds every bigram of 听证程序 apart, article 2 the phrase
  const platform = client(env.app, await login(env.app, 'pingtai')); // the law library is the platform administrator's
  const law = [
    '# 检索排序测试办法',
    '2024年1月1日 国家市场监督管理总局令第98号公布',
    '<!-- INFO END -->',
    '第一条 举行听证前，应当保证程序公开。',
    '第二条 听证程序由行政机关依法确定。',
    '第三条 当事人提交的<script>alert(1)</script>材料中写明罚款数额的，照录。',
    '第四条 本办法所称“鑫”，是指检索测试用字。',
    '第五条 给予行政处分的，不再处罚；举行听证的除外。',
    '第六条 行政处罚决定作出前，应当告知当事人听证权利。',
  ].join('\n');
  expect((await platform.post('/api/laws/import', { fileName: 'rank.md', text: law })).status).toBe(201);
});
afterAll(() => env.close());

/** Every hit of a query, page after page (50 a page), as the API returns them. */
async function allHits(params: Record<string, string>): Promise<Hit[]> {
  const out: Hit[] = [];
  for (let page = 1; ; page++) {
    const r = await search({ ...params, page, pageSize: 50 });
    expect(r.status).toBe(200);
    out.push(...r.body.hits);
    if (out.length >= r.body.total || r.body.hits.length === 0) return out;
  }
}

describe('search', () => {
  it('finds the 2-character words 罚款 and 听证 through the index, marked in the snippets', async () => {
    const r = await search({ q: '罚款', pageSize: 50 });
    expect(r.status).toBe(200);
    expect(r.body.mode).toBe('index');
    expect(r.body.total).toBeGreaterThan(150);
    expect(r.body.hits).toHaveLength(50);
    for (const h of r.body.hits as Hit[]) expect(h.snippet).toContain('<mark>罚款</mark>');
    const t = await search({ q: '听证', pageSize: 50 });
    const ids = (t.body.hits as Hit[]).map((h) => h.articleId);
    expect(ids).toContain('行政处罚法@2021-01-22#第六十四条');
    for (const h of t.body.hits as Hit[]) expect(h.snippet).toContain('<mark>听证</mark>');
  });

  it('ranks the article containing the phrase above the one holding its bigrams apart', async () => {
    const r = await search({ q: '听证程序', sourceId: '检索排序测试办法' });
    expect((r.body.hits as Hit[]).map((h) => h.label)).toEqual(['第二条', '第一条']);
    expect(r.body.hits[0].snippet).toBe('<mark>听证程序</mark>由行政机关依法确定。');
    expect(r.body.hits[0].rank).toBeGreaterThan(r.body.hits[1].rank + 0.9);
    // over the whole library too: every verbatim hit comes before every scattered one
    const all = await search({ q: '举行听证', pageSize: 50 });
    const verbatim = (all.body.hits as Hit[]).map((h) => h.snippet.includes('<mark>举行听证</mark>'));
    expect(verbatim[0]).toBe(true);
    expect(verbatim.lastIndexOf(true)).toBeLessThan(verbatim.includes(false) ? verbatim.indexOf(false) : Infinity);
  });

  it('a law title and article number find that article first', async () => {
    const r = await search({ q: '中华人民共和国行政处罚法第六十三条' });
    expect(r.body.hits[0].articleId).toBe('行政处罚法@2021-01-22#第六十三条');
    const t = await search({ q: '食品安全法' });
    expect(t.body.hits[0].sourceId).toBe('食品安全法');
    expect(t.body.sources.map((s: { id: string }) => s.id)).toEqual(['食品安全法', '食品安全法实施条例']);
  });

  it('a 1-character query finds every article holding the character, through the character index', async () => {
    const truth = async (ch: string) =>
      (await env.ctx.db.query<{ id: string }>('select id from law_articles where strpos(search_text, $1) > 0 order by id', [ch])).rows.map((r) => r.id);
    const expected = await truth('罚');
    expect(expected.length).toBeGreaterThan(200);
    const r = await search({ q: '罚', pageSize: 50 });
    expect(r.body.mode).toBe('substring');
    expect(r.body).toMatchObject({ total: expected.length, totalCapped: false });
    const hits = await allHits({ q: '罚' });
    expect(hits.map((h) => h.articleId).sort()).toEqual(expected);
    for (const h of hits) expect(h.label + h.title + h.snippet).toContain('罚');
    for (const h of hits.filter((x) => x.snippet.includes('罚'))) expect(h.snippet).toContain('<mark>罚</mark>');
    // a character standing alone between punctuation has no bigram: only the character index holds it
    expect((await truth('鑫')).length).toBe(1);
    const lone = await search({ q: '鑫' });
    expect(lone.body.hits.map((h: Hit) => h.articleId)).toEqual(['检索排序测试办法@2024-01-01#第四条']);
    expect(lone.body.hits[0].snippet).toContain('“<mark>鑫</mark>”');
  });

  it('orders by verbatim words, then title, then the version in force, then law and article order', async () => {
    // a title word outranks the same word elsewhere: 行政处罚法's articles first, then 行政处罚 in other laws
    const hits = await allHits({ q: '行政处罚' });
    const inTitle = hits.map((h) => h.sourceId.includes('行政处罚'));
    expect(inTitle[0]).toBe(true);
    expect(inTitle.lastIndexOf(true)).toBeLessThan(inTitle.indexOf(false));
    // ranks never rise, and within one rank the versions in force come first
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i].rank).toBeLessThanOrEqual(hits[i - 1].rank);
      if (hits[i].rank === hits[i - 1].rank && hits[i - 1].versionStatus !== 'effective') expect(hits[i].versionStatus).not.toBe('effective');
    }
    // the articles of one version come in article order
    const xzcf = hits.filter((h) => h.versionId === '行政处罚法@2021-01-22').map((h) => h.articleId);
    const ordered = (
      await env.ctx.db.query<{ id: string }>('select id from law_articles where id = any($1::text[]) order by ordinal, suffix', [xzcf])
    ).rows.map((r) => r.id);
    expect(xzcf).toEqual(ordered);
    // two words: the more of them an article holds verbatim, the higher it ranks
    const words = ['行政处罚', '听证'];
    const two = await allHits({ q: words.join(' ') });
    const texts = new Map(
      (
        await env.ctx.db.query<{ id: string; text: string }>('select id, search_text as text from law_articles where id = any($1::text[])', [
          two.map((h) => h.articleId),
        ])
      ).rows.map((r) => [r.id, r.text]),
    );
    const verbatim = two.map((h) => words.filter((w) => texts.get(h.articleId)!.includes(w)).length);
    expect(verbatim[0]).toBe(2);
    for (let i = 1; i < verbatim.length; i++) expect(verbatim[i]).toBeLessThanOrEqual(verbatim[i - 1]);
    // 第五条 holds 听证 and the bigrams of 行政处罚 (行政处分…处罚) but not 行政处罚 itself
    const own = await search({ q: words.join(' '), sourceId: '检索排序测试办法' });
    expect(own.body.hits.map((h: Hit) => h.label)).toEqual(['第六条', '第五条']);
    expect(own.body.hits.map((h: Hit) => h.rank)).toEqual([1, 0.5]);
  });

  it('filters by level, status, issuer, date and law; paginates with a stable total', async () => {
    const rules = await search({ q: '罚款', level: 'departmentRule', pageSize: 50 });
    expect(rules.body.total).toBeGreaterThan(0);
    expect((rules.body.hits as Hit[]).every((h) => h.level === 'departmentRule')).toBe(true);
    const amended = await search({ q: '行政复议', status: 'amended', pageSize: 50 });
    expect(amended.body.total).toBeGreaterThan(0);
    expect((amended.body.hits as Hit[]).every((h) => h.versionStatus === 'amended')).toBe(true);
    expect((amended.body.hits as Hit[]).some((h) => h.articleId.startsWith('行政复议法@2017-09-01#'))).toBe(true);
    const issuer = await search({ q: '罚款', issuer: '国务院', pageSize: 50 });
    expect((issuer.body.hits as Hit[]).every((h) => h.level === 'adminRegulation')).toBe(true);
    const dated = await search({ q: '罚款', from: '2021-01-01', to: '2021-12-31', pageSize: 50 });
    expect(dated.body.total).toBeGreaterThan(0);
    expect(dated.body.total).toBeLessThan(rules.body.total + (await search({ q: '罚款' })).body.total);
    expect((dated.body.hits as Hit[]).every((h) => h.versionDate >= '2021-01-01' && h.versionDate <= '2021-12-31')).toBe(true);
    const p1 = await search({ q: '罚款', page: 1, pageSize: 10 });
    const p2 = await search({ q: '罚款', page: 2, pageSize: 10 });
    expect(p2.body.total).toBe(p1.body.total);
    const ids1 = new Set((p1.body.hits as Hit[]).map((h) => h.articleId));
    expect((p2.body.hits as Hit[]).some((h) => ids1.has(h.articleId))).toBe(false);
    expect(p1.body.hits[9].rank).toBeGreaterThanOrEqual(p2.body.hits[0].rank);
  });

  it('both versions of an amended law stay searchable, the version in force first', async () => {
    const hits = await allHits({ q: '行政复议', sourceId: '行政复议法' });
    expect(new Set(hits.map((h) => h.versionDate))).toEqual(new Set(['2017-09-01', '2023-09-01']));
    const inForce = hits.map((h) => h.versionStatus === 'effective');
    expect(inForce[0]).toBe(true);
    expect(inForce.lastIndexOf(true)).toBeLessThan(inForce.indexOf(false));
  });

  it('injection, markup, emoji and huge queries return safely', async () => {
    const before = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from law_articles')).rows[0].n;
    for (const q of [
      "'; drop table law_articles; --",
      "罚款' | '听证",
      '罚款 & | ! <-> :*',
      '%',
      '_',
      '\\',
      '😀😀😀',
      '罚款😀',
      'a'.repeat(200),
      '行'.repeat(200),
    ]) {
      const r = await search({ q });
      expect(r.status, q).toBe(200);
      expect(Array.isArray(r.body.hits)).toBe(true);
    }
    expect((await search({ q: '😀😀😀' })).body).toMatchObject({ mode: 'none', total: 0 });
    expect((await search({ q: '%' })).body.total).toBe(0);
    expect((await search({ q: "罚款' | '听证" })).body.total).toBeGreaterThan(0);
    const huge = await search({ q: '罚'.repeat(201) });
    expect(huge.status).toBe(400);
    expect(huge.body.error.code).toBe('VALIDATION_FAILED');
    expect((await search({ q: '   ' })).status).toBe(400);
    expect((await search({ q: '罚款', pageSize: 500 })).status).toBe(400);
    expect((await search({ q: '罚款', level: 'constitution' })).status).toBe(400);
    expect((await env.ctx.db.query<{ n: number }>('select count(*)::int as n from law_articles')).rows[0].n).toBe(before);
  });

  it('escapes the law text in snippets and marks only the matches', async () => {
    const r = await search({ q: '罚款数额', sourceId: '检索排序测试办法' });
    const s = r.body.hits[0].snippet as string;
    expect(s).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(s).toContain('<mark>罚款数额</mark>');
    expect(s.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });
});

describe('plans', () => {
  // the sample library is small enough to rank every hit; a low limit makes the same queries take
  // the ordered walk, which must return the same hits in the same order
  const both = async (query: TSearchQuery) => {
    const exact = await searchLaws(env.ctx.db, query);
    const walked = await searchLaws(env.ctx.db, query, { exactLimit: 10 });
    return { exact, walked };
  };

  it('a frequent word walked in rank order returns what ranking every hit returns', async () => {
    for (const query of [
      { q: '罚款', page: 1, pageSize: 20 },
      { q: '罚款', page: 4, pageSize: 20 },
      { q: '罚', page: 2, pageSize: 50 },
      { q: '行政处罚', page: 1, pageSize: 50 },
      { q: '食品安全法', page: 1, pageSize: 20 },
      { q: '罚款', level: 'departmentRule', page: 1, pageSize: 20 },
      { q: '行政复议', status: 'amended', page: 1, pageSize: 20 },
      { q: '罚款 责令', page: 1, pageSize: 20 },
    ] as TSearchQuery[]) {
      const { exact, walked } = await both(query);
      expect(exact.plan, query.q).toBe('exact');
      expect(walked.plan, query.q).toBe('walk');
      expect(walked.hits.length, query.q).toBeGreaterThan(0);
      expect(walked.hits, JSON.stringify(query)).toEqual(exact.hits);
    }
  });

  it('the walk reports one word’s exact total, and more than the limit otherwise', async () => {
    const { exact, walked } = await both({ q: '罚款', page: 1, pageSize: 20 });
    expect(walked).toMatchObject({ total: exact.total, totalCapped: false });
    const phrase = await both({ q: '行政处罚', page: 1, pageSize: 20 });
    expect(phrase.walked).toMatchObject({ total: 10, totalCapped: true });
    expect(phrase.exact.total).toBeGreaterThan(10);
    const filtered = await both({ q: '罚款', level: 'departmentRule', page: 1, pageSize: 20 });
    expect(filtered.walked).toMatchObject({ total: 10, totalCapped: true });
    // a page past the last hit still reports the total
    const past = await searchLaws(env.ctx.db, { q: '罚款', level: 'departmentRule', page: 100, pageSize: 50 });
    expect(past).toMatchObject({ hits: [], total: filtered.exact.total, totalCapped: false });
  });

  it('falls back to ranking every hit when the verbatim hits cannot fill the page', async () => {
    // 政处罚款 holds the bigrams of 行政处罚 and 罚款 in many articles, verbatim in few or none
    const query = { q: '行政处罚款', page: 1, pageSize: 50 } as TSearchQuery;
    const exact = await searchLaws(env.ctx.db, query);
    const walked = await searchLaws(env.ctx.db, query, { exactLimit: 10 });
    expect(exact.total).toBeGreaterThan(10);
    expect(walked.plan).toBe('exactUncapped');
    expect(walked.hits).toEqual(exact.hits);
    expect(walked).toMatchObject({ total: exact.total, totalCapped: false });
  });

  it('law_search_terms counts, lexeme by lexeme, the articles holding it', async () => {
    const differences = await env.ctx.db.query(
      `(select 'vec' as field, word as lexeme, ndoc::int as articles from ts_stat('select search_vec from law_articles')
        union all select 'chars', word, ndoc::int from ts_stat('select search_chars from law_articles')
        union all select 'all', '', count(*)::int from law_articles)
       except all select field, lexeme, articles from law_search_terms`,
    );
    expect(differences.rows).toEqual([]);
    const n = (await env.ctx.db.query<{ n: number }>('select count(*)::int as n from law_search_terms')).rows[0].n;
    expect(n).toBeGreaterThan(1000);
  });

  it('migration 0019 builds the character index and the counts for articles stored before it', async () => {
    const before = await searchLaws(env.ctx.db, { q: '罚', page: 1, pageSize: 50 });
    const run = async (sql: string) => ('exec' in env.owner ? (env.owner as unknown as Db).exec(sql) : env.owner.query(sql));
    // the database as 0018 left it: no column, no function, no counts
    await run(`drop table law_search_terms; drop index law_articles_search_chars; alter table law_articles drop column search_chars;
      drop function law_search_chars(text); delete from schema_migrations where version like '0019_%'`);
    const migration = listMigrations().find((m) => m.version.startsWith('0019_'))!;
    await run(migration.sql);
    await env.owner.query('insert into schema_migrations (version, checksum) values ($1, $2)', [migration.version, migration.checksum]);
    // what migrate() does after every migration on PostgreSQL: the application role may use the new table
    if (usingPostgres()) await env.owner.query(`grant select, insert, update, delete on law_search_terms to ${APP_ROLE}`);
    const after = await searchLaws(env.ctx.db, { q: '罚', page: 1, pageSize: 50 });
    expect(after.hits).toEqual(before.hits);
    expect(after.total).toBe(before.total);
    const stale = await env.ctx.db.query('select id from law_articles where search_chars <> law_search_chars(search_text)');
    expect(stale.rows).toEqual([]);
  });
});
