import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { importLawText } from '../src/modules/laws/commands/import-law.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { SAMPLE_LAWS_DIR } from '../src/seed/lawFiles.ts';
import { client, createTestEnv, login, orgIdByName, type TestEnv } from './helpers.ts';

/**
 * A power item cites an article of 行政复议法 (2017); importing the 2023 revision flags the item
 * "basis changed" through the law library's one impact mechanism — the power list only wrote citations.
 */
const LAWS = SAMPLE_LAWS_DIR;
const importLaw = (env: TestEnv, fileName: string) =>
  env.ctx.db.transaction((tx) => importLawText(env.ctx, tx, SYSTEM_ACTOR, { fileName, text: readFileSync(join(LAWS, fileName), 'utf8') }));

let env: TestEnv;
let admin: ReturnType<typeof client>;
let itemId: string;
const today = chinaToday();

beforeAll(async () => {
  env = await createTestEnv(); // no law library: this file loads the versions itself, in order
  admin = client(env.app, await login(env.app, 'admin'));
  await importLaw(env, '行政复议法(2017-09-01).md');
  const legal = await orgIdByName(env, '法制科');
  const add = await admin.post('/api/powers', {
    bodyId: await orgIdByName(env, '示例区市场监督管理局'),
    code: '990105-QT-090',
    item: {
      name: '行政复议答复',
      category: 'other',
      unitId: legal,
      basis: ['行政复议法@2017-09-01#第九条', '行政复议法@2017-09-01#第二十八条'],
      responsibilities: ['在法定期限内提出书面答复并提交证据'],
      accountability: ['逾期不答复的'],
    },
    change: { reason: 'superiorRequirement', note: '补充事项', effectiveOn: addDays(today, -30), approverId: (await login(env.app, 'lingdao')).user.id },
  });
  expect(add.status, JSON.stringify(add.body)).toBe(201);
  itemId = add.body.id;
});
afterAll(() => env.close());

describe('a newer version of a cited law', () => {
  it('flags the power item, on its record, until a person clears it', async () => {
    const before = (await admin.get(`/api/powers/${itemId}`)).body;
    expect(before.basisFlags).toEqual([]);
    expect(before.basis.map((b: { versionStatus: string }) => b.versionStatus)).toEqual(['effective', 'effective']);

    const r = await importLaw(env, '行政复议法(2023-09-01).md');
    expect(r.flagsRaised).toBeGreaterThanOrEqual(2);

    const after = (await admin.get(`/api/powers/${itemId}`)).body;
    expect(after.basisFlags.map((f: { articleId: string; status: string }) => [f.articleId, f.status]).sort()).toEqual([
      ['行政复议法@2017-09-01#第九条', 'open'],
      ['行政复议法@2017-09-01#第二十八条', 'open'],
    ]);
    for (const f of after.basisFlags) expect(f.newArticleId).toMatch(/^行政复议法@2023-09-01#/);
    expect(after.basis.map((b: { versionStatus: string }) => b.versionStatus)).toEqual(['amended', 'amended']);
    const rec = (await admin.get(`/api/record/matters/powerItem/${itemId}`)).body.entries.map((e: { eventType: string }) => e.eventType);
    expect(rec).toEqual(['power.added', 'basis.flagged', 'basis.flagged']);

    // a text reference now resolves to the new version; the item still cites the old one until amended
    const resolved = (await admin.get(`/api/powers/basis/resolve?text=${encodeURIComponent('《中华人民共和国行政复议法》第九条')}`)).body.refs[0];
    expect(resolved.articles[0].articleId).toBe('行政复议法@2023-09-01#第九条');
    const amended = await admin.post(`/api/powers/${itemId}/amend`, {
      item: { basis: ['行政复议法@2023-09-01#第四十八条'] },
      change: { reason: 'lawChange', note: '行政复议法修订，依据调整为第四十八条', effectiveOn: today, approverId: (await login(env.app, 'lingdao')).user.id },
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    const cites = (
      await env.ctx.db.query<{ article_id: string }>(`select article_id from citations where subject_type = 'powerItem' and subject_id = $1`, [itemId])
    ).rows;
    expect(cites.map((c) => c.article_id)).toEqual(['行政复议法@2023-09-01#第四十八条']);
  });
});
