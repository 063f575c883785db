import { describe, expect, it } from 'vitest';
import { sampleRules } from '../../seed/discretion/rules.ts';
import { canonicalJson } from '../canonical.ts';
import type { BenchmarkRule } from './model.ts';
import { benchmarksToSheets, parseBenchmarkSheets, type Cell } from './sheet.ts';

const rules = sampleRules('district');
const byCode = new Map(rules.violations.map((v) => [v.code, v]));
const items = rules.benchmarks.map((b) => ({ violation: byCode.get(b.violationId)!, benchmark: b }));
/** What survives a round trip: optional fields normalised the way the commands store them. */
const norm = (b: Omit<BenchmarkRule, 'id' | 'violationId' | 'orgId'>) =>
  canonicalJson({
    validFrom: b.validFrom,
    validTo: b.validTo,
    documentNumber: b.documentNumber,
    documentTitle: b.documentTitle,
    tiers: b.tiers.map((t) => ({ ...t, branch: t.branch ?? null, note: t.note ?? null })),
    circumstances: b.circumstances.map((c) => ({ ...c, keeps: c.keeps ?? [], partyType: c.partyType ?? null })),
    exemptions: b.exemptions.map((e) => ({ ...e, note: e.note ?? null })),
  });

describe('benchmark spreadsheets', () => {
  it('round-trips every sample benchmark without loss', () => {
    const sheets = benchmarksToSheets(items);
    expect(sheets.tiers.length - 1).toBeGreaterThan(300);
    const parsed = parseBenchmarkSheets(sheets, byCode);
    expect(parsed.errors).toEqual([]);
    expect(parsed.benchmarks).toHaveLength(rules.benchmarks.length);
    for (const [i, p] of parsed.benchmarks.entries()) expect(norm(p.input), rules.benchmarks[i].id).toBe(norm(rules.benchmarks[i]));
  });

  it('reads every kind of exemption condition', () => {
    const sheets = benchmarksToSheets([items.find((x) => x.violation.code === 'JG-001')!]);
    sheets.exemptions[1][4] = 'firstOffence；非 repeatOffence；违法所得≤200；当事人=公民';
    const parsed = parseBenchmarkSheets(sheets, byCode);
    expect(parsed.errors).toEqual([]);
    expect(parsed.benchmarks[0].input.exemptions[0].conditions).toEqual([
      { kind: 'circumstance', id: 'firstOffence' },
      { kind: 'notCircumstance', id: 'repeatOffence' },
      { kind: 'baseAtMost', base: 'illegalGains', fen: 20_000 },
      { kind: 'partyType', partyType: 'naturalPerson' },
    ]);
  });

  it('points each problem at its sheet, row and column', () => {
    const sheets = benchmarksToSheets([items.find((x) => x.violation.code === 'SP-004')!]);
    const rowOf = (pred: (r: Cell[]) => boolean) => sheets.tiers.findIndex(pred);
    const multiple = rowOf((r) => r[6] === '一般处罚' && r[7] === '罚款');
    sheets.tiers[multiple][9] = '倍数';
    sheets.tiers[multiple][8] = '';
    sheets.exemptions.push(['SP-004', '2024-01-01', '首违不罚', '测试', '体重≤100', '行政处罚法@2021-01-22#第三十三条', '']);
    const { errors } = parseBenchmarkSheets(sheets, byCode);
    expect(errors).toEqual([
      { sheet: '免罚清单', row: sheets.exemptions.length, column: '适用条件', message: '未知的计罚基数“体重”' },
      { sheet: '裁量基准', row: multiple + 1, column: '裁量方式', message: '倍数须对应以计罚基数计算的法定幅度（请填写“法定幅度”列）' },
    ]);
  });
});
