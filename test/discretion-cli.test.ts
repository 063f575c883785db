import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from './helpers.ts';

/** `fazhi discretion calc|export|import` against a demo database (PGlite data dir, or PostgreSQL when configured). */
const run = promisify(execFile);
let dataDir: string;
let databaseUrl: string | undefined;
let drop: (() => Promise<void>) | undefined;

async function fazhi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ['bin/fazhi.js', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fazhi-discretion-cli-'));
  if (usingPostgres()) ({ url: databaseUrl, drop } = await createTestDatabase());
  const seed = await fazhi('seed', '--demo');
  expect(seed.code, seed.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await drop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('fazhi discretion', () => {
  it('calc prints the full result with its trace as JSON', async () => {
    const input = join(dataDir, 'yogurt.json');
    writeFileSync(
      input,
      JSON.stringify({
        violation: 'SP-001',
        violationDate: '2025-11-20',
        decisionDate: '2026-02-10',
        partyType: 'organisation',
        orgId: '示例区市场监督管理局',
        bases: { goodsValue: 1408000 },
        circumstances: ['firstOffence', 'cooperative', 'eliminatedHarm'],
      }),
    );
    const r = await fazhi('discretion', 'calc', input, '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ tier: 'lighter', legalRange: { minFen: 14_080_000, maxFen: 28_160_000 }, benchmark: { reason: 'laterMoreLenient' } });
    expect(out.penalties.find((p: { kind: string }) => p.kind === 'fine').range).toEqual({ minFen: 14_080_000, maxFen: 16_896_000 });
    expect(out.trace.some((s: { articleIds: string[] }) => s.articleIds.includes('行政处罚法@2021-01-22#第三十七条'))).toBe(true);
  });

  it('calc rejects a bad input file with a clear message and exit code 2', async () => {
    const input = join(dataDir, 'bad.json');
    writeFileSync(input, JSON.stringify({ violation: 'SP-001', violationDate: '2025-13-01', decisionDate: '2026-01-01', partyType: 'organisation' }));
    const r = await fazhi('discretion', 'calc', input, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('VALIDATION_FAILED');
    expect(r.stderr).toContain('violationDate');
  });

  it('exports the tables, and rejects a broken file listing its rows (nothing imported)', async () => {
    const file = join(dataDir, 'benchmarks.xlsx');
    const ex = await fazhi('discretion', 'export', file, '--org', '示例区市场监督管理局');
    expect(ex.code, ex.stderr).toBe(0);
    expect(ex.stdout).toMatch(/已导出 39 个基准、\d{3} 行/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as never);
    wb.getWorksheet('裁量基准')!.getRow(3).getCell(8).value = '罚金';
    const broken = join(dataDir, 'broken.xlsx');
    writeFileSync(broken, Buffer.from(await wb.xlsx.writeBuffer()));
    const bad = await fazhi('discretion', 'import', broken, '--org', '示例区市场监督管理局');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('裁量基准 第 3 行“处罚种类”：未知的处罚种类“罚金”');
    expect(bad.stderr).toContain('未导入任何数据');
  });
});
