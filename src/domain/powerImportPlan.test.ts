import { describe, expect, it } from 'vitest';
import { planPowerImport, type ExistingPowerItem, type PlanLookups } from './powerImportPlan.ts';
import { powerSheetColumns, type PowerSheetCells, type SheetRow } from './powerSheet.ts';
import type { PowerContent } from './powers.ts';

const ARTICLES = new Set(['食品安全法@2021-04-29#第三十五条', '食品安全法@2021-04-29#第一百二十四条', '食品安全法@2021-04-29#第三十四条']);

const existingLicence: ExistingPowerItem = {
  itemId: 'i1',
  code: '990105-XK-001',
  parentCode: null,
  removed: false,
  latestValidFrom: '2025-01-01',
  activeSubItems: 0,
  content: {
    name: '食品经营许可',
    category: 'licensing',
    unitId: 'food',
    basis: ['食品安全法@2021-04-29#第三十五条'],
    responsibilities: ['受理责任'],
    accountability: ['违法准予许可的'],
    steps: [{ name: '受理', timeLimit: '当场' }],
    materials: ['申请书'],
    timeLimit: '10个工作日',
    fee: '不收费',
    office: '政务服务中心',
    phone: '0571-1234567',
    remarks: null,
  },
};
const removedItem: ExistingPowerItem = { ...existingLicence, itemId: 'i2', code: '990105-XK-009', removed: true };

function lookups(over: Partial<PlanLookups> = {}): PlanLookups {
  const existing = new Map([existingLicence, removedItem].map((e) => [e.code, e]));
  return {
    effectiveOn: '2026-01-01',
    present: new Set(powerSheetColumns.filter((c) => c.required).map((c) => c.key)),
    findBody: (name) => (name === '示例区市场监督管理局' ? { id: 'district' } : { error: `实施主体“${name}”不存在` }),
    findUnit: (_b, name) =>
      name === '食品安全监督管理科' ? { id: 'food' } : name === '综合行政执法大队' ? { id: 'squad' } : { error: `承办机构“${name}”不存在` },
    resolveBasis: (ref) => {
      if (ref.kind === 'id') return ARTICLES.has(ref.articleId) ? { articleIds: [ref.articleId] } : { error: `条文 ${ref.articleId} 不存在` };
      const ids = ref.labels.map((l) => `${ref.law}@2021-04-29#${l}`);
      const missing = ids.filter((i) => !ARTICLES.has(i));
      return missing.length ? { error: `无法解析“${ref.raw}”` } : { articleIds: ids };
    },
    existing: (_b, code) => existing.get(code) ?? null,
    existingMainByName: (_b, name) => [existingLicence].filter((e) => e.content.name === name),
    ...over,
  };
}

const row = (n: number, cells: PowerSheetCells): SheetRow => ({ row: n, cells });
const penalty = (n: number, over: PowerSheetCells = {}) =>
  row(n, {
    seq: String(n),
    code: `990105-CF-00${n}`,
    name: `处罚事项${n}`,
    category: '行政处罚',
    body: '示例区市场监督管理局',
    unit: '综合行政执法大队',
    basis: '《中华人民共和国食品安全法》第三十四条、第一百二十四条',
    responsibilities: '1. 立案责任\n2. 调查责任',
    accountability: '1. 没有法律依据实施处罚的',
    ...over,
  });

describe('planning a power-list import', () => {
  it('adds new items, amends changed ones, skips unchanged ones, keeping absent optional columns', () => {
    const unchanged = row(5, {
      code: '990105-XK-001',
      name: '食品经营许可',
      category: '行政许可',
      body: '示例区市场监督管理局',
      unit: '食品安全监督管理科',
      basis: '食品安全法@2021-04-29#第三十五条',
      responsibilities: '受理责任',
      accountability: '违法准予许可的',
      timeLimit: '10个工作日',
      fee: '不收费',
      phone: '0571-1234567',
    });
    const plan = planPowerImport([penalty(2), unchanged], lookups());
    expect(plan.errors).toEqual([]);
    expect(plan.ops.map((o) => o.kind)).toEqual(['add', 'unchanged']);
    const add = plan.ops[0] as Extract<(typeof plan.ops)[number], { kind: 'add' }>;
    expect(add.content.basis).toEqual(['食品安全法@2021-04-29#第三十四条', '食品安全法@2021-04-29#第一百二十四条']);
    expect(add.content.responsibilities).toEqual(['立案责任', '调查责任']);

    const amended = planPowerImport([{ ...unchanged, cells: { ...unchanged.cells, timeLimit: '5个工作日' } }], lookups());
    expect(amended.ops[0]).toMatchObject({ kind: 'amend', itemId: 'i1', changed: ['timeLimit'] });
    const c = (amended.ops[0] as { content: PowerContent }).content;
    expect(c.steps).toEqual(existingLicence.content.steps); // the 办理流程 column is absent: kept
    expect(c.office).toBe('政务服务中心');
  });

  it('places sub-items under the top-level row of the same name and checks their category', () => {
    const rows = [
      penalty(2),
      row(3, { ...penalty(3).cells, code: '990105-CF-002-01', name: '处罚事项2', subName: '子项一' }),
      row(4, {
        ...penalty(4).cells,
        code: '990105-XK-001-01',
        name: '食品经营许可',
        subName: '新办',
        category: '行政许可',
        unit: '食品安全监督管理科',
        basis: '《食品安全法》第三十五条',
      }),
    ];
    const plan = planPowerImport(rows, lookups());
    expect(plan.errors).toEqual([]);
    expect(plan.ops.map((o) => o.kind === 'add' && [o.code, o.parentCode])).toEqual([
      ['990105-CF-002', null],
      ['990105-CF-002-01', '990105-CF-002'],
      ['990105-XK-001-01', '990105-XK-001'],
    ]);
    // a sub-item row without 事项名称 belongs to the last top-level row above it (处罚事项2), whose category differs
    const orphan = planPowerImport([rows[0], row(4, { ...rows[2].cells, name: undefined })], lookups());
    expect(orphan.errors).toEqual([{ row: 4, column: '职权类别', message: '子项的职权类别“行政许可”应与所属事项的“行政处罚”一致' }]);
    expect(orphan.ops).toEqual([]);
  });

  it('reports every problem with its row and column, and plans nothing', () => {
    const plan = planPowerImport(
      [
        penalty(2, { category: '行政指导' }),
        penalty(3, { name: '' }),
        penalty(4, { basis: '《食品安全法》第九百九十九条\n食品安全法第一条' }),
        penalty(5, { code: '990105-CF-002' }),
        penalty(6, { body: '某某局' }),
        penalty(7, { unit: '不存在的科' }),
        penalty(8, { code: '990105-XK-009', category: '行政许可' }),
        penalty(9, { code: '990105-XK-001', name: '食品经营许可', category: '行政许可' }),
        penalty(10, { code: 'bad code!' }),
        penalty(11, { subName: '孤儿子项', name: '不存在的主项' }),
        penalty(12, { responsibilities: '' }),
      ],
      lookups({ effectiveOn: '2025-01-01' }),
    );
    expect(plan.ops).toEqual([]);
    const got = plan.errors.map((e) => [e.row, e.column]);
    expect(got).toEqual([
      [2, '职权类别'],
      [3, '事项名称'],
      [4, '设定依据'],
      [4, '设定依据'],
      [5, '事项编码'],
      [6, '实施主体'],
      [7, '承办机构'],
      [8, '事项编码'],
      [9, '事项编码'],
      [10, '事项编码'],
      [11, '事项名称'],
      [12, '责任事项'],
    ]);
    for (const e of plan.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(plan.errors.find((e) => e.row === 5)!.message).toBe('事项编码“990105-CF-002”与第 2 行重复');
    expect(plan.errors.find((e) => e.row === 9)!.message).toMatch(/应晚于/);
  });

  it('refuses to move an item under another or to change the category of an item with sub-items', () => {
    const withSubs = { ...existingLicence, code: '990105-QT-001', activeSubItems: 2 };
    const plan = planPowerImport(
      [
        row(2, { ...penalty(2).cells, code: '990105-QT-001', name: '食品经营许可', category: '行政处罚' }),
        penalty(3),
        row(4, { ...penalty(4).cells, code: '990105-QT-001', name: '处罚事项3', subName: '变成子项' }),
      ],
      lookups({ existing: (_b, code) => (code === withSubs.code ? withSubs : null), existingMainByName: () => [] }),
    );
    expect(plan.errors.map((e) => [e.row, e.message])).toEqual([
      [2, '事项编码“990105-QT-001”中的类别代码 QT（其他）与职权类别“行政处罚”（CF）不一致'],
      [2, '事项“990105-QT-001”有 2 个子项，不能直接改变职权类别：请先调整或取消子项'],
      [4, '事项编码“990105-QT-001”中的类别代码 QT（其他）与职权类别“行政处罚”（CF）不一致'],
      [4, '事项编码“990105-QT-001”与第 2 行重复'],
      [4, '事项“990105-QT-001”是主项，不能改为子项'],
      [4, '事项“990105-QT-001”有 2 个子项，不能直接改变职权类别：请先调整或取消子项'],
    ]);
  });

  it('treats a row equal to the version in effect on the date as unchanged when a later change is scheduled', () => {
    const scheduled = {
      ...existingLicence,
      latestValidFrom: '2026-06-01',
      content: { ...existingLicence.content, unitId: 'squad' },
      contentOnEffectiveDate: existingLicence.content,
    };
    const look = lookups({ existing: () => scheduled });
    const cells = {
      code: '990105-XK-001',
      name: '食品经营许可',
      category: '行政许可',
      body: '示例区市场监督管理局',
      unit: '食品安全监督管理科',
      basis: '食品安全法@2021-04-29#第三十五条',
      responsibilities: '受理责任',
      accountability: '违法准予许可的',
      timeLimit: '10个工作日',
      fee: '不收费',
      phone: '0571-1234567',
    };
    expect(planPowerImport([row(2, cells)], look).ops.map((o) => o.kind)).toEqual(['unchanged']);
    const changed = planPowerImport([row(2, { ...cells, fee: '按件收费' })], look);
    expect(changed.errors.map((e) => e.message)).toEqual(['事项“990105-XK-001”的最新版本自 2026-06-01 起生效，变更的生效日期应晚于该日期']);
  });
});
