import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLawText } from '../src/domain/lawText.ts';
import { lawFilesAt } from '../src/modules/laws/commands/import-law.ts';
import { MORE_LAWS_DIR, SAMPLE_LAWS_DIR } from '../src/seed/lawFiles.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

/** The law library: import of the 41 samples and the 4 further texts, re-import, bad input, reading, authorization. */
let env: TestEnv;
/** the law library is the platform's: only the platform administrator (pingtai) imports and repeals */
let platform: ReturnType<typeof client>;
const files = [SAMPLE_LAWS_DIR, MORE_LAWS_DIR].flatMap(lawFilesAt);
const text = (f: string) => readFileSync(f.includes('/') ? f : join(SAMPLE_LAWS_DIR, f), 'utf8');
const enc = encodeURIComponent;

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  platform = client(env.app, await login(env.app, 'pingtai'));
});
afterAll(() => env.close());

const count = async (sql: string, params: unknown[] = []) => (await env.ctx.db.query<{ n: number }>(sql, params)).rows[0].n;

describe('the sample law library (laws/ and laws/more/ in the repository)', () => {
  it('all import, each with the article count its text has', async () => {
    expect(lawFilesAt(SAMPLE_LAWS_DIR).length).toBe(41);
    expect(files.length).toBe(45);
    expect(await count('select count(*)::int as n from law_versions')).toBe(45);
    for (const f of files) {
      const r = parseLawText(basename(f), text(f));
      if (!r.ok) throw new Error(f);
      const id = `${r.law.sourceId}@${r.law.versionDate}`;
      expect(await count('select count(*)::int as n from law_articles where version_id = $1', [id]), f).toBe(r.law.articles.length);
    }
    const n = async (id: string) => count('select article_count as n from law_versions where id = $1', [id]);
    expect(await n('行政处罚法@2021-01-22')).toBe(86);
    expect(await n('食品安全法@2021-04-29')).toBe(154);
    expect(await n('行政复议法@2023-09-01')).toBe(90);
    expect(await n('产品质量法@2018-12-29')).toBe(74);
  });

  it('older versions of a law read 已修改, and every import is in the record', async () => {
    const rows = (await env.ctx.db.query<{ id: string }>(`select id from law_versions where status = 'amended' order by id`)).rows.map((r) => r.id);
    expect(rows.sort()).toEqual(
      [
        '农产品质量安全法@2018-10-26',
        '反垄断法@2007-08-30',
        '计量法实施细则@2018-03-19',
        '行政复议法@2017-09-01',
        '全国年节及纪念日放假办法@2013-12-11',
      ].sort(),
    );
    expect(await count(`select count(*)::int as n from ledger_entries where event_type = 'law.versionImported' and matter_type = 'legalSource'`)).toBe(45);
    const admin = client(env.app, await login(env.app, 'admin'));
    const record = await admin.get(`/api/record/matters/legalSource/${enc('行政复议法')}`);
    expect(record.status).toBe(200);
    expect(JSON.stringify(record.body)).toContain('law.versionImported');
  });
});

describe('import through the API', () => {
  it('re-importing the same text changes nothing and reports created: false', async () => {
    const before = await ledgerSize(env);
    const r = await platform.post('/api/laws/import', {
      fileName: '行政处罚法(2021-01-22).md',
      text: text('行政处罚法(2021-01-22).md').replace(/\n/g, '\r\n'),
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ versionId: '行政处罚法@2021-01-22', created: false, articleCount: 86 });
    expect(await ledgerSize(env)).toBe(before);
  });

  it('a different text for an existing version is refused (409) and writes nothing', async () => {
    const _reviewer = client(env.app, await login(env.app, 'shenhe'));
    const before = await ledgerSize(env);
    const changed = text('行政处罚法(2021-01-22).md').replace('第一条 为了规范行政处罚', '第一条 为了规范和保障行政处罚');
    const r = await platform.post('/api/laws/import', { fileName: '行政处罚法(2021-01-22).md', text: changed });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('LAW_VERSION_CONFLICT');
    expect(await ledgerSize(env)).toBe(before);
  });

  it('bad Markdown: 422 listing every problem with its line, nothing imported, no record entry', async () => {
    const before = await ledgerSize(env);
    const bad = ['2021年1月22日 某某会议通过', '第一条 内容。', '第三条 内容。', '第二条 顺序错了。', '第三条 重复。', '第四条'].join('\n');
    const r = await platform.post('/api/laws/import', { fileName: '测试法(2021-01-22).md', text: bad });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('LAW_TEXT_INVALID');
    expect(r.body.error.details.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [1, 'TITLE_MISSING'],
      [2, 'INFO_END_MISSING'],
      [4, 'ARTICLE_OUT_OF_ORDER'],
      [5, 'ARTICLE_DUPLICATE'],
      [6, 'ARTICLE_EMPTY'],
    ]);
    expect(r.body.error.message).toContain('第 4 行');
    expect(await ledgerSize(env)).toBe(before);
    expect(await count(`select count(*)::int as n from legal_sources where id = '测试法'`)).toBe(0);
  });

  it('officers, district administrators and legal reviewers may not import (403), anonymous callers must sign in (401); the platform administrator may', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const law = '# 示例授权测试办法\n2024年1月1日 国家市场监督管理总局令第99号公布\n<!-- INFO END -->\n第一条 本办法用于测试。\n';
    const before = await ledgerSize(env);
    expect((await officer.post('/api/laws/import', { fileName: 'a.md', text: law })).status).toBe(403);
    expect((await client(env.app, null).post('/api/laws/import', { fileName: 'a.md', text: law })).status).toBe(401);
    expect((await client(env.app, null).get('/api/laws/search?q=罚款')).status).toBe(401);
    for (const who of ['admin', 'shenhe']) {
      const denied = await client(env.app, await login(env.app, who)).post('/api/laws/import', { fileName: 'a.md', text: law });
      expect(denied.status, who).toBe(403);
      expect(denied.body.error.message).toContain('平台管理员');
    }
    expect(await ledgerSize(env)).toBe(before);
    const r = await platform.post('/api/laws/import', { fileName: 'a.md', text: law });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ versionId: '示例授权测试办法@2024-01-01', created: true, articleCount: 1 });
    expect((await officer.get(`/api/laws/sources/${enc('示例授权测试办法')}`)).body.level).toBe('departmentRule');
  });

  it('validates the request itself', async () => {
    expect((await platform.post('/api/laws/import', { fileName: 'a.md', text: 'x', extra: 1 })).status).toBe(400);
    expect((await platform.post('/api/laws/import', { fileName: 'a.md', text: '# 标题\n<!-- INFO END -->\n第一条 内容', level: 'bogus' })).status).toBe(400);
  });
});

describe('reading', () => {
  it('lists sources with their versions', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const r = await officer.get('/api/laws');
    expect(r.status).toBe(200);
    const fy = r.body.items.find((s: { id: string }) => s.id === '行政复议法');
    expect(fy.versions.map((v: { versionDate: string; status: string }) => [v.versionDate, v.status])).toEqual([
      ['2017-09-01', 'amended'],
      ['2023-09-01', 'effective'],
    ]);
    expect(fy).toMatchObject({ level: 'law', levelLabel: '法律', currentVersionId: '行政复议法@2023-09-01', abilities: { import: false } });
    const rules = (await officer.get('/api/laws?level=departmentRule')).body.items;
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.every((s: { level: string }) => s.level === 'departmentRule')).toBe(true);
  });

  it('a law page: headings and articles of the requested version', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const r = await officer.get(`/api/laws/sources/${enc('行政复议法')}?version=${enc('行政复议法@2017-09-01')}`);
    expect(r.status).toBe(200);
    expect(r.body.version.id).toBe('行政复议法@2017-09-01');
    expect(r.body.articles.length).toBe(43);
    expect(r.body.headings[0]).toMatchObject({ kind: 'chapter', label: '第一章', title: '总则', firstArticleOrdinal: 1 });
    expect((await officer.get(`/api/laws/sources/${enc('不存在的法')}`)).status).toBe(404);
  });

  it('an article: paragraphs and items, heading, neighbours, the same number in every version', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const r = await officer.get(`/api/laws/articles/${enc('行政处罚法@2021-01-22#第六十三条')}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      label: '第六十三条',
      ordinal: 63,
      heading: '第五章 行政处罚的决定 / 第四节 听证程序',
      previousId: '行政处罚法@2021-01-22#第六十二条',
      nextId: '行政处罚法@2021-01-22#第六十四条',
      source: { id: '行政处罚法', levelLabel: '法律' },
      version: { versionDate: '2021-01-22', effectiveOn: '2021-07-15' },
    });
    expect(r.body.paragraphs[0].items.length).toBeGreaterThanOrEqual(5);
    expect(r.body.paragraphs[0].items[0].label).toBe('（一）');
    const first = (await officer.get(`/api/laws/articles/${enc('行政处罚法@2021-01-22#第一条')}`)).body;
    expect(first.previousId).toBeNull();
    const fy = (await officer.get(`/api/laws/articles/${enc('行政复议法@2023-09-01#第一条')}`)).body;
    expect(fy.versions.map((v: { versionDate: string; articleId: string }) => [v.versionDate, v.articleId])).toEqual([
      ['2017-09-01', '行政复议法@2017-09-01#第一条'],
      ['2023-09-01', '行政复议法@2023-09-01#第一条'],
    ]);
    expect((await officer.get(`/api/laws/articles/${enc('行政处罚法@2021-01-22#第九百条')}`)).status).toBe(404);
  });

  it('a character-level diff between two versions of one article; never across laws', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const r = await officer.get(`/api/laws/articles/${enc('行政复议法@2017-09-01#第一条')}/diff?with=${enc('行政复议法@2023-09-01#第一条')}`);
    expect(r.status).toBe(200);
    const [a, b] = await Promise.all(
      ['行政复议法@2017-09-01#第一条', '行政复议法@2023-09-01#第一条'].map(
        async (id) => (await env.ctx.db.query<{ body: string }>('select body from law_articles where id = $1', [id])).rows[0].body,
      ),
    );
    const ops = r.body.ops as { op: string; text: string }[];
    expect(
      ops
        .filter((o) => o.op !== 'insert')
        .map((o) => o.text)
        .join(''),
    ).toBe(a);
    expect(
      ops
        .filter((o) => o.op !== 'delete')
        .map((o) => o.text)
        .join(''),
    ).toBe(b);
    expect(r.body.identical).toBe(false);
    expect(ops.some((o) => o.op === 'equal')).toBe(true);
    const across = await officer.get(`/api/laws/articles/${enc('行政复议法@2023-09-01#第一条')}/diff?with=${enc('行政处罚法@2021-01-22#第一条')}`);
    expect(across.status).toBe(422);
    expect(across.body.error.code).toBe('DIFFERENT_LAWS');
  });
});

describe('repeal', () => {
  it('the platform administrator repeals a version; it then reads 已废止; twice is a conflict; officers and legal reviewers may not', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const reviewer = platform;
    const url = `/api/laws/versions/${enc('示例授权测试办法@2024-01-01')}/repeal`;
    expect((await officer.post(url, { repealedOn: '2025-01-01', note: '测试废止' })).status).toBe(403);
    expect((await client(env.app, await login(env.app, 'shenhe')).post(url, { repealedOn: '2025-01-01', note: '测试废止' })).status).toBe(403);
    expect((await reviewer.post(url, { repealedOn: '2023-01-01', note: '早于版本日期' })).status).toBe(422);
    const r = await reviewer.post(url, { repealedOn: '2025-01-01', note: '被新规章取代' });
    expect(r.status).toBe(200);
    const src = (await officer.get(`/api/laws/sources/${enc('示例授权测试办法')}`)).body;
    expect([src.status, src.statusLabel, src.version.repealedOn]).toEqual(['repealed', '已废止', '2025-01-01']);
    expect((await reviewer.post(url, { repealedOn: '2025-02-01', note: '再次废止' })).status).toBe(409);
    expect((await reviewer.post(`/api/laws/versions/${enc('没有@2024-01-01')}/repeal`, { repealedOn: '2025-02-01', note: '不存在' })).status).toBe(404);
  });
});
