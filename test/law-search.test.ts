import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

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
  ].join('\n');
  expect((await platform.post('/api/laws/import', { fileName: 'rank.md', text: law })).status).toBe(201);
});
afterAll(() => env.close());

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

  it('a 1-character query falls back to substring matching', async () => {
    const r = await search({ q: '罚', pageSize: 50 });
    expect(r.body.mode).toBe('substring');
    expect(r.body.total).toBeGreaterThan(r.body.hits.length);
    for (const h of r.body.hits as Hit[]) expect(h.title + h.snippet).toContain('罚');
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

  it('both versions of an amended law stay searchable', async () => {
    const r = await search({ q: '行政复议', sourceId: '行政复议法', pageSize: 50 });
    const versions = new Set((r.body.hits as Hit[]).map((h) => h.versionDate));
    expect(versions).toEqual(new Set(['2017-09-01', '2023-09-01']));
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
