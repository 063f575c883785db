/**
 * Plans the import of a power-list sheet: every row is checked (category, name, code, bodies and
 * units, legal basis, duplicates, sub-item parents) and becomes an add, an amend or nothing.
 * Pure: what the database knows is passed in as lookups. A plan with any error is not executed.
 */
import { columnHeader, type PowerSheetKey, type SheetRow, type SheetRowError } from './powerSheet.ts';
import {
  categoryByLabel,
  changedPowerFields,
  parseBasisCell,
  parseListCell,
  parseStepsCell,
  powerCategories,
  powerCategoryIds,
  powerCodeProblems,
  powerContentProblems,
  type BasisRef,
  type PowerCategory,
  type PowerContent,
} from './powers.ts';

export interface ExistingPowerItem {
  itemId: string;
  code: string;
  parentCode: string | null;
  /** the latest version is a removal (取消) */
  removed: boolean;
  latestValidFrom: string;
  /** content of the latest version */
  content: PowerContent;
  /** content of the version in effect on the import's effective date, when that is not the latest (a change is scheduled) */
  contentOnEffectiveDate?: PowerContent | null;
  /** sub-items not removed */
  activeSubItems: number;
}

export interface PlanLookups {
  effectiveOn: string;
  /** columns the sheet has; optional columns that are absent keep an amended item's values */
  present: Set<PowerSheetKey>;
  findBody(name: string): { id: string } | { error: string };
  findUnit(bodyId: string, name: string): { id: string } | { error: string };
  resolveBasis(ref: Exclude<BasisRef, { kind: 'invalid' }>): { articleIds: string[] } | { error: string };
  existing(bodyId: string, code: string): ExistingPowerItem | null;
  /** current top-level items of a body with this name */
  existingMainByName(bodyId: string, name: string): ExistingPowerItem[];
}

export type PlannedPowerOp =
  | { row: number; kind: 'add'; bodyId: string; code: string; parentCode: string | null; content: PowerContent }
  | { row: number; kind: 'amend'; bodyId: string; code: string; itemId: string; content: PowerContent; changed: (keyof PowerContent)[] }
  | { row: number; kind: 'unchanged'; bodyId: string; code: string; itemId: string };

export interface PowerImportPlan {
  ops: PlannedPowerOp[];
  errors: SheetRowError[];
}

const fieldColumn: Record<keyof PowerContent, PowerSheetKey> = {
  name: 'name',
  category: 'category',
  unitId: 'unit',
  basis: 'basis',
  responsibilities: 'responsibilities',
  accountability: 'accountability',
  steps: 'steps',
  materials: 'materials',
  timeLimit: 'timeLimit',
  fee: 'fee',
  office: 'office',
  phone: 'phone',
  remarks: 'remarks',
};

const emptyContent = (): Omit<PowerContent, 'name' | 'category' | 'unitId'> => ({
  basis: [],
  responsibilities: [],
  accountability: [],
  steps: [],
  materials: [],
  timeLimit: null,
  fee: null,
  office: null,
  phone: null,
  remarks: null,
});

interface RowFacts {
  row: SheetRow;
  isSub: boolean;
  parentName: string | null;
  bodyId: string | null;
  code: string | null;
  category: PowerCategory | null;
}

export function planPowerImport(rows: SheetRow[], look: PlanLookups): PowerImportPlan {
  const errors: SheetRowError[] = [];
  const err = (row: number, key: PowerSheetKey | '', message: string) => errors.push({ row, column: key ? columnHeader(key) : '', message });
  const bodyCache = new Map<string, { id: string } | { error: string }>();

  // pass 1: what each row is, and which body it belongs to
  let lastMainName: string | null = null;
  const facts: RowFacts[] = rows.map((r) => {
    const c = r.cells;
    const isSub = !!c.subName;
    const parentName = isSub ? c.name || lastMainName : null;
    if (!isSub && c.name) lastMainName = c.name;
    let bodyId: string | null = null;
    if (c.body) {
      if (!bodyCache.has(c.body)) bodyCache.set(c.body, look.findBody(c.body));
      const b = bodyCache.get(c.body)!;
      if ('id' in b) bodyId = b.id;
    }
    return { row: r, isSub, parentName, bodyId, code: c.code ?? null, category: c.category ? categoryByLabel(c.category) : null };
  });
  const mainRowsByName = new Map<string, RowFacts[]>();
  for (const f of facts) {
    if (f.isSub || !f.bodyId || !f.row.cells.name) continue;
    const k = `${f.bodyId}\u0000${f.row.cells.name}`;
    mainRowsByName.set(k, [...(mainRowsByName.get(k) ?? []), f]);
  }

  // pass 2: check every row and plan it
  const ops: PlannedPowerOp[] = [];
  const seenCodes = new Map<string, number>();
  for (const f of facts) {
    const { row, cells } = f.row;
    const before = errors.length;
    const text = (k: PowerSheetKey) => cells[k] ?? null;

    const name = f.isSub ? cells.subName! : cells.name;
    if (!name) err(row, 'name', '事项名称不能为空');
    if (!cells.code) err(row, 'code', '事项编码不能为空');
    if (!cells.category) err(row, 'category', '职权类别不能为空');
    else if (!f.category)
      err(row, 'category', `未知的职权类别“${cells.category}”：应为 ${powerCategoryIds.map((c) => powerCategories[c].label).join('、')} 之一`);
    if (cells.code) for (const m of powerCodeProblems(cells.code, f.category)) err(row, 'code', m);
    if (!cells.body) err(row, 'body', '实施主体不能为空');
    else if (!f.bodyId) err(row, 'body', (bodyCache.get(cells.body) as { error: string }).error);

    let unitId: string | null = null;
    if (!cells.unit) err(row, 'unit', '承办机构不能为空');
    else if (f.bodyId) {
      const u = look.findUnit(f.bodyId, cells.unit);
      if ('id' in u) unitId = u.id;
      else err(row, 'unit', u.error);
    }

    const basis: string[] = [];
    if (!cells.basis) err(row, 'basis', '设定依据不能为空：每项职权都应有法律依据（职权法定）');
    else {
      for (const ref of parseBasisCell(cells.basis)) {
        if (ref.kind === 'invalid') {
          err(row, 'basis', ref.message);
          continue;
        }
        const r = look.resolveBasis(ref);
        if ('error' in r) err(row, 'basis', r.error);
        else for (const id of r.articleIds) if (!basis.includes(id)) basis.push(id);
      }
    }

    // duplicates within the file, per body
    const key = f.bodyId && cells.code ? `${f.bodyId}\u0000${cells.code}` : null;
    if (key) {
      const first = seenCodes.get(key);
      if (first !== undefined) err(row, 'code', `事项编码“${cells.code}”与第 ${first} 行重复`);
      else seenCodes.set(key, row);
    }

    // the parent of a sub-item: a top-level row of the same body with that name, else an existing item
    let parentCode: string | null = null;
    let parentCategory: PowerCategory | null = null;
    if (f.isSub && f.bodyId) {
      if (!f.parentName) err(row, 'name', '子项所属的事项名称不能为空');
      else {
        const inFile = mainRowsByName.get(`${f.bodyId}\u0000${f.parentName}`) ?? [];
        const existing = inFile.length ? [] : look.existingMainByName(f.bodyId, f.parentName);
        const candidates = inFile.length
          ? inFile.map((p) => ({ code: p.code, category: p.category }))
          : existing.map((e) => ({ code: e.code, category: e.content.category }));
        if (candidates.length === 0) err(row, 'name', `子项所属的事项“${f.parentName}”在本表和现行清单中都不存在`);
        else if (candidates.length > 1) err(row, 'name', `子项所属的事项“${f.parentName}”不唯一（有 ${candidates.length} 个同名事项）`);
        else {
          parentCode = candidates[0].code;
          parentCategory = candidates[0].category;
          if (f.category && parentCategory && f.category !== parentCategory) {
            err(row, 'category', `子项的职权类别“${powerCategories[f.category].label}”应与所属事项的“${powerCategories[parentCategory].label}”一致`);
          }
        }
      }
    }

    const existing = f.bodyId && cells.code ? look.existing(f.bodyId, cells.code) : null;
    if (existing) {
      if (existing.removed) err(row, 'code', `事项编码“${cells.code}”对应的事项已取消，不能再次使用`);
      if (f.isSub !== (existing.parentCode !== null) || (f.isSub && parentCode && existing.parentCode !== parentCode)) {
        err(
          row,
          f.isSub ? 'subName' : 'name',
          existing.parentCode ? `事项“${cells.code}”是“${existing.parentCode}”的子项，不能改变所属事项` : `事项“${cells.code}”是主项，不能改为子项`,
        );
      }
      if (f.category && f.category !== existing.content.category && existing.activeSubItems > 0) {
        err(row, 'category', `事项“${cells.code}”有 ${existing.activeSubItems} 个子项，不能直接改变职权类别：请先调整或取消子项`);
      }
    }
    if (errors.length > before || !name || !f.bodyId || !cells.code || !f.category || !unitId) continue;

    const base = existing?.content ?? { ...emptyContent(), name, category: f.category, unitId };
    const content: PowerContent = {
      ...base,
      name,
      category: f.category,
      unitId,
      basis,
      responsibilities: parseListCell(cells.responsibilities ?? ''),
      accountability: parseListCell(cells.accountability ?? ''),
      timeLimit: text('timeLimit'),
      fee: text('fee'),
      phone: text('phone'),
      remarks: text('remarks'),
      ...(look.present.has('steps') ? { steps: parseStepsCell(cells.steps ?? '') } : {}),
      ...(look.present.has('materials') ? { materials: parseListCell(cells.materials ?? '') } : {}),
      ...(look.present.has('office') ? { office: text('office') } : {}),
    };
    const problems = powerContentProblems(content);
    for (const p of problems) err(row, p.field === 'name' && f.isSub ? 'subName' : fieldColumn[p.field], p.message);
    if (problems.length) continue;

    if (!existing) {
      ops.push({ row, kind: 'add', bodyId: f.bodyId, code: cells.code, parentCode, content });
      continue;
    }
    // a row equal to the latest version, or to the version in effect on the effective date, changes nothing
    const changed = changedPowerFields(existing.content, content);
    const sameOnDate = !!existing.contentOnEffectiveDate && changedPowerFields(existing.contentOnEffectiveDate, content).length === 0;
    if (changed.length === 0 || sameOnDate) {
      ops.push({ row, kind: 'unchanged', bodyId: f.bodyId, code: cells.code, itemId: existing.itemId });
    } else if (look.effectiveOn <= existing.latestValidFrom) {
      err(row, 'code', `事项“${cells.code}”的最新版本自 ${existing.latestValidFrom} 起生效，变更的生效日期应晚于该日期`);
    } else {
      ops.push({ row, kind: 'amend', bodyId: f.bodyId, code: cells.code, itemId: existing.itemId, content, changed });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { ops: errors.length ? [] : ops, errors };
}
