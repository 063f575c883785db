/**
 * Test harness: a fresh database per test file — in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by TEST_DATABASE_URL (created here, dropped on close).
 */
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { inject } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp, createContext, openDatabase } from '../src/app.ts';
import type { ModuleDef } from '../src/platform/modules.ts';
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

async function adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** pool.end() resolves before its connections have closed: wait for them rather than terminating them
 *  (a terminated idle client raises an uncaught error in this process). */
async function waitForNoConnections(name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [r] = await adminQuery<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (r.n === 0) return;
    await new Promise((res) => setTimeout(res, 50));
  }
}

/**
 * The application's login on the test server, as in production (README「配置」): a LOGIN role that is only a
 * member of `fazhi_app` — created by the first `openDatabase` that names it (roles are cluster-wide; the grants
 * to `fazhi_app` are per database and copied with the template), never dropped.
 */
export const TEST_APP_LOGIN = 'fazhi_test_app';

/** `url` logging in as the test application login (with a password only if the server needs one). */
export function appLoginUrl(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_LOGIN;
  if (u.password) u.password = 'fazhi-test-app';
  return u.toString();
}

/**
 * A new database on the TEST_DATABASE_URL server, empty or a copy of a template database: `url` logs in as
 * the server's owner (migrations, tampering), `appUrl` as the application login; `env` is how the app is
 * configured for it (`MIGRATION_DATABASE_URL` = owner, `DATABASE_URL` = application login).
 */
export async function createTestDatabase(
  prefix = 'fazhi_test',
  template?: string,
): Promise<{ name: string; url: string; appUrl: string; env: { DATABASE_URL: string; MIGRATION_DATABASE_URL: string }; drop: () => Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (template && !/^[a-z0-9_]+$/.test(template)) throw new Error(`bad template database name ${template}`);
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = withDatabase(process.env.TEST_DATABASE_URL!, name);
  const appUrl = appLoginUrl(url);
  return {
    name,
    url,
    appUrl,
    env: { DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: url },
    drop: async () => {
      await waitForNoConnections(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export interface TestEnvOptions {
  seed?: boolean;
  laws?: boolean;
  cases?: boolean;
  config?: Partial<Config>;
  /** the modules the context is built from (default: the platform's) — a test adds a module of its own */
  modules?: readonly ModuleDef[];
}

/**
 * Built once per run and copied per test env: the migrated, calendar-synced and seeded database with the
 * data directory its record was signed with (signing key, evidence and instrument blobs). On PGlite a
 * template is a dump of the data directory (`dumpDataDir`, loaded with `loadDataDir`); on PostgreSQL it is a
 * database that each env clones with `CREATE DATABASE … TEMPLATE`. Templates live under the directory the
 * global setup (`test/globalSetup.ts`) provides, one per option set, built by the first worker that needs it
 * (the others wait for it); without that directory (a script outside vitest) every env is built afresh.
 */
function templateRoot(): string | null {
  if (process.env.FAZHI_TEST_TEMPLATES === 'off') return null; // every env built afresh (to measure or to debug)
  try {
    return inject('fazhiTemplateDir') ?? null;
  } catch {
    return null;
  }
}

interface Template {
  /** the template's data directory (keys/, blobs/) */
  dataDir: string;
  /** PGlite: the dumped data directory */
  dumpFile?: string;
  /** PostgreSQL: the template database */
  pgDatabase?: string;
}

function templateKey(opts: TestEnvOptions): string {
  const canonical = JSON.stringify([opts.seed !== false, opts.laws ?? false, opts.cases ?? false, Object.entries(opts.config ?? {}).sort(), usingPostgres()]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Seeds a database as createTestEnv asks: calendar, then demo data and/or laws. */
async function seedFor(ctx: AppContext, opts: TestEnvOptions): Promise<void> {
  await syncOfficialCalendar(ctx);
  if (opts.seed !== false) await seedDemo(ctx, { laws: opts.laws ?? false, cases: opts.cases ?? false });
  else if (opts.laws) await ctx.db.transaction((tx) => seedLawLibrary(ctx, tx));
}

async function buildTemplate(dir: string, opts: TestEnvOptions): Promise<Template> {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const config = (extra: Record<string, string> = {}) => loadConfig({ DATA_DIR: dataDir, ...extra } as NodeJS.ProcessEnv, opts.config);
  if (usingPostgres()) {
    const tdb = await createTestDatabase('fazhi_tpl');
    const ctx = await createContext(config(tdb.env), await openDatabase(config(tdb.env)));
    await seedFor(ctx, opts);
    await ctx.db.close();
    await waitForNoConnections(tdb.name);
    writeFileSync(join(dir, 'pg-database'), tdb.name);
    return { dataDir, pgDatabase: tdb.name };
  }
  const db = await openPglite('memory');
  await migrate(db);
  const ctx = await createContext(config(), db);
  await seedFor(ctx, opts);
  const dumpFile = join(dir, 'pglite.tar');
  writeFileSync(dumpFile, Buffer.from(await (await db.dumpDataDir!()).arrayBuffer()));
  await db.close();
  return { dataDir, dumpFile };
}

async function templateFor(root: string, opts: TestEnvOptions): Promise<Template> {
  const dir = join(root, templateKey(opts));
  const ready = join(dir, 'ready.json');
  let mine = false;
  try {
    mkdirSync(dir);
    mine = true;
  } catch {
    // another worker builds it
  }
  if (mine) {
    const t = await buildTemplate(dir, opts);
    writeFileSync(ready, JSON.stringify(t));
    return t;
  }
  for (let waited = 0; !existsSync(ready); waited += 100) {
    if (waited > 600_000) throw new Error(`test database template ${dir} was not built within 10 minutes`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return JSON.parse(readFileSync(ready, 'utf8')) as Template;
}

/**
 * `laws: true` loads the sample law library (法律法规数据库) too — with the demo seed, or alone when
 * `seed: false`. Off by default: most test files do not cite the law and stay fast.
 */
export async function createTestEnv(opts: TestEnvOptions = {}): Promise<TestEnv> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-test-'));
  const root = templateRoot();
  const template = root ? await templateFor(root, opts) : null;
  if (template) cpSync(template.dataDir, dataDir, { recursive: true });
  let config: Config;
  let owner: TestEnv['owner'];
  let cleanup: () => Promise<void>;
  let ctx: AppContext;
  if (usingPostgres()) {
    const tdb = await createTestDatabase('fazhi_test', template?.pgDatabase);
    // as in production: migrations as the owner, the app as a login that cannot switch back to it
    // DATABASE_READ_URL (a streaming replica of the test server, .ci/replica.sh): the same database there, as the application login
    const read = process.env.DATABASE_READ_URL ? { DATABASE_READ_URL: appLoginUrl(withDatabase(process.env.DATABASE_READ_URL, tdb.name)) } : {};
    config = loadConfig({ DATA_DIR: dataDir, ...tdb.env, ...read } as NodeJS.ProcessEnv, opts.config);
    ctx = await createContext(config, await openDatabase(config), opts.modules);
    const ownerPool = new pg.Pool({ connectionString: tdb.url, max: 1 });
    owner = ownerPool;
    cleanup = async () => {
      await ownerPool.end();
      await ctx.db.close();
      await tdb.drop();
    };
  } else {
    config = loadConfig({ DATA_DIR: dataDir } as NodeJS.ProcessEnv, opts.config);
    const db = template?.dumpFile ? await openPglite('memory', { loadDataDir: new Blob([readFileSync(template.dumpFile)]) }) : await openPglite('memory');
    if (!template) await migrate(db);
    ctx = await createContext(config, db, opts.modules);
    owner = db;
    cleanup = () => db.close();
  }
  if (!template) await seedFor(ctx, opts);
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

/** Stored blobs (DATA_DIR/blobs/ab/cd/<hash>), not counting uploads in progress. */
export function blobCount(env: TestEnv): number {
  const root = join(env.config.dataDir, 'blobs');
  let n = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'tmp') walk(path);
      } else n++;
    }
  };
  if (existsSync(root)) walk(root);
  return n;
}

export async function ledgerSize(env: TestEnv): Promise<number> {
  // every entry, integrated or still waiting for its position
  const { integrated, count } = await env.ctx.ledger.pending(env.ctx.db);
  return integrated + count;
}

export async function orgIdByName(env: TestEnv, name: string): Promise<string> {
  const r = await env.ctx.db.query<{ id: string }>('select id from orgs where name = $1', [name]);
  if (!r.rows[0]) throw new Error(`no org ${name}`);
  return r.rows[0].id;
}
