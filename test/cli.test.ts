import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/platform/db/index.ts';
import { createTestDatabase, usingPostgres } from './helpers.ts';

const run = promisify(execFile);
let dataDir: string;
let databaseUrl: string | undefined;
let drop: (() => Promise<void>) | undefined;

async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['bin/fazhi.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }) },
      timeout: 240_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Changes one stored entry as an owner who switched the trigger off (what `ledger verify` must catch). */
async function tamper(sql: string) {
  const statements = [
    'alter table ledger_entries disable trigger ledger_entries_immutable',
    sql,
    'alter table ledger_entries enable trigger ledger_entries_immutable',
  ];
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    for (const s of statements) await c.query(s);
    await c.end();
  } else {
    const db = await openPglite(dataDir);
    for (const s of statements) await db.query(s);
    await db.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fazhi-cli-'));
  if (usingPostgres()) {
    const t = await createTestDatabase();
    databaseUrl = t.url;
    drop = t.drop;
  }
});
afterAll(async () => {
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

// each command starts a process that opens the database; the demo seed runs the demo cases through the workflow
describe('fazhi CLI', { timeout: 300_000 }, () => {
  it('migrates, seeds the demo data once, creates a user, and verifies the record', async () => {
    expect((await fazhi('migrate')).code).toBe(0);
    const seed = await fazhi('seed', '--demo');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toContain('40 名执法人员');
    expect((await fazhi('seed', '--demo')).stdout).toContain('未重复载入');
    const u = await fazhi(
      'user',
      'create',
      '--username',
      'cli_user',
      '--name',
      '命令行用户',
      '--org',
      '法制科',
      '--role',
      'legalReviewer',
      '--password',
      'CliUser2026',
    );
    expect(u.code, u.stderr).toBe(0);
    const bad = await fazhi(
      'user',
      'create',
      '--username',
      'cli_user2',
      '--name',
      'x',
      '--org',
      '不存在的机构',
      '--role',
      'officer',
      '--password',
      'CliUser2026',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ORG_NOT_FOUND');
    const v = await fazhi('ledger', 'verify', '--json');
    expect(v.code, v.stderr).toBe(0);
    const report = JSON.parse(v.stdout);
    expect(report.ok).toBe(true);
    expect(report.size).toBeGreaterThan(170);
    expect(report.treeHeadsChecked).toBeGreaterThanOrEqual(1);
  });

  it('computes working days and legal deadlines for administrators and auditors', async () => {
    const w = await fazhi('workdays', 'add', '2025-09-30', '5', '--json');
    expect(w.code, w.stderr).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ date: '2025-10-14' });
    const d = await fazhi('deadline', 'publicity.penalty', '2026-02-10', '--json');
    expect(d.code, d.stderr).toBe(0);
    const r = JSON.parse(d.stdout);
    expect(r.due).toBe('2026-03-16');
    expect(r.basis).toEqual(['市场监督管理行政处罚信息公示规定@2021-07-30#第九条']);
    expect(r.skipped.filter((s: { name: string }) => s.name === '春节')).toHaveLength(9);
    const bad = await fazhi('deadline', 'no.such.rule', '2026-02-10');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DEADLINE_RULE_NOT_FOUND');
    expect((await fazhi('workdays', 'add', '2026-02-30', '1')).code).toBe(2);
  });

  it('verifies a downloaded proof offline', async () => {
    const { writeFileSync } = await import('node:fs');
    const { buildApp, createContext, openDatabase } = await import('../src/app.ts');
    const { loadConfig } = await import('../src/platform/config.ts');
    const { login } = await import('./helpers.ts');
    // fetch a proof through the API as a citizen would download it, then close the database
    const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } as NodeJS.ProcessEnv);
    const ctx = await createContext(config, await openDatabase(config));
    const app = await buildApp(ctx);
    const s = await login(app, 'admin');
    const res = await app.inject({ method: 'GET', url: '/api/record/entries/30/proof', headers: { cookie: s.cookie } });
    await app.close();
    await ctx.db.close();
    const file = join(dataDir, 'proof.json');
    writeFileSync(file, res.body);
    const ok = await fazhi('proof', 'verify', file);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('树头签名 通过');
    const doc = JSON.parse(res.body);
    doc.proof[0] = doc.proof[0].replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    writeFileSync(file, JSON.stringify(doc));
    const bad = await fazhi('proof', 'verify', file);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('核验失败');
  });

  it('exits non-zero naming the first entry that does not match', async () => {
    await tamper(
      `update ledger_entries set payload = replace(payload, '第二市场监管所', '第九市场监管所') where seq = (select min(seq) from ledger_entries where payload like '%第二市场监管所%')`,
    );
    const v = await fazhi('ledger', 'verify');
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/记录校验失败：第 \d+ 条，PAYLOAD_HASH_MISMATCH/);
  });
});
