/** A data report's tables as a workbook (.xlsx): one sheet, each table with its rows, this year and last year. */
import ExcelJS from 'exceljs';
import type { AnnualReportRow } from './store.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function reportWorkbook(r: AnnualReportRow): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow([r.title]);
  for (const t of r.content.tables) {
    ws.addRow([]);
    ws.addRow([t.title, '', '', t.basis]);
    ws.addRow(['项目', `${r.year}年`, `${r.year - 1}年`, '统计指标']);
    for (const x of t.rows) ws.addRow([x.label, x.value, x.previous, x.figure ?? `未接入（${x.awaiting ?? ''}）`]);
  }
  for (const s of r.content.sections) {
    const text = s.paragraphs.map((p) => p.text.trim()).filter(Boolean);
    if (text.length) {
      ws.addRow([]);
      ws.addRow([s.heading]);
      for (const t of text) ws.addRow([t]);
    }
  }
  ws.columns.forEach((c, n) => {
    c.width = [40, 16, 16, 36][n];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
