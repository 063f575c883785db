import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaToday } from '../src/domain/dates.ts';
import { powerSheetColumns } from '../src/domain/powerSheet.ts';
import { writeAdd } from '../src/modules/powers/commands/write-change.ts';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

/**
 * Two district bureaus under one city bureau. District A's people must not see or change district
 * B's list (404), units below a bureau read its list but do not change it (403), and the city
 * supervisor reads both.
 */
let env: TestEnv;
let other: { org: string; unit: string; item: string; leader: string };
let district: string;
let ownItem: string;
let leaderId: string;
const today = chinaToday();
const c = async (u: string) => client(env.app, await login(env.app, u));
const content = (unitId: string) => ({
  name: '对邻区测试行为的行政处罚',
  category: 'penalty' as const,
  unitId,
  basis: ['食品安全法@2021-04-29#第一百二十四条'],
  responsibilities: ['立案责任'],
  accountability: ['没有法定依据的'],
  steps: [],
  materials: [],
  timeLimit: null,
  fee: null,
  office: null,
  phone: null,
  remarks: '邻区内部备注',
});

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  const city = await orgIdByName(env, '示例市市场监督管理局');
  district = await orgIdByName(env, '示例区市场监督管理局');
  leaderId = (await login(env.app, 'lingdao')).user.id;
  other = await env.ctx.db.transaction(async (tx) => {
    const org = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '邻区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '行政处罚法 第十八条',
    });
    const unit = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, { parentId: org, name: '邻区执法大队', kind: 'squad', isEnforcementBody: false });
    await insertUser(tx, env.ctx, SYSTEM_ACTOR, { username: 'linqu', displayName: '邻区管理员', orgId: org, roles: ['admin'], password: 'Neighbour2026' });
    const leader = await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'linqu_ld',
      displayName: '邻区局长',
      orgId: org,
      roles: ['leader'],
      password: 'Neighbour2026',
    });
    const { itemId } = await writeAdd(
      tx,
      env.ctx,
      { bodyId: org, code: '990106-CF-001', parentId: null, content: content(unit) },
      {
        actor: SYSTEM_ACTOR,
        change: { reason: 'superiorRequirement', note: '邻区清单', effectiveOn: '2025-01-01', approverId: leader },
      },
    );
    return { org, unit, item: itemId, leader };
  });
  ownItem = (await (await c('admin')).get('/api/powers?q=990105-CF-002')).body.items[0].id;
});
afterAll(() => env.close());

const change = (over: Record<string, unknown> = {}) => ({
  reason: 'lawChange',
  note: '越界调整',
  effectiveOn: addDays(today, 3),
  approverId: leaderId,
  ...over,
});

describe('district boundaries', () => {
  it("hides the other district's list and record (404, never data)", async () => {
    const admin = await c('admin');
    for (const url of [`/api/powers/${other.item}`, `/api/record/matters/powerItem/${other.item}`, `/api/powers/approvers?bodyId=${other.org}`]) {
      const r = await admin.get(url);
      expect(r.status, url).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('邻区');
    }
    expect((await admin.get('/api/powers')).body.items.some((i: { id: string }) => i.id === other.item)).toBe(false);
    expect((await admin.get(`/api/powers?bodyId=${other.org}`)).body.items).toEqual([]);
    expect((await admin.get(`/api/powers/summary?bodyId=${other.org}`)).body.total).toBe(0);
    expect((await admin.get('/api/powers/bodies')).body.items.map((b: { name: string }) => b.name)).toEqual(['示例市市场监督管理局', '示例区市场监督管理局']);
  });

  it('refuses every change across the line and writes nothing', async () => {
    const admin = await c('admin');
    const before = await ledgerSize(env);
    expect((await admin.post(`/api/powers/${other.item}/amend`, { item: { fee: '不收费' }, change: change() })).status).toBe(404);
    expect((await admin.post(`/api/powers/${other.item}/remove`, { change: change() })).status).toBe(404);
    const add = await admin.post('/api/powers', {
      bodyId: other.org,
      code: '990106-CF-002',
      item: { ...content(other.unit), steps: undefined, materials: undefined },
      change: change(),
    });
    expect(add.body.error.code).toBe('BODY_NOT_FOUND');
    // a leader of the other district cannot approve this district's changes
    const wrongLeader = await admin.post(`/api/powers/${ownItem}/amend`, { item: { fee: '按件收费' }, change: change({ approverId: other.leader }) });
    expect(wrongLeader.status).toBe(422);
    expect(wrongLeader.body.error.code).toBe('APPROVER_INVALID');
    // an import naming the other district's body fails on that row
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('权责清单');
    ws.addRow(powerSheetColumns.filter((x) => x.required).map((x) => x.header));
    ws.addRow([
      '1',
      '990106-CF-009',
      '对越界事项的行政处罚',
      '',
      '行政处罚',
      '邻区市场监督管理局',
      '邻区执法大队',
      '《食品安全法》第一百二十四条',
      '立案责任',
      '没有法定依据的',
      '',
      '',
      '',
      '',
    ]);
    const imp = await admin.post('/api/powers/import', {
      fileBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
      reason: 'lawChange',
      note: '越界导入',
      effectiveOn: addDays(today, 3),
      approverId: leaderId,
    });
    expect(imp.status).toBe(422);
    expect(imp.body.error.details.errors).toEqual([
      { row: 2, column: '实施主体', message: '实施主体“邻区市场监督管理局”不存在、不是执法主体，或不在您可调整的范围内' },
    ]);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('the city supervisor reads both districts but changes neither', async () => {
    const sup = await c('jiandu');
    const r = await sup.get(`/api/powers/${other.item}`);
    expect(r.status).toBe(200);
    expect(r.body.abilities).toEqual({ read: true, amend: false, remove: false, viewRecord: true });
    expect((await sup.get('/api/powers')).body.items.some((i: { id: string }) => i.id === other.item)).toBe(true);
    const before = await ledgerSize(env);
    expect((await sup.post(`/api/powers/${other.item}/amend`, { item: { fee: '不收费' }, change: change({ approverId: other.leader }) })).status).toBe(403);
    expect(
      (
        await sup.post('/api/powers', {
          bodyId: district,
          code: '990105-CF-990',
          item: { ...content(district), steps: undefined, materials: undefined },
          change: change(),
        })
      ).status,
    ).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
  });
});

describe('roles inside the district', () => {
  it("a station officer and the legal office read the bureau's list (it is above them) but cannot change it", async () => {
    for (const u of ['zhifa', 'shenhe']) {
      const s = await c(u);
      const list = await s.get('/api/powers');
      expect(list.status).toBe(200);
      expect(list.body.items.length).toBeGreaterThanOrEqual(40);
      const item = await s.get(`/api/powers/${ownItem}`);
      expect(item.body.abilities, u).toEqual({ read: true, amend: false, remove: false, viewRecord: true });
      const before = await ledgerSize(env);
      expect((await s.post(`/api/powers/${ownItem}/amend`, { item: { fee: '按件收费' }, change: change() })).status, u).toBe(403);
      expect((await s.post(`/api/powers/${ownItem}/remove`, { change: change() })).status, u).toBe(403);
      expect((await s.get(`/api/powers/approvers?bodyId=${district}`)).status, u).toBe(404);
      expect(await ledgerSize(env)).toBe(before);
      expect((await s.get('/api/auth/me')).body.abilities).toMatchObject({ powers: true });
    }
  });

  it('a leader approves but does not edit; officers get 403 on import and add', async () => {
    const leader = await c('lingdao');
    expect((await leader.get('/api/auth/me')).body.abilities.managePowers).toBe(false);
    expect((await leader.post(`/api/powers/${ownItem}/amend`, { item: { fee: '按件收费' }, change: change() })).status).toBe(403);
    const officer = await c('zhifa');
    expect(
      (await officer.post('/api/powers/import', { fileBase64: 'AAAA', reason: 'lawChange', note: '无权', effectiveOn: today, approverId: leaderId })).status,
    ).toBe(403);
    expect(
      (
        await officer.post('/api/powers', {
          bodyId: district,
          code: '990105-CF-991',
          item: { ...content(district), steps: undefined, materials: undefined },
          change: change(),
        })
      ).status,
    ).toBe(403);
  });

  it('an admin of the district may change it', async () => {
    const admin = await c('admin');
    const r = await admin.post(`/api/powers/${ownItem}/amend`, { item: { fee: '不收费（测试）' }, change: change() });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.abilities).toEqual({ read: true, amend: true, remove: true, viewRecord: true });
    expect((await admin.get(`/api/powers/approvers?bodyId=${district}`)).body.items.map((a: { displayName: string }) => a.displayName)).toEqual(['刘建国']);
  });
});
