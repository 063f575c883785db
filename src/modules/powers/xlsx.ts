/** Reading and writing the power-list workbook (layout: domain/powerSheet.ts). */
import ExcelJS from 'exceljs';
import { powerSheetColumns, type PowerSheetCells } from '../../domain/powerSheet.ts';
import { powerCategories, powerCategoryIds, powerChangeReasons } from '../../domain/powers.ts';
import { AppError } from '../../platform/errors.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = '权责清单';

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/** The cells of the list's worksheet as strings, with Excel row numbers (merged cells repeat their value). */
export async function readGrid(file: Buffer): Promise<{ row: number; values: string[] }[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as never);
  } catch {
    throw new AppError('XLSX_UNREADABLE', '文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后再导入）');
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw new AppError('XLSX_UNREADABLE', '工作簿中没有工作表');
  const out: { row: number; values: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) values.push(cellText(row.getCell(c).value).trim());
    out.push({ row: n, values });
  });
  return out;
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Writes the list: a title row, the header, one row per item or sub-item, and a sheet of instructions. */
export async function writePowerWorkbook(title: string, rows: PowerSheetCells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治平台';
  wb.created = new Date();
  const ws = wb.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = powerSheetColumns.map((c) => ({ key: c.key, width: c.width }));
  ws.mergeCells(1, 1, 1, powerSheetColumns.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const header = ws.getRow(2);
  powerSheetColumns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFD9E2F3' : 'FFEDEDED' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  header.height = 24;
  for (const r of rows) {
    const row = ws.addRow(Object.fromEntries(powerSheetColumns.map((c) => [c.key, r[c.key] ?? null])));
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = border;
    });
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: powerSheetColumns.length } };

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 100 }];
  const lines: [string, string][] = [
    ['一行一项', '每个事项或子项占一行。子项行填写“子项名称”，“事项名称”填所属事项的名称（留空时归入上方最近的主项）。'],
    ['事项编码', '同一实施主体内唯一，如 990105-XK-001（行政区划代码-类别代码-序号），子项在其后加 -01。已存在的编码按“变更”处理，新编码按“新增”处理。'],
    ['职权类别', powerCategoryIds.map((c) => `${powerCategories[c].label}（${powerCategories[c].abbr}）`).join('、')],
    [
      '设定依据',
      '每行一条：条文编号（如 食品安全法@2021-04-29#第一百二十四条）或“《法名》第X条”，后者按法律法规数据库中的现行版本解析；可写“第X条第一款”“第X条、第Y条”。',
    ],
    ['责任事项 / 追责情形', '每行一条，可带编号“1.”“（1）”。'],
    [
      '办理流程',
      '每行一步，时限写在末尾的括号中，如“受理（时限：当场）”“审查（10个工作日）”；括号中不是时限的内容（如“审查（必要时现场核查）”）作为步骤名称的一部分。',
    ],
    ['调整原因', `导入时统一填写：${Object.values(powerChangeReasons).join('、')}；并填写生效日期和批准的局领导。`],
    ['校验', '任何一行有错误时整个文件都不会导入，并逐行列出错误。'],
  ];
  for (const [k, v] of lines) {
    const row = help.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
