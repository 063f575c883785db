/** 双随机、一公开 across the org and role lines: other districts see nothing, readers cannot act, nothing is written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { chinaToday } from '../src/domain/dates.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';
import { importCsv, itemInput, targetCsv, taskInput } from './inspections-fixtures.ts';

let env: TestEnv;
let district: string;
let taskId: string;
let version: number;
let drawnTarget: string;
let drawnOfficer: string;

beforeAll(async () => {
  env = await createTestEnv();
  district = await orgIdByName(env, '示例区市场监督管理局');
  const city = await orgIdByName(env, '示例市市场监督管理局');
  await env.ctx.db.transaction(async (tx) => {
    const other = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '另一区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      divisionCode: '990102',
      legalBasis: '《中华人民共和国行政处罚法》第十八条',
    });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'other',
      displayName: '外区管理员',
      orgId: other,
      roles: ['admin'],
      password: DEMO_PASSWORD,
      officerId: null,
    });
  });
  const s = await login(env.app, 'admin');
  const admin = client(env.app, s);
  const item = (await admin.post('/api/inspections/items', itemInput(district))).body.id;
  await importCsv(env, s, district, targetCsv(24));
  const plan = (await admin.post('/api/inspections/plans', { bodyId: district, year: new Date().getFullYear(), title: '计划' })).body.id;
  const t = (await admin.post('/api/inspections/tasks', taskInput(plan, item))).body;
  const c = (await admin.post(`/api/inspections/tasks/${t.id}/commit`, { expectedVersion: t.version })).body;
  const d = (await admin.post(`/api/inspections/tasks/${t.id}/draw`, { expectedVersion: c.version })).body;
  taskId = d.id;
  version = d.version;
  const a = (await admin.get(`/api/inspections/tasks/${taskId}/assignments`)).body.items[0];
  drawnTarget = a.targetId;
  drawnOfficer = a.inspectors[0].officerId;
}, 60_000);
afterAll(() => env?.close());

const result = () => ({ targetId: drawnTarget, inspectedOn: chinaToday(), checkedItems: ['经营资质'], finding: 'qualified' });

describe('random inspections authorization', () => {
  it('another district sees nothing and writes nothing (404)', async () => {
    const c = client(env.app, await login(env.app, 'other'));
    const before = await ledgerSize(env);
    expect((await c.get(`/api/inspections/tasks/${taskId}`)).status).toBe(404);
    expect((await c.get(`/api/inspections/tasks/${taskId}/assignments`)).status).toBe(404);
    expect((await c.get(`/api/inspections/targets?bodyId=${district}`)).status).toBe(404);
    expect((await c.post(`/api/inspections/tasks/${taskId}/results`, result())).status).toBe(404);
    expect((await c.post(`/api/inspections/tasks/${taskId}/complete`, { expectedVersion: version })).status).toBe(404);
    expect((await c.post('/api/inspections/items', itemInput(district, { code: 'X-1' }))).status).toBe(404);
    expect((await importCsv(env, await login(env.app, 'other'), district, targetCsv(2, { from: 500 }))).status).toBe(404);
    expect((await c.get('/api/inspections/targets')).body.total).toBe(0);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('the city supervisor reads but cannot act (403)', async () => {
    const c = client(env.app, await login(env.app, 'jiandu'));
    const before = await ledgerSize(env);
    expect((await c.get(`/api/inspections/tasks/${taskId}`)).status).toBe(200);
    expect((await c.get(`/api/inspections/stats?bodyId=${district}`)).status).toBe(200);
    expect((await c.post(`/api/inspections/tasks/${taskId}/complete`, { expectedVersion: version })).status).toBe(403);
    expect((await c.post(`/api/inspections/tasks/${taskId}/results`, result())).status).toBe(403);
    expect((await c.post('/api/inspections/plans', { bodyId: district, year: 2026, title: '越权计划' })).status).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('a station officer reads the bureau’s task, cannot manage it, and enters results only for targets they were drawn for', async () => {
    const zhifa = client(env.app, await login(env.app, 'zhifa'));
    expect((await zhifa.get(`/api/inspections/tasks/${taskId}`)).status).toBe(200);
    expect((await zhifa.post(`/api/inspections/tasks/${taskId}/complete`, { expectedVersion: version })).status).toBe(403);
    const zhifaOfficer = (await env.ctx.db.query<{ officerId: string }>(`select officer_id as "officerId" from users where username = 'zhifa'`)).rows[0]
      .officerId;
    const a = (await zhifa.get(`/api/inspections/tasks/${taskId}/assignments`)).body.items;
    const notMine = a.find((x: { inspectors: { officerId: string }[] }) => !x.inspectors.some((i) => i.officerId === zhifaOfficer));
    const before = await ledgerSize(env);
    const r = await zhifa.post(`/api/inspections/tasks/${taskId}/results`, { ...result(), targetId: notMine.targetId });
    expect(r.status).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
    // the drawn inspector, given a login, may
    const station = (await env.ctx.db.query<{ orgId: string }>('select org_id as "orgId" from officers where id = $1', [drawnOfficer])).rows[0].orgId;
    await env.ctx.db.transaction((tx) =>
      insertUser(tx, env.ctx, SYSTEM_ACTOR, {
        username: 'drawn1',
        displayName: '被抽中人员',
        orgId: station,
        roles: ['officer'],
        password: DEMO_PASSWORD,
        officerId: drawnOfficer,
      }),
    );
    const drawn = client(env.app, await login(env.app, 'drawn1'));
    expect((await drawn.get('/api/inspections/mine')).body.items.some((x: { targetId: string }) => x.targetId === drawnTarget)).toBe(true);
    const ok = await drawn.post(`/api/inspections/tasks/${taskId}/results`, result());
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
  });

  it('anonymous callers get 401, the public portal answers', async () => {
    const anon = client(env.app, null);
    expect((await anon.get(`/api/inspections/tasks/${taskId}`)).status).toBe(401);
    expect((await anon.get(`/api/public/inspections/draws/${taskId}/verify`)).body.ok).toBe(true);
  });
});
