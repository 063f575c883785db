/**
 * 全国12315平台导出文件 (.xlsx or UTF-8 .csv) → 投诉举报 (第三十六条: the platform is the national intake; 第三十七条:
 * what it forwards is handled here). The layout is the columns below, matched by header (order free). Every row is
 * checked first; any problem → 422 IMPORT_INVALID with the row-level report (row, column, message), nothing
 * imported — the house pattern of the other imports. A row whose platform number is already registered is skipped
 * (a re-imported export adds nothing).
 */
import { readFirstSheet } from '../../platform/documents/xlsxRead.ts';
import { type ComplaintCategory, complaintCategories, type ComplaintKind } from '../../domain/complaints/rules.ts';
import { chinaToday, isRealDate } from '../../domain/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { IntakeInput } from './commands/receive-complaint.ts';

export const importColumns = [
  { key: 'externalNo', header: '登记编号', required: true },
  { key: 'kind', header: '类型', required: true },
  { key: 'receivedOn', header: '登记日期', required: true },
  { key: 'respondentName', header: '被投诉举报对象', required: true },
  { key: 'respondentUscc', header: '统一社会信用代码', required: false },
  { key: 'respondentAddress', header: '对象地址', required: false },
  { key: 'category', header: '事项类别', required: true },
  { key: 'summary', header: '问题描述', required: true },
  { key: 'request', header: '诉求', required: false },
  { key: 'name', header: '投诉举报人', required: false },
  { key: 'phone', header: '联系电话', required: false },
  { key: 'address', header: '联系地址', required: false },
  { key: 'anonymous', header: '是否匿名', required: false },
] as const;
type Key = (typeof importColumns)[number]['key'];

export interface ImportRowError {
  row: number | null;
  column: string | null;
  message: string;
}

const kindWords: Record<string, ComplaintKind | 'both'> = { 投诉: 'complaint', 举报: 'report', 投诉举报: 'both', '投诉+举报': 'both' };
const categoryByLabel = new Map<string, ComplaintCategory>(Object.entries(complaintCategories).map(([k, v]) => [v, k as ComplaintCategory]));

/** Splits CSV text (RFC 4180 quoting) into rows of cells. */
function csvRows(text: string): { row: number; values: string[] }[] {
  const out: { row: number; values: string[] }[] = [];
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
      out.push({ row: n++, values: row });
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push({ row: n, values: row });
  }
  return out;
}

export function readImportFile(file: Buffer): { row: number; values: string[] }[] {
  const isXlsx = file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;
  if (!isXlsx) {
    const text = file.toString('utf8');
    if (text.includes('\u0000') || text.includes('\ufffd')) throw new AppError('FILE_UNREADABLE', '文件不是 .xlsx 工作簿或 UTF-8 编码的 .csv 文件');
    return csvRows(text).map((r) => ({ row: r.row, values: r.values.map((v) => v.trim()) }));
  }
  try {
    return readFirstSheet(file).map((r) => ({ row: r.row, values: r.values.map((v) => v.trim()) }));
  } catch {
    throw new AppError('FILE_UNREADABLE', '文件不是有效的 .xlsx 工作簿（请用 Excel 或 WPS 另存为 .xlsx 或 .csv 后再导入）');
  }
}

export const importInvalid = (errors: ImportRowError[]) =>
  new AppError(
    'IMPORT_INVALID',
    `文件有 ${errors.length} 处错误，未导入任何内容：${errors
      .slice(0, 3)
      .map((e) => `${e.row ? `第 ${e.row} 行` : '文件'}${e.column ? `“${e.column}”` : ''}：${e.message}`)
      .join('；')}${errors.length > 3 ? '……' : ''}`,
    { errors: errors.slice(0, 1000), total: errors.length },
  );

/** Checks every row; returns the intake inputs (without orgId) or throws the row-level report. */
export function checkImportRows(rows: { row: number; values: string[] }[], orgId: string): (IntakeInput & { row: number })[] {
  const nonEmpty = rows.filter((r) => r.values.some((v) => v !== ''));
  if (nonEmpty.length === 0) throw importInvalid([{ row: null, column: null, message: '文件没有内容' }]);
  const [header, ...data] = nonEmpty;
  const errors: ImportRowError[] = [];
  const at = new Map<Key, number>();
  for (const c of importColumns) {
    const i = header.values.indexOf(c.header);
    if (i >= 0) at.set(c.key, i);
    else if (c.required) errors.push({ row: header.row, column: c.header, message: '缺少该列' });
  }
  if (errors.length) throw importInvalid(errors);
  if (data.length === 0) throw importInvalid([{ row: null, column: null, message: '文件只有表头，没有数据行' }]);
  if (data.length > 5000) throw importInvalid([{ row: null, column: null, message: '一次最多导入 5000 行' }]);
  const seen = new Set<string>();
  const out: (IntakeInput & { row: number })[] = [];
  const today = chinaToday();
  for (const r of data) {
    const v = (k: Key) => {
      const i = at.get(k);
      return i === undefined ? '' : (r.values[i] ?? '').trim();
    };
    const err = (k: Key, message: string) => errors.push({ row: r.row, column: importColumns.find((c) => c.key === k)!.header, message });
    const before = errors.length;
    for (const c of importColumns) if (c.required && !v(c.key)) err(c.key, '不能为空');
    const externalNo = v('externalNo');
    if (externalNo && seen.has(externalNo)) err('externalNo', '与前面的行重复');
    seen.add(externalNo);
    const kind = kindWords[v('kind')];
    if (v('kind') && !kind) err('kind', '应为“投诉”“举报”或“投诉举报”');
    const receivedOn = v('receivedOn').replace(/\//g, '-');
    if (v('receivedOn') && (!isRealDate(receivedOn) || receivedOn > today)) err('receivedOn', '应为不晚于今天的日期（YYYY-MM-DD）');
    const category = categoryByLabel.get(v('category'));
    if (v('category') && !category) err('category', `应为：${Object.values(complaintCategories).join('、')}`);
    const anonymous = ['是', 'Y', 'y', '1', 'true'].includes(v('anonymous'));
    if (kind && kind !== 'report' && (anonymous || !v('name') || !v('phone') || !v('address')))
      err('name', '投诉应当有投诉人的姓名、联系电话和联系地址（第九条第一款），不能匿名');
    if (kind === 'report' && !anonymous && !v('name')) err('name', '实名举报应当填写举报人姓名；否则在“是否匿名”填“是”');
    if (v('summary').length > 5000) err('summary', '不超过5000字');
    if (v('respondentName').length > 200) err('respondentName', '不超过200字');
    if (errors.length > before || !kind || !category) continue;
    out.push({
      row: r.row,
      kind,
      channel: 'platform12315',
      orgId,
      receivedOn,
      respondent: { name: v('respondentName'), uscc: v('respondentUscc') || null, address: v('respondentAddress') || null },
      category,
      summary: v('summary'),
      request: v('request') || null,
      anonymous,
      person: anonymous ? null : { name: v('name'), phone: v('phone') || null, address: v('address') || null },
      externalNo,
    });
  }
  if (errors.length) throw importInvalid(errors);
  return out;
}
