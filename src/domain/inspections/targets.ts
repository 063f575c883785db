/**
 * 检查对象名录库: the import layout and the row checks, pure. A file is checked completely before
 * anything is written; every problem is reported with its row and column.
 */
import { isValidUscc, usccCheckChar } from '../codes.ts';

export const riskClasses = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof riskClasses)[number];
export const riskClassLabels: Record<RiskClass, string> = {
  A: 'A类（信用风险低）',
  B: 'B类（信用风险一般）',
  C: 'C类（信用风险较高）',
  D: 'D类（信用风险高）',
};

export const targetStatuses = { active: '存续', suspended: '歇业', closed: '注销' } as const;
export type TargetStatus = keyof typeof targetStatuses;

/** Columns of the .xlsx / .csv file, in order; headers are matched by name, so the order is free. */
export const targetColumns = [
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 22 },
  { key: 'name', header: '名称', required: true, width: 32 },
  { key: 'entityType', header: '主体类型', required: false, width: 14 },
  { key: 'legalRep', header: '法定代表人（负责人）', required: false, width: 14 },
  { key: 'address', header: '住所（经营场所）', required: true, width: 36 },
  { key: 'divisionCode', header: '行政区划代码', required: true, width: 12 },
  { key: 'industry', header: '行业', required: true, width: 16 },
  { key: 'licences', header: '许可证', required: false, width: 24 },
  { key: 'riskClass', header: '信用风险分类', required: true, width: 12 },
  { key: 'status', header: '登记状态', required: false, width: 10 },
] as const;
export type TargetColumnKey = (typeof targetColumns)[number]['key'];

export interface TargetRow {
  uscc: string;
  name: string;
  entityType: string;
  legalRep: string | null;
  address: string;
  divisionCode: string;
  industry: string;
  licences: string;
  riskClass: RiskClass;
  status: TargetStatus;
  /** the check character failed and the file came from the registration authority: kept, to be confirmed */
  usccFlagged: boolean;
}

export interface TargetRowError {
  row: number;
  column: string;
  message: string;
}

export interface TargetCheckOptions {
  /** division codes the platform knows (GB/T 2260) */
  knownDivision: (code: string) => boolean;
  /** the body's own area: a target outside it is not in the body's pool */
  inArea: (code: string) => boolean;
  /** rows come from the registration authority's register: a failing check character is flagged, not refused (RULES.md, Codes) */
  fromRegister: boolean;
}

const headerAliases: Record<string, TargetColumnKey> = {
  统一社会信用代码: 'uscc',
  名称: 'name',
  企业名称: 'name',
  主体名称: 'name',
  主体类型: 'entityType',
  类型: 'entityType',
  '法定代表人（负责人）': 'legalRep',
  法定代表人: 'legalRep',
  负责人: 'legalRep',
  经营者: 'legalRep',
  '住所（经营场所）': 'address',
  住所: 'address',
  经营场所: 'address',
  地址: 'address',
  行政区划代码: 'divisionCode',
  区划代码: 'divisionCode',
  行业: 'industry',
  行业类别: 'industry',
  许可证: 'licences',
  许可证件: 'licences',
  信用风险分类: 'riskClass',
  风险分类: 'riskClass',
  风险等级: 'riskClass',
  登记状态: 'status',
  状态: 'status',
};

const statusAliases: Record<string, TargetStatus> = {
  存续: 'active',
  在营: 'active',
  开业: 'active',
  正常: 'active',
  '': 'active',
  歇业: 'suspended',
  停业: 'suspended',
  注销: 'closed',
  吊销: 'closed',
  撤销: 'closed',
};

/** C0 control characters other than tab, line feed and carriage return (a .csv can carry them; no register field holds one). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Finds the header row (the first row naming 统一社会信用代码) and maps its columns. */
export function mapHeader(values: string[]): Map<TargetColumnKey, number> | null {
  const m = new Map<TargetColumnKey, number>();
  values.forEach((v, i) => {
    const key = headerAliases[v.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')];
    if (key && !m.has(key)) m.set(key, i);
  });
  return m.has('uscc') ? m : null;
}

export interface SheetCheck {
  rows: (TargetRow & { row: number })[];
  errors: TargetRowError[];
}

/**
 * Checks every data row (after the header): required cells, uscc (GB 32100-2015 check character),
 * duplicates within the file, division codes, risk class and status. Nothing is dropped silently.
 */
export function checkTargetRows(grid: Iterable<{ row: number; values: string[] }>, opts: TargetCheckOptions): SheetCheck {
  const rows: SheetCheck['rows'] = [];
  const errors: TargetRowError[] = [];
  let header: Map<TargetColumnKey, number> | null = null;
  const seen = new Map<string, number>();
  const col = (k: TargetColumnKey) => targetColumns.find((c) => c.key === k)!.header;
  for (const { row, values } of grid) {
    if (!header) {
      header = mapHeader(values);
      continue;
    }
    const cell = (k: TargetColumnKey) => {
      const i = header!.get(k);
      return i === undefined ? '' : (values[i] ?? '').trim();
    };
    if (values.every((v) => !v?.trim())) continue;
    const err = (k: TargetColumnKey, message: string) => errors.push({ row, column: col(k), message });
    const before = errors.length;
    for (const c of targetColumns) {
      const v = cell(c.key);
      if (c.required && !v) err(c.key, `“${c.header}”不能为空`);
      else if (CONTROL.test(v)) err(c.key, `“${c.header}”含有不可见的控制字符`);
    }
    const uscc = cell('uscc').toUpperCase().replace(/\s+/g, '');
    let flagged = false;
    if (uscc) {
      if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(uscc))
        err('uscc', `统一社会信用代码“${uscc}”格式错误（应为 18 位，不含 I、O、Z、S、V）`);
      else if (!isValidUscc(uscc)) {
        if (opts.fromRegister) flagged = true;
        else err('uscc', `统一社会信用代码“${uscc}”校验位错误（按 GB 32100-2015 应为 ${usccCheckChar(uscc.slice(0, 17))}）`);
      }
      const first = seen.get(uscc);
      if (first !== undefined) err('uscc', `统一社会信用代码“${uscc}”与第 ${first} 行重复（同一市场主体只能登记一次）`);
      else seen.set(uscc, row);
    }
    const division = cell('divisionCode');
    if (division) {
      if (!/^\d{6}$/.test(division)) err('divisionCode', `行政区划代码“${division}”应为 6 位数字（GB/T 2260）`);
      else if (!opts.knownDivision(division)) err('divisionCode', `行政区划代码“${division}”不存在（GB/T 2260）`);
      else if (!opts.inArea(division)) err('divisionCode', `行政区划代码“${division}”不在本机关的管辖区域内`);
    }
    const rc = cell('riskClass').toUpperCase().replace(/类$/, '');
    if (rc && !(riskClasses as readonly string[]).includes(rc)) err('riskClass', `信用风险分类“${cell('riskClass')}”无效（应为 A、B、C、D）`);
    const st = statusAliases[cell('status')];
    if (st === undefined) err('status', `登记状态“${cell('status')}”无效（应为 存续、歇业 或 注销）`);
    if (errors.length > before) continue;
    rows.push({
      row,
      uscc,
      name: cell('name'),
      entityType: cell('entityType') || '企业',
      legalRep: cell('legalRep') || null,
      address: cell('address'),
      divisionCode: division,
      industry: cell('industry'),
      licences: cell('licences'),
      riskClass: rc as RiskClass,
      status: st,
      usccFlagged: flagged,
    });
  }
  if (!header) errors.push({ row: 0, column: '', message: '未找到表头（应有“统一社会信用代码”等列）' });
  else if (rows.length === 0 && errors.length === 0) errors.push({ row: 0, column: '', message: '文件中没有任何检查对象' });
  return { rows, errors };
}

/** The canonical line of a target, hashed into the import's record entry and compared on re-import. */
export const targetLine = (t: Omit<TargetRow, 'usccFlagged'> & { usccFlagged?: boolean }) =>
  [t.uscc, t.name, t.entityType, t.legalRep ?? '', t.address, t.divisionCode, t.industry, t.licences, t.riskClass, t.status, t.usccFlagged ? '1' : '0'].join(
    '\t',
  );

/** Normalised address for the same-address recusal rule: no spaces, full-width digits and brackets folded. */
export const normalizeAddress = (a: string) =>
  a
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/号楼/g, '栋');
