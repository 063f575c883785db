import ExcelJS from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFirstSheet, XlsxReadError } from './xlsxRead.ts';

const rows = [
  ['统一社会信用代码', '名称', '备注', '数量'],
  ['91990105MA01ABCD2W', '示例区鑫隆超市有限公司', 'A&B <连锁>', 12],
  ['92990105MA01EFGH3K', '示例区百味小吃店', '', 3.5],
  ['', '', '只有第三列', null],
];

async function workbook(useSharedStrings: boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings, useStyles: false });
  const ws = wb.addWorksheet('第一页');
  for (const r of rows) ws.addRow(r).commit();
  wb.addWorksheet('第二页').addRow(['不读']).commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

const expected = rows.map((r, i) => ({ row: i + 1, values: r.map((v) => (v === null ? '' : String(v))) }));
const trimTrailing = (x: { row: number; values: string[] }[]) => x.map((r) => ({ row: r.row, values: [...r.values, '', '', '', ''].slice(0, 4) }));

describe('the fast .xlsx reader', () => {
  it('reads the first worksheet with shared strings, entities and empty cells', async () => {
    expect(trimTrailing(readFirstSheet(await workbook(true)))).toEqual(expected);
  });
  it('reads inline strings (which exceljs’ streaming reader garbles) the same way', async () => {
    expect(trimTrailing(readFirstSheet(await workbook(false)))).toEqual(expected);
  });
  it('matches exceljs on a workbook exceljs wrote and read back', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['甲', 1, true]);
    ws.getCell('E3').value = { richText: [{ text: '富' }, { text: '文本' }] };
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = readFirstSheet(buf);
    expect(r[0].values).toEqual(['甲', '1', 'TRUE']);
    expect(r[1]).toEqual({ row: 3, values: ['', '', '', '', '富文本'] });
  });
  it('refuses what is not a workbook', () => {
    expect(() => readFirstSheet(Buffer.from('统一社会信用代码,名称\n'))).toThrow(XlsxReadError);
    expect(() => readFirstSheet(deflateRawSync(Buffer.from('x')))).toThrow(XlsxReadError);
  });
});
