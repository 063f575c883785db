/**
 * Once per `npm test` run: a directory for the test database templates (see createTestEnv in
 * helpers.ts), provided to every worker; afterwards the template databases are dropped and the
 * directory removed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    fazhiTemplateDir: string;
  }
}

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-templates-'));
  project.provide('fazhiTemplateDir', dir);
  return async () => {
    const databases = readdirSync(dir)
      .map((k) => join(dir, k, 'pg-database'))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8').trim());
    if (databases.length && process.env.TEST_DATABASE_URL) {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      for (const name of databases) if (/^[a-z0-9_]+$/.test(name)) await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
