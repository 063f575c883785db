import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setCitations } from '../src/modules/laws/citations.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

/**
 * 依据变更: a new version of a law flags every citation of an article the revision changed; a repeal
 * flags every citation of the repealed version; only a person clears a flag, with a note.
 * The citing subjects here are an org and an officer (any matter type works the same way).
 */
let env: TestEnv;
let district: string;
let officerId: string;
const enc = encodeURIComponent;

const law = (history: string, articles: string[]) =>
  [`# 依据变更测试办法`, history, '<!-- INFO END -->', ...articles.map((a, i) => `第${'一二三四五六七八九十'[i]}条 ${a}`)].join('\n\n') + '\n';
const A = '为了测试依据变更，制定本办法。';
const v1 = law('2020年1月1日 国家市场监督管理总局令第90号公布', [
  A,
  '违反本办法的，处一千元以上一万元以下罚款。',
  '第三条原来的内容。',
  '本办法自公布之日起施行。',
  '将被删除的条文。',
]);
const v2 = law('2022年1月1日 国家市场监督管理总局令第91号公布', [A, '违反本办法的，处五千元以上五万元以下罚款。', '本办法自公布之日起施行。']);
const v3 = law('2024年1月1日 国家市场监督管理总局令第92号公布', [
  '为了测试依据变更的处理，制定本办法。',
  '违反本办法的，处五千元以上五万元以下罚款。',
  '本办法自公布之日起施行。',
]);
const id = (date: string, label: string) => `依据变更测试办法@${date}#${label}`;

type Flag = {
  id: string;
  subjectType: string;
  subjectId: string;
  change: string;
  article: { id: string; body: string };
  newArticle: { id: string; body: string } | null;
  renumbered: boolean;
  diff: { op: string; text: string }[] | null;
  orgId: string | null;
  abilities: { clear: boolean };
  status: string;
  clearNote: string | null;
  clearedByName: string | null;
};

beforeAll(async () => {
  env = await createTestEnv({ laws: false });
  district = await orgIdByName(env, '示例区市场监督管理局');
  officerId = (await env.ctx.db.query<{ id: string }>(`select o.id from officers o join orgs g on g.id = o.org_id where g.name = '第二市场监管所' limit 1`))
    .rows[0].id;
});
afterAll(() => env.close());

/** the law library is the platform's: the platform administrator imports its versions */
const platformClient = async () => client(env.app, await login(env.app, 'pingtai'));

describe('basis flags', () => {
  it('setCitations refuses unknown articles, naming them', async () => {
    expect((await (await platformClient()).post('/api/laws/import', { fileName: '依据变更测试办法(2020-01-01).md', text: v1 })).status).toBe(201);
    const err = await env.ctx.db
      .transaction((tx) =>
        setCitations(tx, 'org', district, [
          { articleId: id('2020-01-01', '第一条'), role: 'basis' },
          { articleId: '没有@2020-01-01#第一条', role: 'basis' },
        ]),
      )
      .catch((e) => e);
    expect(err.code).toBe('ARTICLE_NOT_FOUND');
    expect(err.messageZh).toContain('没有@2020-01-01#第一条');
    expect((await env.ctx.db.query('select 1 from citations')).rows).toHaveLength(0);
  });

  it('a new version marks the old one 已修改 and flags exactly the affected citations', async () => {
    await env.ctx.db.transaction(async (tx) => {
      await setCitations(tx, 'org', district, [
        ...['第一条', '第二条', '第三条', '第四条', '第五条'].map((l) => ({ articleId: id('2020-01-01', l), role: 'basis' as const })),
        { articleId: id('2020-01-01', '第二条'), role: 'punishes' },
      ]);
      await setCitations(tx, 'officer', officerId, [{ articleId: id('2020-01-01', '第二条'), role: 'basis' }]);
    });
    const admin = client(env.app, await login(env.app, 'admin'));
    const before = await ledgerSize(env);
    const r = await (await platformClient()).post('/api/laws/import', { fileName: '依据变更测试办法(2022-01-01).md', text: v2 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ created: true, amendedVersionIds: ['依据变更测试办法@2020-01-01'], flagsRaised: 5 });
    expect(await ledgerSize(env)).toBe(before + 1 + 5);
    const status = (await env.ctx.db.query<{ status: string }>(`select status from law_versions where id = '依据变更测试办法@2020-01-01'`)).rows[0].status;
    expect(status).toBe('amended');

    const flags = (await admin.get('/api/laws/basis-flags?status=open')).body.items as Flag[];
    const byArticle = (subject: string, label: string) => flags.find((f) => f.subjectId === subject && f.article.id === id('2020-01-01', label));
    expect(byArticle(district, '第一条')).toBeUndefined(); // unchanged text: not affected
    expect(byArticle(district, '第二条')).toMatchObject({
      change: 'amended',
      newArticle: { id: id('2022-01-01', '第二条') },
      renumbered: false,
      orgId: district,
    });
    expect(byArticle(district, '第三条')).toMatchObject({ change: 'amended', newArticle: { id: id('2022-01-01', '第三条') } });
    expect(byArticle(district, '第四条')).toMatchObject({ change: 'amended', newArticle: { id: id('2022-01-01', '第三条') }, renumbered: true });
    expect(byArticle(district, '第五条')).toMatchObject({ change: 'removed', newArticle: null, diff: null });
    expect(byArticle(officerId, '第二条')).toMatchObject({ subjectType: 'officer', change: 'amended' });
    const diff = byArticle(district, '第二条')!.diff!;
    expect(
      diff
        .filter((o) => o.op !== 'insert')
        .map((o) => o.text)
        .join(''),
    ).toBe('违反本办法的，处一千元以上一万元以下罚款。');
    expect(
      diff
        .filter((o) => o.op !== 'delete')
        .map((o) => o.text)
        .join(''),
    ).toBe('违反本办法的，处五千元以上五万元以下罚款。');
    expect(diff.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['一', '一']);
    expect(diff.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['五', '五']);

    const entries = (
      await env.ctx.db.query<{ matter_type: string; org_id: string | null }>(
        `select matter_type, org_id from ledger_entries where event_type = 'basis.flagged' order by seq`,
      )
    ).rows;
    expect(entries.map((e) => e.matter_type).sort()).toEqual(['officer', 'org', 'org', 'org', 'org']);
    expect(entries.every((e) => e.org_id)).toBe(true);
    // both versions stay searchable
    const hits = (await admin.get(`/api/laws/search?q=${enc('罚款')}&sourceId=${enc('依据变更测试办法')}`)).body.hits as { versionDate: string }[];
    expect(hits.map((h) => h.versionDate).sort()).toEqual(['2020-01-01', '2022-01-01']);
  });

  it('re-importing the new version raises nothing again', async () => {
    const before = await ledgerSize(env);
    const r = await (await platformClient()).post('/api/laws/import', { fileName: '依据变更测试办法(2022-01-01).md', text: v2 });
    expect(r.body).toMatchObject({ created: false, flagsRaised: 0 });
    expect(await ledgerSize(env)).toBe(before);
  });

  it('flags are seen where their subject is; only admins and legal reviewers clear them, with a note', async () => {
    const reviewer = client(env.app, await login(env.app, 'shenhe'));
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const seenByReviewer = (await reviewer.get('/api/laws/basis-flags')).body.items as Flag[];
    expect(seenByReviewer.map((f) => f.subjectType).sort()).toEqual(['org', 'org', 'org', 'org']); // the station's officer is outside the legal office's subtree
    const seenByOfficer = (await officer.get('/api/laws/basis-flags')).body.items as Flag[];
    expect(seenByOfficer).toHaveLength(5);
    expect(seenByOfficer.every((f) => !f.abilities.clear)).toBe(true);

    const target = seenByReviewer[0];
    const before = await ledgerSize(env);
    expect((await officer.post(`/api/laws/basis-flags/${target.id}/clear`, { note: '执法人员无权处理' })).status).toBe(403);
    expect((await reviewer.post(`/api/laws/basis-flags/${target.id}/clear`, { note: '' })).status).toBe(400);
    expect((await reviewer.post('/api/laws/basis-flags/no-such-flag/clear', { note: '不存在的提示' })).status).toBe(404);
    expect(await ledgerSize(env)).toBe(before);

    const r = await reviewer.post(`/api/laws/basis-flags/${target.id}/clear`, { note: '已核对新条文，依据仍然适用' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'cleared', clearNote: '已核对新条文，依据仍然适用', clearedByName: '陈静' });
    expect(await ledgerSize(env)).toBe(before + 1);
    const entry = (
      await env.ctx.db.query<{ matter_type: string; matter_id: string }>(`select matter_type, matter_id from ledger_entries where event_type = 'basis.cleared'`)
    ).rows;
    expect(entry).toEqual([{ matter_type: 'org', matter_id: district }]);
    expect((await reviewer.post(`/api/laws/basis-flags/${target.id}/clear`, { note: '再次处理' })).status).toBe(409);
    expect((await reviewer.get('/api/laws/basis-flags?status=open')).body.total).toBe(3);
    expect((await reviewer.get('/api/laws/basis-flags?status=cleared')).body.total).toBe(1);
  });

  it('a later revision flags a citation of an older version when its article changes then', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    const r = await (await platformClient()).post('/api/laws/import', { fileName: '依据变更测试办法(2024-01-01).md', text: v3 });
    // 第一条 was unchanged in 2022 (cited in its 2020 text), and changes now
    expect(r.body).toMatchObject({ created: true, amendedVersionIds: ['依据变更测试办法@2022-01-01'], flagsRaised: 1 });
    const flags = (await admin.get('/api/laws/basis-flags?status=open')).body.items as Flag[];
    expect(flags.filter((f) => f.article.id === id('2020-01-01', '第一条'))).toMatchObject([
      { change: 'amended', newArticle: { id: id('2024-01-01', '第一条') } },
    ]);
  });

  it('an older version imported late is 已修改 at once and flags nothing', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    const v0 = law('2019年1月1日 国家市场监督管理总局令第89号公布', [A, '旧的罚则。']);
    const r = await (await platformClient()).post('/api/laws/import', { fileName: '依据变更测试办法(2019-01-01).md', text: v0 });
    expect(r.body).toMatchObject({ created: true, amendedVersionIds: [], flagsRaised: 0 });
    const versions = (await admin.get(`/api/laws/sources/${enc('依据变更测试办法')}`)).body.versions as { versionDate: string; status: string }[];
    expect(versions.map((v) => [v.versionDate, v.status])).toEqual([
      ['2019-01-01', 'amended'],
      ['2020-01-01', 'amended'],
      ['2022-01-01', 'amended'],
      ['2024-01-01', 'effective'],
    ]);
  });

  it('a repeal flags every citation of the repealed version', async () => {
    await env.ctx.db.transaction((tx) => setCitations(tx, 'officer', officerId, [{ articleId: id('2024-01-01', '第二条'), role: 'punishes' }]));
    const r = await (await platformClient()).post(`/api/laws/versions/${enc('依据变更测试办法@2024-01-01')}/repeal`, {
      repealedOn: '2025-06-01',
      note: '已被新规章废止',
    });
    expect(r.body).toMatchObject({ flagsRaised: 1 });
    const admin = client(env.app, await login(env.app, 'admin'));
    const flags = (await admin.get('/api/laws/basis-flags?status=open&subjectType=officer')).body.items as Flag[];
    expect(flags.find((f) => f.change === 'repealed')).toMatchObject({ subjectId: officerId, article: { id: id('2024-01-01', '第二条') }, newArticle: null });
  });
});
