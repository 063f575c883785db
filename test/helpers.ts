/**
 * Test harness: a fresh database per test file — in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, createContext, openDatabase } from '../src/app.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import type { AppContext } from '../src/platform/context.ts';
import { openPglite } from '../src/platform/db/index.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import type { App } from '../src/platform/http.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo.ts';
import { seedLawLibrary } from '../src/seed/laws.ts';
import { syncOfficialCalendar } from '../src/modules/calendar/store.ts';

export interface TestEnv {
  ctx: AppContext;
  app: App;
  config: Config;
  /** an owner connection (not the app role): may disable triggers to simulate tampering */
  owner: { query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }> };
  close(): Promise<void>;
}

export const usingPostgres = () => !!process.env.TEST_DATABASE_URL;

function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `fazhi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(base, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // pool.end() resolves before its connections have closed: wait for them rather than
      // terminating them (a terminated idle client raises an uncaught error in this process)
      for (let i = 0; i < 100; i++) {
        const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((res) => setTimeout(res, 50));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/**
 * `laws: true` loads the 41 sample laws (法律法规数据库) too — with the demo seed, or alone when
 * `seed: false`. Off by default: most test files do not cite the law and stay fast.
 */
export async function createTestEnv(opts: { seed?: boolean; laws?: boolean; cases?: boolean; config?: Partial<Config> } = {}): Promise<TestEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
  let config: Config;
  let owner: TestEnv['owner'];
  let cleanup: () => Promise<void>;
  let ctx: AppContext;
  if (usingPostgres()) {
    const tdb = await createTestDatabase();
    config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: tdb.url } as NodeJS.ProcessEnv, opts.config);
    ctx = await createContext(config, await openDatabase(config));
    const ownerPool = new pg.Pool({ connectionString: tdb.url, max: 1 });
    owner = ownerPool;
    cleanup = async () => {
      await ownerPool.end();
      await ctx.db.close();
      await tdb.drop();
    };
  } else {
    config = loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv, opts.config);
    const db = await openPglite('memory');
    await migrate(db);
    ctx = await createContext(config, db);
    owner = db;
    cleanup = () => db.close();
  }
  await syncOfficialCalendar(ctx);
  if (opts.seed !== false) await seedDemo(ctx, { laws: opts.laws ?? false, cases: opts.cases ?? false });
  else if (opts.laws) await ctx.db.transaction((tx) => seedLawLibrary(ctx, tx));
  const app = await buildApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    config,
    owner,
    async close() {
      await app.close();
      await cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; orgId: string };
}

export async function login(app: App, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const body = res.json();
  return { cookie, csrf: body.csrfToken, user: body.user };
}

/** A small client: JSON in, parsed response out, with the session cookie and CSRF header. */
export function client(app: App, s: Session | null) {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method,
      url,
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...headers },
      ...(payload === undefined ? {} : typeof payload === 'string' || Buffer.isBuffer(payload) ? { payload } : { payload: payload as object }),
    });
    let body: any = null;
    try {
      body = res.json();
    } catch {
      body = res.body;
    }
    return { status: res.statusCode, body, headers: res.headers, raw: res };
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => call('POST', url, payload, headers),
    patch: (url: string, payload?: unknown, headers?: Record<string, string>) => call('PATCH', url, payload, headers),
  };
}

export async function ledgerSize(env: TestEnv): Promise<number> {
  return (await env.ctx.ledger.state(env.ctx.db)).size;
}

export async function orgIdByName(env: TestEnv, name: string): Promise<string> {
  const r = await env.ctx.db.query<{ id: string }>('select id from orgs where name = $1', [name]);
  if (!r.rows[0]) throw new Error(`no org ${name}`);
  return r.rows[0].id;
}
