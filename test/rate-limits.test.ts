/**
 * The per-address rate limits are shared by the worker processes (platform/rateLimitStore.ts): two apps built on
 * one database stand in for two workers of `npm start`. With the `database` store (the default on PostgreSQL; forced
 * here on PGlite too) and the `redis` store they count against one limit; with the in-process `memory` store each
 * counts alone — the control that shows the test can fail. The Redis part runs when TEST_REDIS_URL is set; CI sets
 * it (.ci/run starts and checks Redis at 127.0.0.1:6379), so in CI it is not skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import type { Config } from '../src/platform/config.ts';
import type { App } from '../src/platform/http.ts';
import { pruneRateLimitHits } from '../src/platform/rateLimitStore.ts';
import { createTestEnv, type TestEnv } from './helpers.ts';

let env: TestEnv;
const apps: App[] = [];
beforeAll(async () => {
  env = await createTestEnv({ seed: false });
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await env.close();
});

/** Two "workers": two apps with their own plugin instance over the same context (database). */
async function workers(config: Partial<Config>): Promise<[App, App]> {
  const made: App[] = [];
  for (let i = 0; i < 2; i++) {
    const app = await buildApp({ ...env.ctx, config: { ...env.ctx.config, publicRateLimitPerMinute: 5, loginAttemptsPerMinutePerAddress: 3, ...config } });
    await app.ready();
    made.push(app);
  }
  apps.push(...made);
  return made as [App, App];
}

const get = (app: App, ip: string, url = '/api/public/bodies') => app.inject({ method: 'GET', url, remoteAddress: ip });
const loginAttempt = (app: App, ip: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, payload: { username: 'nobody', password: 'wrong-password' } });

async function sharedLimit(config: Partial<Config>, ip: string) {
  const [a, b] = await workers(config);
  const codes: number[] = [];
  for (let i = 0; i < 6; i++) codes.push((await get(i % 2 ? b : a, ip)).statusCode);
  return { a, b, codes };
}

describe('the database store', () => {
  it('counts the requests of both workers against one limit, per address', async () => {
    const { a, b, codes } = await sharedLimit({ rateLimitStore: 'database' }, '198.51.100.1');
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await get(a, '198.51.100.1');
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // another address has its own count; a staff route is not limited
    expect((await get(b, '198.51.100.2')).statusCode).toBe(200);
    expect((await get(b, '198.51.100.1', '/api/health')).statusCode).toBe(200);
    const row = (await env.owner.query("select hits from rate_limit_hits where key = '198.51.100.1'")).rows[0];
    expect(row.hits).toBe(7);
  });

  it('opens a new window once the last one ended, and the leader prunes ended windows', async () => {
    const [a] = await workers({ rateLimitStore: 'database' });
    for (let i = 0; i < 5; i++) expect((await get(a, '198.51.100.3')).statusCode).toBe(200);
    expect((await get(a, '198.51.100.3')).statusCode).toBe(429);
    await env.owner.query("update rate_limit_hits set window_ends_at = now() - interval '1 second' where key = '198.51.100.3'");
    expect((await get(a, '198.51.100.3')).statusCode).toBe(200);
    await env.owner.query("update rate_limit_hits set window_ends_at = now() - interval '2 minutes' where key = '198.51.100.3'");
    expect(await pruneRateLimitHits(env.ctx.db)).toBeGreaterThanOrEqual(1);
    expect((await env.owner.query("select 1 from rate_limit_hits where key = '198.51.100.3'")).rows).toHaveLength(0);
  });

  it('counts the login route under its own key, across workers', async () => {
    const [a, b] = await workers({ rateLimitStore: 'database' });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await loginAttempt(i % 2 ? b : a, '198.51.100.4')).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    // the portal's limit of that address is untouched
    expect((await get(a, '198.51.100.4')).statusCode).toBe(200);
    const keys = (await env.owner.query("select key from rate_limit_hits where key like '%198.51.100.4' order by key")).rows.map((r) => r.key);
    expect(keys).toEqual(['198.51.100.4', 'POST/api/auth/login-198.51.100.4']);
  });
});

describe('the memory store (one process)', () => {
  it('counts per worker: each of two allows the whole limit', async () => {
    const { codes } = await sharedLimit({ rateLimitStore: 'memory' }, '198.51.100.5');
    expect(codes).toEqual([200, 200, 200, 200, 200, 200]);
  });
});

describe.runIf(!!process.env.TEST_REDIS_URL)('the Redis store (TEST_REDIS_URL)', () => {
  it('counts the requests of both workers against one limit', async () => {
    const redis = { rateLimitStore: 'redis' as const, redisUrl: process.env.TEST_REDIS_URL };
    const ip = `198.51.100.${10 + Math.floor(Math.random() * 200)}`;
    const { a, b, codes } = await sharedLimit(redis, ip);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await get(a, ip)).json().error.code).toBe('RATE_LIMITED');
    const logins: number[] = [];
    for (let i = 0; i < 4; i++) logins.push((await loginAttempt(i % 2 ? b : a, ip)).statusCode);
    expect(logins).toEqual([401, 401, 401, 429]);
    // nothing was counted in the database
    expect((await env.owner.query('select 1 from rate_limit_hits where key like $1', [`%${ip}`])).rows).toHaveLength(0);
  });
});

describe('a Redis that cannot be reached', () => {
  it('lets the requests through (the limit guards the portal, it does not close it) and closes cleanly', async () => {
    const [a] = await workers({ rateLimitStore: 'redis', redisUrl: 'redis://127.0.0.1:1' });
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await get(a, '198.51.100.6')).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 200]);
  });
});
