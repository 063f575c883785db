/**
 * Once per browser-test run: the demo bureau seeded once (`fazhi seed --demo`, the same seed as the
 * server's first start) into a template — a data directory, and on PostgreSQL also a template database —
 * that every spec's server starts from a copy of (harness.ts `startServer`), instead of seeding again.
 * The server's own first-start seeding is exercised by the fresh-machine check in `.ci/fresh-machine`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eTemplate: { dataDir: string; database: string | null };
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The application's login on the test server, as in production: only a member of `fazhi_app` (test/helpers.ts). */
export function appLoginUrl(url: string): string {
  const u = new URL(url);
  u.username = 'fazhi_test_app';
  if (u.password) u.password = 'fazhi-test-app';
  return u.toString();
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-template-'));
  const base = process.env.TEST_DATABASE_URL;
  let database: string | null = null;
  let url = '';
  if (base) {
    database = `fazhi_e2e_tpl_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(`create database ${database}`);
    const u = new URL(base);
    u.pathname = `/${database}`;
    url = u.toString();
  }
  const t0 = Date.now();
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli.ts', 'seed', '--demo'], {
    cwd: ROOT,
    stdio: 'inherit',
    // migrations as the owner, the app as its own login (README「配置」)
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url && appLoginUrl(url), MIGRATION_DATABASE_URL: url },
  });
  console.log(`e2e template seeded in ${Date.now() - t0} ms (${database ?? 'PGlite'})`);
  project.provide('e2eTemplate', { dataDir, database });
  return async () => {
    if (database) await admin(`drop database if exists ${database} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
