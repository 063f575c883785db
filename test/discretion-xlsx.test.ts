import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestEnv, ledgerSize, login, type TestEnv } from './helpers.ts';

let env: TestEnv;
let admin: ReturnType<typeof client>;
let exported: Buffer;

const upload = (buf: Buffer, extra: Record<string, unknown> = {}) =>
  admin.post('/api/discretion/benchmarks/import', { fileBase64: buf.toString('base64'), ...extra });
/** The benchmarks table as it is stored: changes to it show up here. */
const snapshot = async () =>
  JSON.stringify(
    (await env.ctx.db.query('select id, valid_from, valid_to, document_number, tiers, circumstances, exemptions from discretion_benchmarks order by id')).rows,
  );

async function edit(buf: Buffer, fn: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  fn(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** The Excel row numbers of the 裁量基准 sheet matching a violation code, tier and penalty kind. */
function findRow(ws: ExcelJS.Worksheet, code: string, tier: string, kind: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === code && row.getCell(7).value === tier && row.getCell(8).value === kind && !found) found = n;
  });
  if (!found) throw new Error(`no row ${code} ${tier} ${kind}`);
  return found;
}

beforeAll(async () => {
  env = await createTestEnv({ laws: true });
  const s = await login(env.app, 'admin');
  admin = client(env.app, s);
  const r = await env.app.inject({ method: 'GET', url: '/api/discretion/benchmarks/export.xlsx', headers: { cookie: s.cookie } });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toContain('spreadsheetml');
  exported = r.rawPayload;
});
afterAll(() => env.close());

describe('export', () => {
  it('writes one row per violation × tier × penalty kind, with circumstances and exemption lists', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['裁量基准', '裁量情节', '免罚清单', '填写说明']);
    const tiers = wb.getWorksheet('裁量基准')!;
    expect(tiers.getRow(1).values).toEqual([
      undefined,
      '违法行为编码',
      '违法行为名称',
      '基准文号',
      '基准名称',
      '生效日期',
      '失效日期',
      '裁量阶次',
      '处罚种类',
      '法定幅度',
      '裁量方式',
      '下限',
      '上限',
      '说明',
    ]);
    expect(tiers.rowCount).toBeGreaterThan(300);
    const row = tiers.getRow(findRow(tiers, 'JG-001', '从重处罚', '罚款'));
    expect([row.getCell(10).value, row.getCell(11).value, row.getCell(12).value]).toEqual(['固定金额', 3000, 5000]);
    expect(wb.getWorksheet('免罚清单')!.rowCount).toBeGreaterThan(10);
  });
});

describe('import', () => {
  it('re-importing the export changes nothing', async () => {
    const before = await ledgerSize(env);
    const snap = await snapshot();
    const dry = await upload(exported, { dryRun: true });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 0, updated: 0 });
    expect(dry.body.unchanged).toBeGreaterThanOrEqual(38);
    const real = await upload(exported);
    expect(real.body).toMatchObject({ dryRun: false, created: 0, updated: 0 });
    expect(await ledgerSize(env)).toBe(before);
    expect(await snapshot()).toBe(snap);
  });

  it('a changed clause updates its benchmark through the record; the calculator follows', async () => {
    const changed = await edit(exported, (wb) => {
      const ws = wb.getWorksheet('裁量基准')!;
      ws.getRow(findRow(ws, 'JG-002', '从重处罚', '罚款')).getCell(11).value = 4000;
    });
    const before = await ledgerSize(env);
    const r = await upload(changed);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ created: 0, updated: 1 });
    expect(r.body.benchmarks.filter((b: { action: string }) => b.action === 'updated')).toEqual([
      { violationCode: 'JG-002', validFrom: '2024-01-01', action: 'updated' },
    ]);
    expect(await ledgerSize(env)).toBe(before + 1);
    const calc = await admin.post('/api/discretion/calculate', {
      violation: 'JG-002',
      violationDate: '2025-06-01',
      decisionDate: '2025-07-01',
      partyType: 'organisation',
      circumstances: ['repeatOffence'],
    });
    expect(calc.body.penalties.find((p: { kind: string }) => p.kind === 'fine').range).toEqual({ minFen: 400_000, maxFen: 500_000 });
    const id = calc.body.benchmark.id;
    const rec = (await admin.get(`/api/record/matters/discretionBenchmark/${id}`)).body.entries;
    expect(rec.at(-1).eventType).toBe('discretionBenchmark.updated');
    expect(rec.at(-1).payload.importBatch).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ends a benchmark and adopts its successor in one file', async () => {
    const s = await login(env.app, 'admin');
    const current = (await env.app.inject({ method: 'GET', url: '/api/discretion/benchmarks/export.xlsx', headers: { cookie: s.cookie } })).rawPayload;
    const next = await edit(current, (wb) => {
      const ws = wb.getWorksheet('裁量基准')!;
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).value === 'DS-001') {
          row.getCell(6).value = '2029-12-31';
          const copy = (row.values as ExcelJS.CellValue[]).slice(1);
          copy[2] = '示市监法〔2029〕3号';
          copy[4] = '2030-01-01';
          copy[5] = '';
          rows.push(copy);
        }
      });
      for (const r of rows) ws.addRow(r);
      const cs = wb.getWorksheet('裁量情节')!;
      const copies: ExcelJS.CellValue[][] = [];
      cs.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).value === 'DS-001')
          copies.push([...(row.values as ExcelJS.CellValue[]).slice(1, 2), '2030-01-01', ...(row.values as ExcelJS.CellValue[]).slice(3)]);
      });
      for (const r of copies) cs.addRow(r);
    });
    const r = await upload(next);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ created: 1, updated: 1 });
    const items = (await admin.get('/api/discretion/benchmarks')).body.items.filter((b: { violationCode: string }) => b.violationCode === 'DS-001');
    expect(items.map((b: { validFrom: string; validTo: string | null }) => [b.validFrom, b.validTo])).toEqual([
      ['2024-01-01', '2029-12-31'],
      ['2030-01-01', null],
    ]);
    expect(items[1].circumstances.length).toBe(items[0].circumstances.length);
    expect(items[1].exemptions).toEqual([]);
  });
});

describe('bad spreadsheets: every problem reported with its row, nothing imported', () => {
  async function rejected(buf: Buffer) {
    const before = await ledgerSize(env);
    const snap = await snapshot();
    const r = await upload(buf);
    expect(r.status, JSON.stringify(r.body).slice(0, 500)).toBe(422);
    expect(await ledgerSize(env)).toBe(before);
    expect(await snapshot()).toBe(snap);
    return r.body.error;
  }

  it('reports bad codes, labels, amounts, ranges, articles and inconsistent rows together', async () => {
    const rows: Record<string, number> = {};
    const bad = await edit(exported, (wb) => {
      const ws = wb.getWorksheet('裁量基准')!;
      rows.code = findRow(ws, 'SP-001', '从轻处罚', '罚款');
      ws.getRow(rows.code).getCell(1).value = 'SP-999';
      rows.tier = findRow(ws, 'SP-002', '一般处罚', '罚款');
      ws.getRow(rows.tier).getCell(7).value = '特别从轻';
      rows.amount = findRow(ws, 'JG-001', '一般处罚', '罚款');
      ws.getRow(rows.amount).getCell(11).value = '一千元';
      rows.range = findRow(ws, 'JG-001', '从重处罚', '罚款');
      ws.getRow(rows.range).getCell(12).value = 6000;
      rows.doc = findRow(ws, 'CP-001', '从重处罚', '罚款');
      ws.getRow(rows.doc).getCell(3).value = '示市监法〔2023〕13号';
      const cs = wb.getWorksheet('裁量情节')!;
      cs.getRow(2).getCell(7).value = '行政处罚法@2021-01-22#第九百条';
      rows.circumstance = 2;
    });
    const error = await rejected(bad);
    expect(error.code).toBe('IMPORT_INVALID');
    const errors = error.details.errors as { sheet: string; row: number; column: string | null; message: string }[];
    const at = (sheet: string, row: number) =>
      errors
        .filter((e) => e.sheet === sheet && e.row === row)
        .map((e) => e.message)
        .join(' | ');
    expect(at('裁量基准', rows.code)).toContain('SP-999');
    expect(at('裁量基准', rows.tier)).toContain('特别从轻');
    expect(at('裁量基准', rows.amount)).toContain('以元计');
    expect(at('裁量基准', rows.range)).toContain('超出法定幅度');
    expect(at('裁量基准', rows.doc)).toContain('应一致');
    expect(at('裁量情节', rows.circumstance)).toContain('第九百条');
    expect(error.message).toMatch(/\d+ 处错误，未导入任何数据/);
  });

  it('rejects wrong columns, a missing sheet and a file that is not a workbook', async () => {
    const wrong = await edit(exported, (wb) => {
      wb.getWorksheet('裁量基准')!.getRow(1).getCell(7).value = '阶次';
    });
    const e1 = await rejected(wrong);
    expect(e1.details.errors[0]).toMatchObject({ sheet: '裁量基准', row: 1 });
    expect(e1.details.errors[0].message).toContain('表头应为');
    const missing = await edit(exported, (wb) => {
      wb.removeWorksheet(wb.getWorksheet('免罚清单')!.id);
    });
    expect((await rejected(missing)).details.errors[0].message).toContain('缺少工作表“免罚清单”');
    const junk = await rejected(Buffer.from('这不是 Excel 文件'));
    expect(junk.code).toBe('XLSX_UNREADABLE');
  });

  it('rejects overlapping validity periods, in the file and against the database', async () => {
    const overlap = await edit(exported, (wb) => {
      const ws = wb.getWorksheet('裁量基准')!;
      const copies: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(1).value === 'TS-001') {
          const c = (row.values as ExcelJS.CellValue[]).slice(1);
          c[4] = '2025-01-01';
          copies.push(c);
        }
      });
      for (const r of copies) ws.addRow(r);
    });
    const e = await rejected(overlap);
    expect(e.details.errors.some((x: { message: string }) => x.message.includes('重叠'))).toBe(true);
  });

  it('an officer may not import', async () => {
    const officer = client(env.app, await login(env.app, 'zhifa'));
    const r = await officer.post('/api/discretion/benchmarks/import', { fileBase64: exported.toString('base64') });
    expect(r.status).toBe(403);
  });
});
