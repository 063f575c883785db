/**
 * End-to-end harness: builds the web UI, starts the real server (tsx src/server.ts) on a free
 * port with its own copy of the demo data seeded once per run (e2e/globalSetup.ts) — a data
 * directory, and when TEST_DATABASE_URL is set a PostgreSQL database cloned from the template;
 * PGlite otherwise — and launches the system Chromium.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { appLoginUrl } from './globalSetup.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** A new database on the server TEST_DATABASE_URL points at: a copy of the seeded template database. */
async function createDatabase(base: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `fazhi_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (!/^[a-z0-9_]+$/.test(template)) throw new Error(`bad template database ${template}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Server {
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function buildWeb(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would give a development build
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // vite empties web/dist: the portal's verification script is built into it again, as `npm run build:web` does
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/modules/portal/script.ts'], { cwd: ROOT, stdio: 'inherit' });
}

export async function startServer(): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  // the demo bureau seeded once per run (e2e/globalSetup.ts): its data directory (PGlite, signing key,
  // blobs) and, on PostgreSQL, its database are copied, so the server starts with the demo data
  const template = inject('e2eTemplate');
  cpSync(template.dataDir, dataDir, { recursive: true });
  const db = process.env.TEST_DATABASE_URL ? await createDatabase(process.env.TEST_DATABASE_URL, template.database!) : null;
  let log = '';
  const child: ChildProcess = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: ROOT,
    // its own process group, so stopping it also stops the node process tsx starts
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      // as in production: the owner migrates, the server runs as a login that cannot switch back to it
      DATABASE_URL: db ? appLoginUrl(db.url) : '',
      MIGRATION_DATABASE_URL: db?.url ?? '',
    },
  });
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    await db?.drop().catch((e) => console.warn('could not drop the e2e database', e));
    rmSync(dataDir, { recursive: true, force: true });
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with code ${child.exitCode}:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not become healthy within 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, output: () => log, stop };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** After a failed test: a full-page screenshot in e2e/artifacts and the end of the server's output. */
export async function reportFailure(page: Page | undefined, server: Server | undefined, testName: string): Promise<void> {
  if (!page) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${testName.replace(/[^\w\u4e00-\u9fff-]+/g, '_')}-${Date.now()}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  console.error(`screenshot: ${file}\nserver output:\n${server?.output().slice(-4000)}`);
}

export interface Console {
  server: Server;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Signs out whoever is signed in, then signs in through the login page. */
  login: (username: string, password?: string) => Promise<void>;
}

/**
 * Registers the hooks of a browser spec — build the UI, start a server, open a zh-CN page in
 * Chromium (a desktop screen unless `viewport` says otherwise); a screenshot when a test fails; stop everything at the end — and returns the handles.
 */
export function useConsole(o: { viewport?: { width: number; height: number } } = {}): Console {
  const c = {} as Console;
  beforeAll(async () => {
    buildWeb();
    c.server = await startServer();
    c.browser = await launchBrowser();
    c.context = await c.browser.newContext({ viewport: o.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    c.context.setDefaultTimeout(20_000);
    c.page = await c.context.newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await reportFailure(c.page, c.server, task.name);
  });
  afterAll(async () => {
    await c.browser?.close();
    await c.server?.stop();
  });
  c.login = async (username, password = 'Fazhi2026!') => {
    await c.context.clearCookies();
    await c.page.goto(`${c.server.baseUrl}/login`);
    await c.page.getByLabel('用户名').fill(username);
    await c.page.getByLabel('密码').fill(password);
    await c.page.getByRole('button', { name: /登\s*录/ }).click();
    await c.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await c.page.getByTestId('current-user').waitFor();
  };
  return c;
}

/** An antd Select: open it, type to search, click the option — again if the click fell into an animation. */
export async function pickOption(page: Page, input: Locator, option: string | RegExp, search?: string): Promise<void> {
  const select = input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  const squeeze = (t: string | null) => (t ?? '').replace(/\s+/g, '');
  for (let attempt = 1; ; attempt++) {
    await input.click();
    if (search) await input.fill(search);
    // the options list of this select (another one may still be fading out): named by the open input, else the newest
    const list = await input.getAttribute('aria-controls');
    const dropdown = list
      ? page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${list}"]`) })
      : page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    const o = dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    const text = squeeze(await o.textContent());
    // with a search the first match is the active option: Enter takes it without aiming at a moving list
    if (search) await input.press('Enter');
    else await o.click({ timeout: 5_000 }).catch(() => {});
    try {
      await expect.poll(async () => squeeze(await select.textContent()), { timeout: 3_000 }).toContain(text);
      return;
    } catch (e) {
      if (attempt === 3) throw e;
    }
  }
}
