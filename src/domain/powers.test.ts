import { describe, expect, it } from 'vitest';
import { readPowerSheet } from './powerSheet.ts';
import {
  changedPowerFields,
  formatListCell,
  formatStepsCell,
  parseBasisCell,
  parseListCell,
  parseStepsCell,
  powerCodeProblems,
  powerContentProblems,
  type PowerContent,
} from './powers.ts';

describe('legal-basis cells', () => {
  it('reads article ids and 《法名》第X条 text, several per cell', () => {
    const refs = parseBasisCell('食品安全法@2021-04-29#第一百二十四条\n《中华人民共和国食品安全法》第三十四条第（十）项、第124条；《行政强制法》第九条之一。');
    expect(refs).toEqual([
      { kind: 'id', raw: '食品安全法@2021-04-29#第一百二十四条', articleId: '食品安全法@2021-04-29#第一百二十四条' },
      { kind: 'text', raw: '《中华人民共和国食品安全法》第三十四条第（十）项、第124条', law: '食品安全法', labels: ['第三十四条', '第一百二十四条'] },
      { kind: 'text', raw: '《行政强制法》第九条之一', law: '行政强制法', labels: ['第九条之一'] },
    ]);
  });

  it('flags free text and references without an article', () => {
    const refs = parseBasisCell('食品安全法第一百二十四条\n《食品安全法》');
    expect(refs.map((r) => r.kind)).toEqual(['invalid', 'invalid']);
    for (const r of refs) expect(r.kind === 'invalid' && r.message).toMatch(/设定依据/);
  });
});

describe('multi-line cells', () => {
  it('strips the numbering people type and writes it back', () => {
    expect(parseListCell('1. 受理责任：公示条件\n2、审查责任\n（3）决定责任\n\n• 送达责任')).toEqual([
      '受理责任：公示条件',
      '审查责任',
      '决定责任',
      '送达责任',
    ]);
    expect(parseListCell(formatListCell(['甲', '乙']))).toEqual(['甲', '乙']);
  });

  it('reads procedure steps with their time limits', () => {
    const steps = [
      { name: '受理', timeLimit: '当场' },
      { name: '审查（必要时现场核查）', timeLimit: '十个工作日' },
      { name: '调查取证（两名以上执法人员）', timeLimit: null },
      { name: '决定', timeLimit: '经负责人批准' },
      { name: '送达', timeLimit: null },
    ];
    expect(parseStepsCell(formatStepsCell(steps))).toEqual(steps);
    expect(formatStepsCell(steps.slice(0, 1))).toBe('1. 受理（时限：当场）');
    expect(parseStepsCell('1. 现场核查(5个工作日)\n2. 审查（必要时现场核查）\n3. 决定（受理之日起二十日内）')).toEqual([
      { name: '现场核查', timeLimit: '5个工作日' },
      { name: '审查（必要时现场核查）', timeLimit: null },
      { name: '决定', timeLimit: '受理之日起二十日内' },
    ]);
  });
});

describe('power item codes', () => {
  it('accepts provincial and local codes, and checks the category letters of the local scheme', () => {
    expect(powerCodeProblems('330211-XK-001', 'licensing')).toEqual([]);
    expect(powerCodeProblems('330211-XK-001-02', 'licensing')).toEqual([]);
    expect(powerCodeProblems('XK33021100001', 'penalty')).toEqual([]);
    expect(powerCodeProblems('330211-CF-001', 'licensing')[0]).toMatch(/CF（行政处罚）与职权类别“行政许可”/);
    expect(powerCodeProblems('行政许可1', 'licensing')[0]).toMatch(/不合法/);
    expect(powerCodeProblems('ab', null)[0]).toMatch(/不合法/);
  });
});

const content = (over: Partial<PowerContent> = {}): PowerContent => ({
  name: '食品经营许可',
  category: 'licensing',
  unitId: 'u1',
  basis: ['食品安全法@2021-04-29#第三十五条'],
  responsibilities: ['受理责任'],
  accountability: ['违法准予许可的'],
  steps: [],
  materials: [],
  timeLimit: null,
  fee: '不收费',
  office: null,
  phone: '0571-12345678',
  remarks: null,
  ...over,
});

describe('power content', () => {
  it('needs a basis, duties and accountability', () => {
    expect(powerContentProblems(content())).toEqual([]);
    const p = powerContentProblems(content({ name: ' ', basis: [], responsibilities: [], accountability: [], phone: '请来电' }));
    expect(p.map((x) => x.field)).toEqual(['name', 'basis', 'responsibilities', 'accountability', 'phone']);
    expect(powerContentProblems(content({ basis: ['《食品安全法》第三十五条'] }))[0].message).toMatch(/不是条文编号/);
  });

  it('names the fields that changed; the order of the basis does not matter', () => {
    const a = content({ basis: ['x@2020-01-01#第一条', 'x@2020-01-01#第二条'] });
    expect(changedPowerFields(a, { ...a, basis: [...a.basis].reverse() })).toEqual([]);
    expect(changedPowerFields(a, { ...a, fee: null, steps: [{ name: '受理', timeLimit: null }] })).toEqual(['steps', 'fee']);
  });
});

describe('sheet header', () => {
  const header = [
    '序号',
    '事项编码',
    '事项名称',
    '子项名称',
    '职权类别',
    '实施主体',
    '承办机构',
    '设定依据',
    '责任事项',
    '追责情形',
    '办理时限',
    '收费标准',
    '咨询电话',
    '备注',
  ];
  it('finds the header under a title row and maps columns by name', () => {
    const s = readPowerSheet([
      { row: 1, values: ['示例区市场监督管理局权责清单'] },
      { row: 2, values: header.map((h) => (h === '事项编码' ? '事项\n编码' : h)) },
      { row: 3, values: ['1', '990105-XK-001', '食品经营许可'] },
      { row: 4, values: ['2'] },
    ]);
    expect(s.errors).toEqual([]);
    expect(s.headerRow).toBe(2);
    expect(s.rows).toEqual([{ row: 3, cells: { seq: '1', code: '990105-XK-001', name: '食品经营许可' } }]);
  });

  it('reports missing, unknown and repeated columns', () => {
    const s = readPowerSheet([{ row: 1, values: [...header.filter((h) => h !== '设定依据'), '金额', '备注'] }]);
    expect(s.errors.map((e) => e.message)).toEqual([expect.stringMatching(/未知的列“金额”/), expect.stringMatching(/列“备注”重复/), '缺少列：设定依据']);
    expect(readPowerSheet([{ row: 1, values: ['a', 'b'] }]).errors[0]).toMatchObject({ row: 0, message: expect.stringMatching(/未找到表头/) });
  });
});
