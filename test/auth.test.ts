import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/app.ts';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ config: { maxLoginFailures: 3, loginDelayBaseSeconds: 60 } });
});
afterAll(() => env.close());

const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/public/tree-heads',
  'GET /api/record/consistency',
  'POST /api/auth/login',
  'GET /api/public/powers',
  'GET /api/public/powers/{id}',
  // 双随机、一公开: the item list, the draws (re-runnable by anyone) and the results
  'GET /api/public/inspections/items',
  'GET /api/public/inspections/draws/{id}',
  'GET /api/public/inspections/draws/{id}/verify',
  'GET /api/public/inspections/results',
  // 行政执法公示: decisions, their proofs, bodies, officers, statistics, power-list history (allow-listed in test/portal.test.ts)
  'GET /api/public/publications',
  'GET /api/public/publications/{id}',
  'GET /api/public/publications/{id}/proof',
  'GET /api/public/bodies',
  'GET /api/public/officers',
  'GET /api/public/publicity-statistics',
  'GET /api/public/powers/{id}/history',
  // 公开征求意见 (a citizen comments without an account), 规范性文件 and 重大行政决策 as published (test/portal.test.ts)
  'GET /api/public/consultations',
  'GET /api/public/consultations/{id}',
  'GET /api/public/consultations/{id}/challenge',
  'POST /api/public/consultations/{id}/comments',
  'GET /api/public/normative-documents',
  'GET /api/public/normative-documents/{id}',
  'GET /api/public/major-decisions/catalogues',
  'GET /api/public/major-decisions',
  'GET /api/public/major-decisions/{id}',
  // 投诉举报 (issue 16): a citizen files without an account and follows it by query code (test/complaints.test.ts)
  'GET /api/public/complaints/bodies',
  'GET /api/public/complaints/challenge',
  'POST /api/public/complaints',
  'GET /api/public/complaints/status/{code}',
  // 年度报告 as published (test/annual-reports.test.ts)
  'GET /api/public/annual-reports',
  'GET /api/public/annual-reports/{id}',
  'GET /api/public/annual-reports/{id}/docx',
  'GET /api/public/annual-reports/{id}/pdf',
  'GET /api/public/annual-reports/{id}/xlsx',
  // 政府信息公开 on request: the bodies, the challenge, filing without an account and the status by query code (test/disclosure.test.ts)
  'GET /api/public/disclosure-requests/bodies',
  'GET /api/public/disclosure-requests/challenge',
  'POST /api/public/disclosure-requests',
  'GET /api/public/disclosure-requests/status/{code}',
]);

describe('login and sessions', () => {
  it('sets an HttpOnly SameSite=Strict session cookie and returns a CSRF token', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Fazhi2026!' } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/fazhi_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().abilities.users).toBe(true);
  });

  it('answers a wrong password with a Chinese error and no hint whether the user exists', async () => {
    const a = await client(env.app, null).post('/api/auth/login', { username: 'lingdao', password: 'wrong-password1' });
    const b = await client(env.app, null).post('/api/auth/login', { username: 'nobody', password: 'wrong-password1' });
    expect(a.status).toBe(401);
    expect(a.body.error).toEqual(b.body.error);
    expect(a.body.error.message).toBe('用户名或密码错误');
  });

  it('makes a user name wait after repeated failures (no hard lock), even for the right password, with Retry-After', async () => {
    const c = client(env.app, null);
    for (let i = 0; i < 3; i++) expect((await c.post('/api/auth/login', { username: 'jiandu', password: `bad-${i}aaaa` })).status).toBe(401);
    const fourth = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jiandu', password: 'bad-3aaaa' } });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('LOGIN_THROTTLED');
    expect(Number(fourth.headers['retry-after'])).toBeGreaterThan(50);
    const right = await c.post('/api/auth/login', { username: 'jiandu', password: 'Fazhi2026!' });
    expect(right.status).toBe(429);
    expect(right.body.error.message).toMatch(/秒后再试/);
    // the wait is over: the right password logs in (here: the last failure moved back by the delay)
    await env.owner.query("update login_failures set last_failure_at = last_failure_at - interval '61 seconds' where key like '%jiandu%'");
    expect((await c.post('/api/auth/login', { username: 'jiandu', password: 'Fazhi2026!' })).status).toBe(200);
  });

  it('limits failed login attempts per address, not per user name', async () => {
    const from = (remoteAddress: string, username: string, password: string) =>
      env.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await from('10.0.0.7', `ghost${i}`, 'x')).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await from('10.0.0.7', 'admin', 'Fazhi2026!')).json().error.code).toBe('RATE_LIMITED');
    // another address is not affected
    expect((await from('10.0.0.8', 'admin', 'Fazhi2026!')).statusCode).toBe(200);
  });

  it('rejects a state-changing request without the CSRF token, and writes nothing', async () => {
    const session = await login(env.app, 'admin');
    const before = await ledgerSize(env);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/officers',
      headers: { cookie: session.cookie },
      payload: { orgId: session.user.orgId, name: '无令牌' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/officers',
      headers: { cookie: session.cookie, 'x-csrf-token': 'forged' },
      payload: { orgId: session.user.orgId, name: '错令牌' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await ledgerSize(env)).toBe(before);
  });
});

describe('every route needs a login unless it is public', () => {
  it('answers 401 to an anonymous request on each non-public route of the OpenAPI document', async () => {
    const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes: [string, string][] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) routes.push([method.toUpperCase(), path]);
    }
    expect(routes.length).toBeGreaterThan(20);
    for (const [method, path] of routes) {
      if (PUBLIC.has(`${method} ${path}`) || path.startsWith('/api/docs')) continue;
      const url = path.replace(/\{[^}]+\}/g, '1');
      const res = await env.app.inject({ method: method as 'GET', url, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${path}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('serves health, the OpenAPI document and the docs without a login', async () => {
    const h = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(h.json()).toMatchObject({
      status: 'ok',
      database: env.ctx.db.kind,
      ledgerSize: await ledgerSize(env),
      ledgerPending: { mmdMs: 1000, withinMmd: true },
    });
    expect((await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().openapi).toMatch(/^3\./);
    expect((await env.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    expect((await env.app.inject({ method: 'GET', url: '/api/no-such-route' })).statusCode).toBe(404);
  });
});

describe('logout and password change', () => {
  it('ends the session on logout', async () => {
    const s = await login(env.app, 'lingdao');
    const c = client(env.app, s);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the own password (recorded), ends other sessions, refuses weak or wrong input', async () => {
    const s1 = await login(env.app, 'shenhe');
    const s2 = await login(env.app, 'shenhe');
    const c = client(env.app, s1);
    expect((await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'NewPass2027' })).body.error.code).toBe('PASSWORD_INCORRECT');
    expect((await c.post('/api/auth/password', { currentPassword: 'Fazhi2026!', newPassword: 'short1' })).body.error.code).toBe('PASSWORD_TOO_WEAK');
    const before = await ledgerSize(env);
    expect((await c.post('/api/auth/password', { currentPassword: 'Fazhi2026!', newPassword: 'NewPass2027' })).status).toBe(200);
    expect(await ledgerSize(env)).toBe(before + 1);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await client(env.app, s2).get('/api/auth/me')).status).toBe(401);
    await login(env.app, 'shenhe', 'NewPass2027');
  });
});

describe('the console page carries the session (no /api/auth/me before the first screen)', () => {
  it.skipIf(!existsSync(join(WEB_DIST, 'index.html')))('inlines what /api/auth/me answers, or null, as data, never stored by a cache', async () => {
    const session = /<script type="application\/json" id="fazhi-session">(.*?)<\/script>/;
    const anon = await env.app.inject({ method: 'GET', url: '/cases' });
    expect(anon.statusCode).toBe(200);
    expect(anon.headers['cache-control']).toBe('no-store');
    expect(session.exec(anon.body)?.[1]).toBe('null');
    const s = await login(env.app, 'zhifa');
    const page = await env.app.inject({ method: 'GET', url: '/cases/x?y=1', headers: { cookie: s.cookie } });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers.vary).toMatch(/cookie/i);
    const inlined = JSON.parse(session.exec(page.body)![1]);
    expect(inlined).toEqual((await client(env.app, s).get('/api/auth/me')).body);
    expect(inlined.csrfToken).toBe(s.csrf);
  });
});
