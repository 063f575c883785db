/**
 * Login and session hardening: progressive login delay with Retry-After (no hard lock), the common-password
 * blocklist, forced change of an administrator-set password, the idle timeout, security headers, no-store
 * caching of personal data and TRUST_PROXY.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({
    config: {
      maxLoginFailures: 2,
      maxLoginFailuresPerUser: 6,
      loginDelayBaseSeconds: 2,
      loginFailuresPerMinutePerAddress: 50,
      sessionIdleMinutes: 30,
      trustProxy: ['10.9.9.9'],
    },
  });
});
afterAll(() => env.close());

const PORTAL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const attempt = (remoteAddress: string, username: string, password: string, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { username, password } });

/** Moves the recorded failures of a user name back in time, as if `seconds` had passed. */
const wait = (username: string, seconds: number) =>
  env.owner.query(`update login_failures set last_failure_at = last_failure_at - make_interval(secs => $2) where key like $1`, [`%${username}%`, seconds]);

describe('progressive login delay', () => {
  it('makes a user name wait after repeated failures, with Retry-After, and lets the right password in after the wait', async () => {
    expect((await attempt('10.1.1.1', 'zhifa', 'wrong-pass1')).statusCode).toBe(401);
    expect((await attempt('10.1.1.1', 'zhifa', 'wrong-pass2')).statusCode).toBe(401);
    const throttled = await attempt('10.1.1.1', 'zhifa', 'Fazhi2026!');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.code).toBe('LOGIN_THROTTLED');
    expect(throttled.json().error.message).toMatch(/秒后再试/);
    expect(Number(throttled.headers['retry-after'])).toBe(2);
    // an attempt during the wait is not a failure: the delay does not grow
    await wait('zhifa', 2);
    expect((await attempt('10.1.1.1', 'zhifa', 'wrong-pass3')).statusCode).toBe(401);
    // the third failure doubles the delay
    expect(Number((await attempt('10.1.1.1', 'zhifa', 'Fazhi2026!')).headers['retry-after'])).toBe(4);
    await wait('zhifa', 4);
    expect((await attempt('10.1.1.1', 'zhifa', 'Fazhi2026!')).statusCode).toBe(200);
    // a success forgets the failures
    expect((await attempt('10.1.1.1', 'zhifa', 'wrong-pass4')).statusCode).toBe(401);
    expect((await attempt('10.1.1.1', 'zhifa', 'Fazhi2026!')).statusCode).toBe(200);
  });

  it("does not keep the real user out because of an attacker's failures from another address", async () => {
    for (let i = 0; i < 2; i++) expect((await attempt('198.51.100.7', 'shenhe', `guess-${i}xx`)).statusCode).toBe(401);
    expect((await attempt('198.51.100.7', 'shenhe', 'guess-2xx')).statusCode).toBe(429);
    // the real user, elsewhere, logs in at once
    expect((await attempt('192.0.2.10', 'shenhe', 'Fazhi2026!')).statusCode).toBe(200);
    // many attacker addresses add up to a user-wide delay, which stays short (loginUserDelayMaxSeconds)
    for (let i = 0; i < 6; i++) await attempt(`198.51.100.${20 + i}`, 'shenhe', `guess-x${i}`);
    const slowed = await attempt('192.0.2.10', 'shenhe', 'Fazhi2026!');
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(env.config.loginUserDelayMaxSeconds);
    await wait('shenhe', env.config.loginUserDelayMaxSeconds);
    expect((await attempt('192.0.2.10', 'shenhe', 'Fazhi2026!')).statusCode).toBe(200);
  });

  it('limits failed logins per address with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 52; i++) statuses.push((await attempt('203.0.113.99', `ghost${i}`, 'x')).statusCode);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    const limited = await attempt('203.0.113.99', 'admin', 'Fazhi2026!');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('password rules', () => {
  it('refuses common passwords and passwords made of the user name on every set or change', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    const orgId = (await admin.get('/api/auth/me')).body.user.orgId;
    for (const password of ['Passw0rd!', 'P@ssword2026', 'Qwerty123!', '1qaz2wsx', 'Woaini1314', 'Admin@123', 'Welcome2026']) {
      const r = await admin.post('/api/users', { username: 'chen.jing', displayName: '陈静', orgId, roles: ['officer'], password });
      expect(r.status, password).toBe(422);
      expect(r.body.error.code, password).toMatch(/PASSWORD_TOO_(COMMON|WEAK)/);
    }
    const common = await admin.post('/api/users', { username: 'chen.jing', displayName: '陈静', orgId, roles: ['officer'], password: 'Passw0rd!' });
    expect(common.body.error.code).toBe('PASSWORD_TOO_COMMON');
    expect(common.body.error.message).toMatch(/常见/);

    const officer = client(env.app, await login(env.app, 'zhifa'));
    const own = await officer.post('/api/auth/password', { currentPassword: 'Fazhi2026!', newPassword: 'Zh1fa2026!' });
    expect(own.status).toBe(422);
    expect(own.body.error.code).toBe('PASSWORD_TOO_COMMON');
    expect((await officer.post('/api/auth/password', { currentPassword: 'Fazhi2026!', newPassword: 'zhifa-2026x' })).status).toBe(422);
    const zhifa = (await env.owner.query(`select id from users where username = 'zhifa'`)).rows[0].id;
    const reset = await admin.post(`/api/users/${zhifa}/password`, { newPassword: 'Password2026' });
    expect(reset.status).toBe(422);
    expect(reset.body.error.code).toBe('PASSWORD_TOO_COMMON');
    // an uncommon password is accepted, and the demo password stays valid
    expect((await officer.post('/api/auth/password', { currentPassword: 'Fazhi2026!', newPassword: 'Lanse7719haian' })).status).toBe(200);
  });
});

describe('forced change of an administrator-set password', () => {
  it('answers 403 PASSWORD_CHANGE_REQUIRED until the user has changed it, for a new user and after a reset', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    const orgId = (await admin.get('/api/auth/me')).body.user.orgId;
    const created = await admin.post('/api/users', { username: 'liu.xin', displayName: '刘新', orgId, roles: ['officer'], password: 'Chushi7389mima' });
    expect(created.status).toBe(201);
    const userId = created.body.id;

    const check = async (password: string, next: string) => {
      const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'liu.xin', password } });
      expect(res.statusCode).toBe(200);
      expect(res.json().mustChangePassword).toBe(true);
      const u = client(env.app, { cookie: String(res.headers['set-cookie']).split(';')[0], csrf: res.json().csrfToken, user: res.json().user });
      const blocked = await u.get('/api/cases');
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(blocked.body.error.message).toMatch(/修改密码/);
      expect((await u.get('/api/auth/me')).body.mustChangePassword).toBe(true);
      expect((await u.post('/api/auth/password', { currentPassword: password, newPassword: next })).status).toBe(200);
      expect((await u.get('/api/auth/me')).body.mustChangePassword).toBe(false);
      expect((await u.get('/api/cases')).status).toBe(200);
      expect((await u.post('/api/auth/logout')).status).toBe(200);
    };
    await check('Chushi7389mima', 'Ziji4821mima');

    expect((await admin.post(`/api/users/${userId}/password`, { newPassword: 'Chongzhi5562mm' })).status).toBe(200);
    await check('Chongzhi5562mm', 'Ziji9917mima');

    // recorded: the creation, the reset and the changes carry the flag
    const rows = (await env.owner.query(`select event_type, payload from ledger_entries where matter_id = $1 order by seq`, [userId])).rows.map((r) => [
      r.event_type,
      JSON.parse(String(r.payload)).mustChangePassword,
    ]);
    expect(rows).toEqual([
      ['user.created', true],
      ['user.passwordChanged', false],
      ['user.passwordChanged', true],
      ['user.passwordChanged', false],
    ]);
  });

  it('does not force the seeded demo users', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lingdao', password: 'Fazhi2026!' } });
    expect(res.json().mustChangePassword).toBe(false);
  });
});

describe('sessions', () => {
  it('ends a session idle for SESSION_IDLE_MINUTES, and each use extends it', async () => {
    const s = await login(env.app, 'admin');
    const c = client(env.app, s);
    const sessionOf = async () => (await env.owner.query(`select id_hash from sessions order by created_at desc limit 1`)).rows[0].id_hash as string;
    const id = await sessionOf();
    await env.owner.query(`update sessions set last_seen_at = now() - interval '20 minutes' where id_hash = $1`, [id]);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const seen = (await env.owner.query(`select now() - last_seen_at < interval '1 minute' as fresh from sessions where id_hash = $1`, [id])).rows[0];
    expect(seen.fresh).toBe(true);
    await env.owner.query(`update sessions set last_seen_at = now() - interval '31 minutes' where id_hash = $1`, [id]);
    const idle = await c.get('/api/auth/me');
    expect(idle.status).toBe(401);
    expect(idle.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('takes X-Forwarded-For only from a trusted proxy (TRUST_PROXY)', async () => {
    const ipOfLastSession = async () => (await env.owner.query(`select ip from sessions order by created_at desc limit 1`)).rows[0].ip;
    expect((await attempt('10.9.9.9', 'admin', 'Fazhi2026!', { 'x-forwarded-for': '172.16.5.5' })).statusCode).toBe(200);
    expect(await ipOfLastSession()).toBe('172.16.5.5');
    expect((await attempt('10.8.8.8', 'admin', 'Fazhi2026!', { 'x-forwarded-for': '172.16.5.6' })).statusCode).toBe(200);
    expect(await ipOfLastSession()).toBe('10.8.8.8');
  });
});

describe('headers', () => {
  it('sends security headers on the console and the API, and the portal keeps its own CSP', async () => {
    for (const url of ['/login', '/api/health', '/api/auth/me']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      const csp = String(res.headers['content-security-policy']);
      for (const d of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ]) {
        expect(csp, `${url}: ${d}`).toContain(d);
      }
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
    const portal = await env.app.inject({ method: 'GET', url: '/' });
    expect(portal.statusCode).toBe(200);
    expect(portal.headers['content-security-policy']).toBe(PORTAL_CSP);
    expect((await env.app.inject({ method: 'GET', url: '/portal/decisions' })).headers['content-security-policy']).toBe(PORTAL_CSP);
    // the API documentation still loads
    expect((await env.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBeLessThan(400);
  });

  it('answers personal data with Cache-Control: no-store', async () => {
    const admin = client(env.app, await login(env.app, 'admin'));
    for (const url of ['/api/auth/me', '/api/users', '/api/officers']) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const login401 = await env.app.inject({ method: 'GET', url: '/api/users' });
    expect(login401.headers['cache-control']).toBe('no-store');
  });
});
