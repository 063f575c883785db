/**
 * The .xlsx layout of the power list (权责清单), close to the provincial templates: one row per
 * item or sub-item. Pure: cells come in as strings with their Excel row numbers; reading and
 * writing the workbook itself is in modules/powers/xlsx.ts.
 */

export const powerSheetColumns = [
  { key: 'seq', header: '序号', width: 6, required: true },
  { key: 'code', header: '事项编码', width: 20, required: true },
  { key: 'name', header: '事项名称', width: 30, required: true },
  { key: 'subName', header: '子项名称', width: 24, required: true },
  { key: 'category', header: '职权类别', width: 10, required: true },
  { key: 'body', header: '实施主体', width: 22, required: true },
  { key: 'unit', header: '承办机构', width: 20, required: true },
  { key: 'basis', header: '设定依据', width: 44, required: true },
  { key: 'responsibilities', header: '责任事项', width: 44, required: true },
  { key: 'accountability', header: '追责情形', width: 44, required: true },
  { key: 'timeLimit', header: '办理时限', width: 16, required: true },
  { key: 'fee', header: '收费标准', width: 12, required: true },
  { key: 'phone', header: '咨询电话', width: 16, required: true },
  { key: 'remarks', header: '备注', width: 20, required: true },
  // optional: the service guide beyond the template; when absent, an amended item keeps its values
  { key: 'steps', header: '办理流程', width: 36, required: false },
  { key: 'materials', header: '申请材料', width: 36, required: false },
  { key: 'office', header: '办理地点', width: 24, required: false },
] as const;

export type PowerSheetKey = (typeof powerSheetColumns)[number]['key'];
export type PowerSheetCells = Partial<Record<PowerSheetKey, string>>;

export interface SheetRowError {
  /** Excel row number (1-based), 0 for the file as a whole */
  row: number;
  /** column header, '' for the row as a whole */
  column: string;
  message: string;
}

export interface SheetRow {
  row: number;
  cells: PowerSheetCells;
}

export interface ParsedSheet {
  headerRow: number;
  present: Set<PowerSheetKey>;
  rows: SheetRow[];
  errors: SheetRowError[];
}

const headerOf = (key: PowerSheetKey) => powerSheetColumns.find((c) => c.key === key)!.header;
export const columnHeader = headerOf;

/** Strips spaces and line breaks from a header cell: "事项\n编码" → "事项编码". */
const normHeader = (s: string) => s.replace(/[\s\u3000*＊]/g, '');

/**
 * Finds the header row among the first rows (templates put a title above it), maps columns by
 * header text, and returns the data rows below it. Missing or unknown columns are file errors.
 */
export function readPowerSheet(grid: { row: number; values: string[] }[]): ParsedSheet {
  const errors: SheetRowError[] = [];
  const byHeader = new Map<string, PowerSheetKey>(powerSheetColumns.map((c) => [c.header, c.key]));
  const candidate = grid.slice(0, 10).find((r) => {
    const hs = new Set(r.values.map(normHeader));
    return hs.has('事项名称') && hs.has('职权类别');
  });
  if (!candidate) {
    return {
      headerRow: 0,
      present: new Set(),
      rows: [],
      errors: [
        {
          row: 0,
          column: '',
          message: `未找到表头：前 10 行中应有一行依次列出 ${powerSheetColumns
            .filter((c) => c.required)
            .map((c) => c.header)
            .join('、')}`,
        },
      ],
    };
  }
  const colKey = new Map<number, PowerSheetKey>();
  const present = new Set<PowerSheetKey>();
  candidate.values.forEach((v, i) => {
    const h = normHeader(v);
    if (!h) return;
    const key = byHeader.get(h);
    if (!key) {
      errors.push({ row: candidate.row, column: h, message: `未知的列“${h}”：本模板的列为 ${powerSheetColumns.map((c) => c.header).join('、')}` });
      return;
    }
    if (present.has(key)) {
      errors.push({ row: candidate.row, column: h, message: `列“${h}”重复` });
      return;
    }
    colKey.set(i, key);
    present.add(key);
  });
  const missing = powerSheetColumns.filter((c) => c.required && !present.has(c.key));
  if (missing.length) errors.push({ row: candidate.row, column: '', message: `缺少列：${missing.map((c) => c.header).join('、')}` });

  const rows: SheetRow[] = [];
  for (const r of grid) {
    if (r.row <= candidate.row) continue;
    const cells: PowerSheetCells = {};
    colKey.forEach((key, i) => {
      const v = (r.values[i] ?? '').replace(/\r\n/g, '\n').trim();
      if (v) cells[key] = v;
    });
    // an empty row, or one holding only its 序号, is not an item
    if (Object.keys(cells).every((k) => k === 'seq')) continue;
    rows.push({ row: r.row, cells });
  }
  return { headerRow: candidate.row, present, rows, errors };
}
