import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { powerCategoryIds } from '../src/domain/powers.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let district: string;
let squad: string;
let leaderId: string;
const today = chinaToday();
const day = (n: number) => addDays(today, n);

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  admin = client(env.app, await login(env.app, 'admin'));
  district = await orgIdByName(env, '示例区市场监督管理局');
  squad = await orgIdByName(env, '综合行政执法大队');
  leaderId = (await login(env.app, 'lingdao')).user.id;
});
afterAll(() => env.close());

const FOOD = '食品安全法@2021-04-29';
const item = (over: Record<string, unknown> = {}) => ({
  name: '对测试违法行为的行政处罚',
  category: 'penalty',
  unitId: squad,
  basis: [`${FOOD}#第三十四条`, `${FOOD}#第一百二十四条`],
  responsibilities: ['立案责任', '调查责任'],
  accountability: ['没有法定依据实施处罚的'],
  timeLimit: '九十日',
  phone: '0990-86012304',
  remarks: '内部备注：测试',
  ...over,
});
const change = (effectiveOn: string, over: Record<string, unknown> = {}) => ({
  reason: 'lawChange',
  note: '测试调整说明',
  effectiveOn,
  approverId: leaderId,
  ...over,
});
const citationsOf = async (id: string) =>
  (
    await env.ctx.db.query<{ article_id: string }>(
      `select article_id from citations where subject_type = 'powerItem' and subject_id = $1 and role = 'basis' order by article_id`,
      [id],
    )
  ).rows.map((r) => r.article_id);

describe('the demo power list', () => {
  it('covers all ten categories with real articles and shows its history as of any date', async () => {
    const r = await admin.get('/api/powers');
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThanOrEqual(40);
    const summary = (await admin.get(`/api/powers/summary?bodyId=${district}`)).body;
    for (const c of summary.categories) expect(c.items, c.label).toBeGreaterThan(0);
    expect(summary.categories.map((c: { category: string }) => c.category)).toEqual(powerCategoryIds);
    expect(summary.total).toBe(r.body.items.length);
    const expired = r.body.items.find((i: { code: string }) => i.code === '990105-CF-002');
    expect(expired.basis.map((b: { articleId: string }) => b.articleId)).toEqual([`${FOOD}#第三十四条`, `${FOOD}#第一百二十四条`]);
    expect(expired.basis[1]).toMatchObject({ label: '第一百二十四条', lawTitle: '中华人民共和国食品安全法', versionDate: '2021-04-29' });
    // 药品零售企业经营许可 was transferred on 2025-07-01; the complaints unit changes next month
    const codes = (list: { code: string }[]) => list.map((i) => i.code);
    expect(codes(r.body.items)).not.toContain('990105-XK-002');
    expect(codes((await admin.get('/api/powers?asOf=2025-06-30')).body.items)).toContain('990105-XK-002');
    expect(codes((await admin.get('/api/powers?asOf=2023-12-31')).body.items)).toEqual([]);
    const unitOf = async (asOf: string) => (await admin.get(`/api/powers?asOf=${asOf}&q=990105-QT-001`)).body.items[0].unitName;
    expect(await unitOf(today)).toBe('第二市场监管所');
    expect(await unitOf(day(31))).toBe('第一市场监管所');
  });
});

describe('add, amend and remove (立改废)', () => {
  it('keeps every version, answers as-of queries, records each change and keeps the citations current', async () => {
    const before = await ledgerSize(env);
    const add = await admin.post('/api/powers', {
      bodyId: district,
      code: '990105-CF-901',
      item: item(),
      change: change(day(-300), { reason: 'superiorRequirement' }),
    });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    const id = add.body.id;
    expect(add.body).toMatchObject({ versionNo: 1, validFrom: day(-300), validTo: null, inEffect: true, categoryLabel: '行政处罚' });
    expect(await citationsOf(id)).toEqual([`${FOOD}#第一百二十四条`, `${FOOD}#第三十四条`].sort());

    const amend = await admin.post(`/api/powers/${id}/amend`, {
      item: { basis: [`${FOOD}#第一百二十六条`], timeLimit: '立案之日起九十日内' },
      change: change(day(-200)),
    });
    expect(amend.status, JSON.stringify(amend.body)).toBe(200);
    expect(amend.body.versions.map((v: { changedFields: string[] }) => v.changedFields)).toEqual([[], ['basis', 'timeLimit']]);
    expect(await citationsOf(id)).toEqual([`${FOOD}#第一百二十六条`]);

    const remove = await admin.post(`/api/powers/${id}/remove`, { change: change(day(-100), { reason: 'orgChange', note: '职能划转' }) });
    expect(remove.status, JSON.stringify(remove.body)).toBe(200);
    expect(remove.body).toMatchObject({ removed: true, inEffect: false });
    expect(remove.body.versions.map((v: { change: { kind: string } }) => v.change.kind)).toEqual(['add', 'amend', 'remove']);
    expect(remove.body.versions[2].change).toMatchObject({
      reason: 'orgChange',
      reasonLabel: '机构职能调整',
      note: '职能划转',
      approver: { id: leaderId, name: '刘建国' },
      requestedBy: { name: '系统管理员' },
    });
    expect(await citationsOf(id)).toEqual([]);

    const at = async (asOf: string) => (await admin.get(`/api/powers?asOf=${asOf}&q=990105-CF-901`)).body.items;
    expect(await at(day(-301))).toEqual([]);
    expect((await at(day(-250)))[0]).toMatchObject({ versionNo: 1, timeLimit: '九十日', validTo: day(-200) });
    expect((await at(day(-150)))[0]).toMatchObject({ versionNo: 2, timeLimit: '立案之日起九十日内' });
    expect(await at(day(-100))).toEqual([]);
    const old = (await admin.get(`/api/powers/${id}?asOf=${day(-250)}`)).body;
    expect(old).toMatchObject({ versionNo: 1, inEffect: true, removed: false });
    expect(old.basis.map((b: { label: string }) => b.label)).toEqual(['第三十四条', '第一百二十四条']);

    expect(await ledgerSize(env)).toBe(before + 3);
    const rec = await admin.get(`/api/record/matters/powerItem/${id}`);
    expect(rec.status).toBe(200);
    expect(rec.body.title).toBe('权责事项 990105-CF-901 对测试违法行为的行政处罚');
    expect(rec.body.entries.map((e: { eventType: string }) => e.eventType)).toEqual(['power.added', 'power.amended', 'power.removed']);
    expect(rec.body.entries[1].payload).toMatchObject({
      itemId: id,
      versionNo: 2,
      changedFields: ['basis', 'timeLimit'],
      approverId: leaderId,
      effectiveOn: day(-200),
    });
  });

  it("schedules a change for a future date without changing today's list", async () => {
    const add = await admin.post('/api/powers', { bodyId: district, code: '990105-CF-902', item: item(), change: change(day(-10)) });
    const id = add.body.id;
    await admin.post(`/api/powers/${id}/amend`, { item: { name: '对测试违法行为的行政处罚（新）' }, change: change(day(20)) });
    expect((await admin.get(`/api/powers/${id}`)).body).toMatchObject({ name: '对测试违法行为的行政处罚', validTo: day(20), inEffect: true });
    expect((await admin.get(`/api/powers/${id}?asOf=${day(20)}`)).body.name).toBe('对测试违法行为的行政处罚（新）');
  });

  it('keeps sub-items with their parent: same category, removed with it', async () => {
    const parent = (await admin.post('/api/powers', { bodyId: district, code: '990105-CF-903', item: item(), change: change(day(-50)) })).body;
    const sub = await admin.post('/api/powers', {
      bodyId: district,
      code: '990105-CF-903-01',
      parentId: parent.id,
      item: item({ name: '子项：情节严重的' }),
      change: change(day(-50)),
    });
    expect(sub.status).toBe(201);
    expect(sub.body.parent).toMatchObject({ id: parent.id, code: '990105-CF-903' });
    const wrong = await admin.post('/api/powers', {
      bodyId: district,
      code: '990105-XK-903-02',
      parentId: parent.id,
      item: item({ category: 'licensing' }),
      change: change(day(-50)),
    });
    expect(wrong.body.error.code).toBe('PARENT_INVALID');
    expect((await admin.post(`/api/powers/${parent.id}/amend`, { item: { category: 'other' }, change: change(day(-40)) })).body.error.code).toBe(
      'POWER_CODE_INVALID',
    );
    const removed = await admin.post(`/api/powers/${parent.id}/remove`, { change: change(day(-30)) });
    expect(removed.status).toBe(200);
    const subNow = (await admin.get(`/api/powers/${sub.body.id}`)).body;
    expect(subNow.removed).toBe(true);
    const rec = (await admin.get(`/api/record/matters/powerItem/${sub.body.id}`)).body.entries;
    expect(rec.map((e: { eventType: string }) => e.eventType)).toEqual(['power.added', 'power.removed']);
    expect(rec[1].payload.cascadeOf).toBe(parent.id);
  });
});

describe('bad input: a 4xx with a stable code and a Chinese message, and nothing written', () => {
  let existing: string;
  beforeAll(async () => {
    existing = (await admin.post('/api/powers', { bodyId: district, code: '990105-CF-950', item: item(), change: change(day(-5)) })).body.id;
  });
  const cases: { name: string; send: () => Promise<{ status: number; body: any }>; status: number; code: string }[] = [
    {
      name: 'approver is not a leader',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-951', item: item(), change: change(day(-5), { approverId: 'no-such-user' }) }),
      status: 422,
      code: 'APPROVER_INVALID',
    },
    {
      name: 'effective date not after the current version',
      send: () => admin.post(`/api/powers/${existing}/amend`, { item: { fee: '不收费' }, change: change(day(-5)) }),
      status: 422,
      code: 'EFFECTIVE_DATE_TOO_EARLY',
    },
    {
      name: 'nothing changed',
      send: () => admin.post(`/api/powers/${existing}/amend`, { item: { timeLimit: '九十日' }, change: change(day(1)) }),
      status: 422,
      code: 'NOTHING_CHANGED',
    },
    {
      name: 'code taken',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-950', item: item(), change: change(day(-5)) }),
      status: 409,
      code: 'POWER_CODE_TAKEN',
    },
    {
      name: 'code letters contradict the category',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-XK-951', item: item(), change: change(day(-5)) }),
      status: 422,
      code: 'POWER_CODE_INVALID',
    },
    {
      name: 'unknown article',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-952', item: item({ basis: [`${FOOD}#第九百条`] }), change: change(day(-5)) }),
      status: 422,
      code: 'ARTICLE_NOT_FOUND',
    },
    {
      name: 'free-text basis',
      send: () =>
        admin.post('/api/powers', { bodyId: district, code: '990105-CF-953', item: item({ basis: ['食品安全法第三十四条'] }), change: change(day(-5)) }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'no basis at all',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-954', item: item({ basis: [] }), change: change(day(-5)) }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'unknown category',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-955', item: item({ category: 'guidance' }), change: change(day(-5)) }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'unknown reason',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-956', item: item(), change: change(day(-5), { reason: '领导要求' }) }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'unit outside the body',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-957', item: item({ unitId: 'nowhere' }), change: change(day(-5)) }),
      status: 422,
      code: 'UNIT_NOT_IN_BODY',
    },
    {
      name: 'a unit is not an enforcement body',
      send: () => admin.post('/api/powers', { bodyId: squad, code: '990105-CF-958', item: item(), change: change(day(-5)) }),
      status: 422,
      code: 'BODY_NOT_ENFORCEMENT',
    },
    {
      name: 'impossible date',
      send: () => admin.post('/api/powers', { bodyId: district, code: '990105-CF-959', item: item(), change: change('2026-02-30') }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'extra field',
      send: () => admin.post(`/api/powers/${existing}/remove`, { change: change(day(1)), force: true }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'unknown item',
      send: () => admin.post('/api/powers/no-such-item/amend', { item: { fee: '不收费' }, change: change(day(1)) }),
      status: 404,
      code: 'NOT_FOUND',
    },
  ];
  it.each(cases)('$name → $status $code', async ({ send, status, code }) => {
    const before = await ledgerSize(env);
    const r = await send();
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('refuses to change a removed item', async () => {
    await admin.post(`/api/powers/${existing}/remove`, { change: change(day(-1)) });
    const r = await admin.post(`/api/powers/${existing}/amend`, { item: { fee: '不收费' }, change: change(day(5)) });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('POWER_ITEM_REMOVED');
  });
});

describe('public view for the portal', () => {
  it('shows only items in effect today, with an allow-list of fields, without login', async () => {
    const anon = client(env.app, null);
    const r = await anon.get('/api/public/powers');
    expect(r.status).toBe(200);
    const allowed = [
      'id',
      'code',
      'name',
      'category',
      'categoryLabel',
      'parentId',
      'bodyId',
      'bodyName',
      'unitName',
      'validFrom',
      'basis',
      'responsibilities',
      'accountability',
      'steps',
      'materials',
      'timeLimit',
      'fee',
      'office',
      'phone',
    ];
    for (const i of r.body.items) expect(Object.keys(i).sort()).toEqual([...allowed].sort());
    for (const b of r.body.items[0].basis) expect(Object.keys(b).sort()).toEqual(['articleId', 'label', 'lawTitle', 'versionDate']);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(leaderId);
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain('纳入“开办餐馆一件事”'); // a remark of the demo list
    expect(text).not.toContain('测试调整说明');
    const codes = r.body.items.map((i: { code: string }) => i.code);
    expect(codes).toContain('990105-CF-002');
    expect(codes).not.toContain('990105-XK-002'); // removed
    expect(codes).not.toContain('990105-CF-901'); // removed in the test above
    const internal = (await admin.get('/api/powers')).body.items.length;
    expect(r.body.items.length).toBe(internal);

    const one = await anon.get(`/api/public/powers/${r.body.items[0].id}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual([...allowed, 'subItems'].sort());
    const removedId = (await admin.get('/api/powers?asOf=2025-06-30&q=990105-XK-002')).body.items[0].id;
    expect((await anon.get(`/api/public/powers/${removedId}`)).status).toBe(404);
    expect((await anon.get('/api/public/powers?category=levy')).body.items.every((i: { category: string }) => i.category === 'levy')).toBe(true);
  });
});
