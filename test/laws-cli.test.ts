import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LAWS_DIR } from '../src/seed/laws.ts';
import { createTestDatabase, usingPostgres } from './helpers.ts';

/** `fazhi laws import|search` against a fresh database (PGlite data dir, or PostgreSQL when configured). */
const run = promisify(execFile);
let dataDir: string;
let databaseUrl: string | undefined;
let drop: (() => Promise<void>) | undefined;

async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['bin/fazhi.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fazhi-laws-cli-'));
  if (usingPostgres()) ({ url: databaseUrl, drop } = await createTestDatabase());
});
afterAll(async () => {
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('fazhi laws', () => {
  it('imports a directory, then changes nothing on a second run', async () => {
    const first = await fazhi('laws', 'import', SAMPLE_LAWS_DIR);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('已导入  行政处罚法@2021-01-22（86 条）');
    expect(first.stdout).toContain('已导入  行政复议法@2023-09-01（90 条）  旧版本标记为已修改：行政复议法@2017-09-01');
    expect(first.stdout).toContain('共 41 个文件：新导入 41，未改动 0，有问题 0');
    const again = await fazhi('laws', 'import', SAMPLE_LAWS_DIR, join(SAMPLE_LAWS_DIR, '食品安全法(2021-04-29).md'));
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('未改动  食品安全法@2021-04-29（154 条）');
    expect(again.stdout).toContain('共 42 个文件：新导入 0，未改动 42，有问题 0');
  }, 180_000); // two imports of the whole library through the CLI, each allowed 60 s

  it('exits non-zero listing every problem of a bad file, and imports the good ones', async () => {
    const bad = join(dataDir, '坏文件(2024-01-01).md');
    const good = join(dataDir, '命令行测试办法(2024-01-01).md');
    writeFileSync(bad, '# 坏文件\n<!-- INFO END -->\n第二条 内容。\n第一条 顺序错了。\n第一条 重复。\n');
    writeFileSync(good, '# 命令行测试办法\n2024年1月1日 国家市场监督管理总局令第97号公布\n<!-- INFO END -->\n第一条 内容。\n');
    const r = await fazhi('laws', 'import', bad, good, join(dataDir, '不存在.md'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件或目录不存在');
    expect(r.stderr).toContain('第 4 行  条文顺序错误');
    expect(r.stderr).toContain('第 5 行  第一条重复');
    expect(r.stdout).toContain('已导入  命令行测试办法@2024-01-01（1 条）');
  });

  it('searches, ranked, as JSON with title, version date, article number and snippet', async () => {
    const r = await fazhi('laws', 'search', '听证', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.total).toBeGreaterThan(10);
    expect(out.hits[0]).toMatchObject({
      title: expect.any(String),
      versionDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      label: expect.stringMatching(/^第.+条$/),
    });
    expect(out.hits[0].snippet).toContain('<mark>听证</mark>');
    for (let i = 1; i < out.hits.length; i++) expect(out.hits[i - 1].rank).toBeGreaterThanOrEqual(out.hits[i].rank);
    const huge = await fazhi('laws', 'search', '罚'.repeat(201));
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain('VALIDATION_FAILED');
  });
});
