import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOfficer } from '../src/modules/officers/commands/create-officer.ts';
import { insertOrg } from '../src/modules/orgs/commands/create-org.ts';
import { insertUser } from '../src/modules/users/commands/create-user.ts';
import { SYSTEM_ACTOR } from '../src/platform/record/ledger.ts';
import { client, createTestEnv, ledgerSize, login, orgIdByName, type TestEnv } from './helpers.ts';

/**
 * Two district bureaus under one city bureau. Users of district A must not see or change
 * anything of district B (404: they do not learn it exists), and roles without an ability get 403.
 */
let env: TestEnv;
let other: { org: string; officer: string; user: string };
const c = (s: Awaited<ReturnType<typeof login>>) => client(env.app, s);

beforeAll(async () => {
  env = await createTestEnv();
  const city = await orgIdByName(env, '示例市市场监督管理局');
  other = await env.ctx.db.transaction(async (tx) => {
    const org = await insertOrg(tx, env.ctx, SYSTEM_ACTOR, {
      parentId: city,
      name: '邻区市场监督管理局',
      kind: 'bureau',
      isEnforcementBody: true,
      legalBasis: '行政处罚法 第十八条',
    });
    const officer = await insertOfficer(tx, env.ctx, SYSTEM_ACTOR, { orgId: org, name: '邻区执法员' });
    const user = await insertUser(tx, env.ctx, SYSTEM_ACTOR, {
      username: 'linqu',
      displayName: '邻区管理员',
      orgId: org,
      roles: ['admin'],
      password: 'Neighbour2026',
    });
    return { org, officer, user };
  });
});
afterAll(() => env.close());

describe('org subtree boundaries', () => {
  it("hides another district's org, officer, user and record (404, never data)", async () => {
    const admin = c(await login(env.app, 'admin'));
    for (const url of [
      `/api/orgs/${other.org}`,
      `/api/officers/${other.officer}`,
      `/api/users/${other.user}`,
      `/api/record/matters/officer/${other.officer}`,
      `/api/record/matters/org/${other.org}`,
    ]) {
      const r = await admin.get(url);
      expect(r.status, url).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('邻区');
    }
    expect((await admin.get('/api/officers')).body.items.some((o: { id: string }) => o.id === other.officer)).toBe(false);
    expect((await admin.get('/api/orgs')).body.items.some((o: { id: string }) => o.id === other.org)).toBe(false);
    const entries = (await admin.get('/api/record/entries?limit=500')).body.items;
    expect(entries.some((e: { orgId: string }) => e.orgId === other.org)).toBe(false);
  });

  it('refuses to change or create anything in another district, and writes nothing', async () => {
    const admin = c(await login(env.app, 'admin'));
    const before = await ledgerSize(env);
    expect((await admin.patch(`/api/officers/${other.officer}`, { name: '越界修改' })).status).toBe(404);
    expect((await admin.patch(`/api/orgs/${other.org}`, { name: '越界修改' })).status).toBe(404);
    expect((await admin.patch(`/api/users/${other.user}`, { active: false })).status).toBe(404);
    expect((await admin.post(`/api/users/${other.user}/password`, { newPassword: 'Hijack2026x' })).status).toBe(404);
    expect(
      (
        await admin.post(`/api/officers/${other.officer}/certificates`, {
          number: 'X1234567',
          issuingAuthority: '某政府',
          fields: ['food'],
          areas: '邻区',
          validFrom: '2025-01-01',
          validTo: '2027-01-01',
        })
      ).status,
    ).toBe(404);
    expect((await admin.post('/api/officers', { orgId: other.org, name: '越界登记' })).body.error.code).toBe('ORG_NOT_FOUND');
    expect((await admin.post('/api/orgs', { parentId: other.org, name: '越界机构', kind: 'department' })).body.error.code).toBe('ORG_NOT_FOUND');
    expect(
      (await admin.post('/api/users', { username: 'sneaky', displayName: '越界', orgId: other.org, roles: ['admin'], password: 'Sneaky2026x' })).body.error
        .code,
    ).toBe('ORG_NOT_FOUND');
    const ownOfficer = (await admin.get('/api/officers')).body.items[0].id;
    expect(
      (
        await admin.post('/api/officers/eligibility', { officerIds: [ownOfficer, other.officer], field: 'food', act: 'inspection', date: '2026-06-01' })
      ).body.problems.some((p: { code: string }) => p.code === 'OFFICER_UNKNOWN'),
    ).toBe(true);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('the city supervisor sees both districts but may not change them', async () => {
    const sup = c(await login(env.app, 'jiandu'));
    expect((await sup.get(`/api/officers/${other.officer}`)).status).toBe(200);
    expect((await sup.get(`/api/record/matters/officer/${other.officer}`)).status).toBe(200);
    expect((await sup.get('/api/users')).status).toBe(200);
    const r = await sup.patch(`/api/officers/${other.officer}`, { name: '监督人员修改' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });
});

describe('role boundaries inside the own district', () => {
  it('an officer reads officers but cannot create, certify or manage users', async () => {
    const officer = c(await login(env.app, 'zhifa'));
    const station2 = await orgIdByName(env, '第二市场监管所');
    const someone = (await officer.get('/api/officers')).body.items[0];
    expect(someone.abilities).toMatchObject({ read: true, update: false, issueCertificate: false });
    const before = await ledgerSize(env);
    expect((await officer.post('/api/officers', { orgId: station2, name: '无权登记' })).status).toBe(403);
    expect((await officer.patch(`/api/officers/${someone.id}`, { name: '无权修改' })).status).toBe(403);
    expect((await officer.post(`/api/officers/${someone.id}/trainings`, { kind: 'training', title: '无权登记培训', heldOn: '2026-01-05' })).status).toBe(403);
    expect((await officer.get('/api/users')).status).toBe(403);
    expect(
      (await officer.post('/api/users', { username: 'x_user', displayName: 'x', orgId: station2, roles: ['officer'], password: 'Abcdefg123' })).status,
    ).toBe(403);
    expect((await officer.get('/api/record/entries')).status).toBe(403);
    expect((await officer.post('/api/record/tree-heads')).status).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
  });

  it('a station officer cannot see the district bureau org above their station', async () => {
    const officer = c(await login(env.app, 'zhifa'));
    const district = await orgIdByName(env, '示例区市场监督管理局');
    expect((await officer.get(`/api/orgs/${district}`)).status).toBe(404);
    const visible = (await officer.get('/api/orgs')).body.items.map((o: { name: string }) => o.name);
    expect(visible).toEqual(['第二市场监管所']);
  });

  it('a leader and a legal reviewer read but do not administer', async () => {
    for (const u of ['lingdao', 'shenhe']) {
      const s = c(await login(env.app, u));
      const me = (await s.get('/api/auth/me')).body;
      expect(me.abilities.createOfficer).toBe(false);
      expect((await s.get('/api/users')).status).toBe(403);
    }
  });

  it('an admin cannot lock themselves out by editing their own account', async () => {
    const s = await login(env.app, 'admin');
    const r = await c(s).patch(`/api/users/${s.user.id}`, { active: false });
    expect(r.status).toBe(403);
  });

  it('a deactivated user is signed out at once', async () => {
    const admin = c(await login(env.app, 'admin'));
    const leader = await login(env.app, 'lingdao');
    const leaderId = leader.user.id;
    expect((await admin.patch(`/api/users/${leaderId}`, { active: false })).status).toBe(200);
    expect((await c(leader).get('/api/auth/me')).status).toBe(401);
    expect((await client(env.app, null).post('/api/auth/login', { username: 'lingdao', password: 'Fazhi2026!' })).status).toBe(403);
    expect((await admin.patch(`/api/users/${leaderId}`, { active: true })).status).toBe(200);
  });
});
