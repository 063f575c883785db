/** Reading and writing benchmark workbooks (layout: domain/discretion/sheet.ts). */
import ExcelJS from 'exceljs';
import { sheetLayout, specMethods, type Cell, type SheetKey } from '../../domain/discretion/sheet.ts';
import {
  applyModes,
  baseKinds,
  circumstanceEffects,
  circumstanceKinds,
  discretionTiers,
  exemptionLists,
  penaltyKinds,
} from '../../domain/discretion/vocabulary.ts';
import { AppError } from '../../platform/errors.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_XLSX_BYTES = 8 * 1024 * 1024;

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v)
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text).trim();
    if ('error' in v) return '';
  }
  return String(v);
}

/** The three sheets as rows of cells (row index + 1 = Excel row number); a missing sheet is null. */
export async function readBenchmarkWorkbook(file: Buffer): Promise<Record<SheetKey, Cell[][] | null>> {
  if (file.length > MAX_XLSX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${MAX_XLSX_BYTES / 1024 / 1024} MiB`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as never);
  } catch {
    throw new AppError('XLSX_UNREADABLE', '文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 后再导入）');
  }
  const read = (key: SheetKey): Cell[][] | null => {
    const ws = wb.getWorksheet(sheetLayout[key].name);
    if (!ws) return null;
    const width = sheetLayout[key].columns.length;
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.max(width, ws.columnCount); c++) cells.push(cellValue(row.getCell(c).value));
      rows[n - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return rows;
  };
  return { tiers: read('tiers'), circumstances: read('circumstances'), exemptions: read('exemptions') };
}

const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const widths: Record<SheetKey, number[]> = {
  tiers: [12, 36, 20, 36, 12, 12, 10, 14, 14, 14, 12, 12, 30],
  circumstances: [12, 12, 20, 44, 10, 16, 36, 20, 14],
  exemptions: [12, 12, 10, 36, 48, 36, 30],
};

/** Writes the three sheets and a sheet that documents every column. */
export async function writeBenchmarkWorkbook(sheets: Record<SheetKey, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治平台';
  wb.created = new Date();
  for (const key of Object.keys(sheetLayout) as SheetKey[]) {
    const ws = wb.addWorksheet(sheetLayout[key].name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = widths[key].map((width) => ({ width }));
    sheets[key].forEach((cells, i) => {
      const row = ws.addRow(cells);
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = border;
        cell.alignment = { vertical: 'top', wrapText: true };
        if (i === 0) {
          cell.font = { bold: true };
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
        }
      });
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheetLayout[key].columns.length } };
  }
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 18 }, { width: 110 }];
  const lines: [string, string][] = [
    [
      '用途',
      '行政处罚自由裁量权基准表：每行一项“违法行为 × 裁量阶次 × 处罚种类”。同一违法行为同一生效日期的各行构成一个基准；导入时逐行校验，任何一行有错即整体不导入。',
    ],
    ['违法行为编码', '平台违法行为目录中的编码，如 SP-001。违法行为名称仅供阅读，导入时不读取。'],
    ['基准文号 / 名称', '制定该基准的文件文号与名称；同一基准各行须一致。'],
    ['生效日期 / 失效日期', 'YYYY-MM-DD；失效日期可空（长期有效）。同一违法行为、同一机关的基准有效期不得重叠。'],
    ['裁量阶次', Object.values(discretionTiers).join('、')],
    ['处罚种类', Object.values(penaltyKinds).join('、')],
    ['法定幅度', '法定罚款幅度分支的编号或名称（如 belowFloor / 货值金额不足一万元）；不填表示适用于所有分支。罚款有多个分支时，固定金额和倍数须填写。'],
    [
      '裁量方式',
      [...Object.values(specMethods).map((m) => `${m.label}：下限、上限单位为${m.unit}`), `${Object.values(applyModes).join('、')}：不填下限、上限`].join('；'),
    ],
    [
      '裁量情节',
      `情节编号（字母开头）、情节、类别（${Object.values(circumstanceKinds).join('、')}）、效果（${Object.values(circumstanceEffects).join('、')}）、依据条文（条文编号，如 行政处罚法@2021-01-22#第三十二条）、仍予适用的处罚种类（不予处罚时仍适用的，如 没收非法财物）、适用当事人（可空）。`,
    ],
    [
      '免罚清单',
      `清单（${Object.values(exemptionLists).join('、')}）、名称、适用条件（以“；”分隔：情节编号；非 情节编号；${Object.values(baseKinds)[0]}≤金额（元）；当事人=公民 或 法人或者其他组织）、依据条文。`,
    ],
    ['金额', '以元为单位，最多两位小数；平台内部以分为单位的整数保存。'],
  ];
  for (const l of lines)
    help.addRow(l).eachCell((c) => {
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
