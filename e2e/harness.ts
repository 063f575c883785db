/**
 * End-to-end harness: builds the web UI, starts the real server (tsx src/server.ts) on a free
 * port with its own copy of the demo data seeded once per run (e2e/globalSetup.ts) — a data
 * directory, and when TEST_DATABASE_URL is set a PostgreSQL database cloned from the template;
 * PGlite otherwise — and launches the system Chromium.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type APIResponse, chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { appLoginUrl } from './globalSetup.ts';
import { buildWeb as buildConsole, ROOT, type Server, spawnServer } from './serverProcess.ts';

export const ARTIFACTS = join(ROOT, 'e2e', 'artifacts');

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

export { ROOT, type Server };

export function buildWeb(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  buildConsole();
}

/** A server on a copy of the demo bureau seeded once per run (e2e/globalSetup.ts): its data directory and, on PostgreSQL, its database. */
export async function startServer(): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
  const template = inject('e2eTemplate');
  cpSync(template.dataDir, dataDir, { recursive: true });
  const db = process.env.TEST_DATABASE_URL ? await createDatabase(process.env.TEST_DATABASE_URL, template.database!) : null;
  return spawnServer({
    dataDir,
    readyWithinMs: 90_000,
    // as in production: the owner migrates, the server runs as a login that cannot switch back to it
    env: { SEED_DEMO: 'true', DATABASE_URL: db ? appLoginUrl(db.url) : '', MIGRATION_DATABASE_URL: db?.url ?? '' },
    afterStop: async () => {
      await db?.drop().catch((e) => console.warn('could not drop the e2e database', e));
    },
  });
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
  /** The API with the page's cookies (a step a spec does not test in the browser): sign in, then call with the CSRF token. */
  api: {
    /** signs in through the API (the context's cookie) and returns the CSRF token for unsafe requests */
    signIn: (username: string, password?: string) => Promise<string>;
    post: (csrf: string, url: string, data: unknown) => Promise<APIResponse>;
    /** the answer's JSON */
    get: (url: string) => Promise<any>;
  };
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
  c.api = {
    signIn: async (username, password = 'Fazhi2026!') => {
      const r = await c.context.request.post(`${c.server.baseUrl}/api/auth/login`, { data: { username, password } });
      if (r.status() !== 200) throw new Error(`sign-in of ${username} answered ${r.status()}: ${await r.text()}`);
      return (await r.json()).csrfToken as string;
    },
    post: (csrf, url, data) => c.context.request.post(`${c.server.baseUrl}${url}`, { data, headers: { 'x-csrf-token': csrf } }),
    get: async (url) => (await c.context.request.get(`${c.server.baseUrl}${url}`)).json(),
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

/** The page is no wider than a phone's screen; a failure names what sticks out on the right (outside any scrolling box). */
export async function expectFitsWidth(page: Page, width = 390): Promise<void> {
  await page.waitForLoadState('networkidle');
  const overflowing = () =>
    page.evaluate((w) => {
      const edge = w + 1;
      return [...document.querySelectorAll('body *')]
        .filter((e) => {
          if (e.getBoundingClientRect().right <= edge || [...e.children].some((c) => c.getBoundingClientRect().right > edge)) return false;
          // inside a scrolling box (a wide table) it does not widen the page
          for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return false;
          return true;
        })
        .slice(0, 8)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 80)} → ${Math.round(e.getBoundingClientRect().right)}`);
    }, width);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, (await overflowing()).join('\n')).toBeLessThanOrEqual(width);
}
