/** Reading and writing target-pool files (.xlsx through the fast first-sheet reader, or UTF-8 .csv); layout: domain/inspections/targets.ts. */
import { readFirstSheet } from '../../platform/documents/xlsxRead.ts';
import ExcelJS from 'exceljs';
import { targetColumns, type TargetRow } from '../../domain/inspections/targets.ts';
import { AppError } from '../../platform/errors.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TARGET_SHEET = '检查对象名录';

/** Splits CSV text (RFC 4180 quoting) into rows of cells. */
export function* csvRows(text: string): Generator<{ row: number; values: string[] }> {
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let n = 1;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      yield { row: n++, values: row };
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    yield { row: n, values: row };
  }
}

const isXlsx = (file: Buffer) => file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;

/** All rows of the file (the first worksheet of a workbook), cells as trimmed strings. */
export async function readTargetFile(file: Buffer, onRow?: (n: number) => void): Promise<{ row: number; values: string[] }[]> {
  const out: { row: number; values: string[] }[] = [];
  if (!isXlsx(file)) {
    const text = file.toString('utf8');
    if (text.includes('\u0000')) throw new AppError('FILE_UNREADABLE', '文件不是 .xlsx 工作簿或 UTF-8 编码的 .csv 文件');
    for (const r of csvRows(text)) {
      out.push({ row: r.row, values: r.values.map((v) => v.trim()) });
      if (onRow && out.length % 5000 === 0) onRow(out.length);
    }
    return out;
  }
  try {
    // a bulk register: the fast reader (exceljs' streaming reader is slow at 200 000 rows and garbles inline strings)
    return readFirstSheet(file, onRow).map((r) => ({ row: r.row, values: r.values.map((v) => v.trim()) }));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_UNREADABLE', '文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再导入）');
  }
}

/** Writes targets in the import layout (streamed: fit for hundreds of thousands of rows). */
export async function writeTargetWorkbook(rows: Iterable<Omit<TargetRow, 'usccFlagged'>>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(TARGET_SHEET);
  ws.columns = targetColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const statusLabel = { active: '存续', suspended: '歇业', closed: '注销' } as const;
  for (const r of rows) ws.addRow({ ...r, legalRep: r.legalRep ?? '', status: statusLabel[r.status] }).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
