/**
 * Statutory effects come before benchmark tiers, and 从旧兼从轻 compares the statute versions (issue 10, items
 * 11 and 13). Every rule is tested with the text of the article it enforces, read from laws/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_LAWS_DIR } from '../../seed/lawFiles.ts';
import { sampleRules } from '../../seed/discretion/rules.ts';
import { calculateDiscretion, type CalculationResult } from './calculate.ts';
import { agriculture2018, agriculturePeriods, agricultureViolation } from './golden/agriculture.ts';
import type { BenchmarkRule, CalculationInput, LawVersionPeriod, ViolationRule } from './model.ts';
import { discretionRules } from './tiers.ts';
import { validateBenchmark, validateViolation } from './validate.ts';

const rules = sampleRules('district');
const chain = ['station2', 'district', 'city'];
const law = (file: string) => readFileSync(join(SAMPLE_LAWS_DIR, `${file}.md`), 'utf8');
/** The article's text as laws/ holds it (first line and its paragraphs). */
const article = (file: string, label: string) => {
  const text = law(file);
  const start = text.indexOf(`\n${label} `);
  expect(start, `${file} ${label}`).toBeGreaterThan(0);
  const next = text.slice(start + 1).search(/\n第[一二三四五六七八九十百零]+条 /);
  return text.slice(start + 1, next < 0 ? undefined : start + 1 + next);
};
/** Checks that the statute says what the test quotes. */
const quotes = (file: string, label: string, words: string) => expect(article(file, label)).toContain(words);

const APL = '行政处罚法(2021-01-22)';
const violation = (code: string) => rules.violations.find((v) => v.code === code)!;
const benchmarksOf = (code: string) => rules.benchmarks.filter((b) => b.violationId === code);
const run = (
  code: string,
  over: Partial<CalculationInput>,
  opts: { benchmarks?: BenchmarkRule[]; violation?: ViolationRule; lawPeriods?: LawVersionPeriod[] } = {},
): CalculationResult =>
  calculateDiscretion(
    { violationId: code, violationDate: '2025-06-01', decisionDate: '2025-09-01', partyType: 'organisation', bases: {}, circumstances: [], ...over },
    {
      violation: opts.violation ?? violation(code),
      benchmarks: opts.benchmarks ?? benchmarksOf(code),
      orgChain: chain,
      thresholds: rules.thresholds,
      lawPeriods: opts.lawPeriods,
    },
  );
const tierStep = (r: CalculationResult) => r.trace.find((s) => s.step === 'tier')!;
const fine = (r: CalculationResult) => r.penalties.find((p) => p.kind === 'fine')!;

describe('行政处罚法 第三十三条 第一款: "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚" — listed or not', () => {
  it('the text says so', () => quotes(APL, '第三十三条', '违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。'));

  it('applies to a violation whose benchmark has no exemption list (TS-001) and without any benchmark', () => {
    expect(benchmarksOf('TS-001')[0].exemptions).toEqual([]);
    for (const benchmarks of [benchmarksOf('TS-001'), []]) {
      const r = run('TS-001', { circumstances: ['minorViolation', 'correctedPromptly', 'noHarm'] }, { benchmarks });
      expect(r).toMatchObject({ tier: 'noPenalty', exempt: true, decidingRule: { id: 'statute.minorNoPenalty', nature: 'statutory' } });
      expect(r.decidingRule.articleIds).toEqual(['行政处罚法@2021-01-22#第三十三条']);
      expect(r.penalties.every((p) => p.applies === 'none')).toBe(true);
    }
  });

  it('wins over a statutory 应当从重 and over a benchmark that would punish', () => {
    const r = run('SB-001', { bases: { illegalTurnover: 100_000 }, circumstances: ['minorViolation', 'correctedPromptly', 'noHarm', 'trademarkRepeat'] });
    expect(r.tier).toBe('noPenalty');
  });

  it('needs all three facts: 轻微 and 及时改正 with harm is punished', () => {
    expect(run('TS-001', { circumstances: ['minorViolation', 'correctedPromptly'] }).tier).toBe('standard');
  });

  it('the second sentence, "初次违法且危害后果轻微并及时改正的，可以不予行政处罚", stays a benchmark list (可以) that a statutory 应当从重 sets aside', () => {
    quotes(APL, '第三十三条', '初次违法且危害后果轻微并及时改正的，可以不予行政处罚');
    const firstOffence = ['firstOffence', 'harmSlight', 'correctedPromptly'];
    expect(run('SP-007', { circumstances: firstOffence }).decidingRule.id).toBe('benchmark.exemptionList');
    expect(run('TS-001', { circumstances: firstOffence }).tier).toBe('lighter'); // no list in TS-001's benchmark
    const b = {
      ...benchmarksOf('SP-007')[0],
      circumstances: [...benchmarksOf('SP-007')[0].circumstances, ...benchmarksOf('YP-001')[0].circumstances.filter((c) => c.id === 'drugReoffence')],
    };
    const r = run('SP-007', { circumstances: [...firstOffence, 'drugReoffence'] }, { benchmarks: [b] });
    expect(r.tier).toBe('heavier');
    expect(r.trace.find((s) => s.step === 'exemption' && s.text.includes('首违不罚'))!.text).toContain('不适用');
  });
});

describe('法定 应当从重 cannot be cancelled by 酌定 从轻', () => {
  it('商标法 第六十条: "对五年内实施两次以上商标侵权行为或者有其他严重情节的，应当从重处罚"', () => {
    quotes('商标法(2019-04-23)', '第六十条', '对五年内实施两次以上商标侵权行为或者有其他严重情节的，应当从重处罚');
    const r = run('SB-001', { bases: { illegalTurnover: 20_000_000 }, circumstances: ['trademarkRepeat', 'firstOffence', 'cooperative', 'smallScale'] });
    expect(r.tier).toBe('heavier');
    expect(r.decidingRule).toMatchObject({ id: 'statute.heavier', nature: 'statutory', articleIds: ['商标法@2019-04-23#第六十条'] });
    expect(r.decidingRule.text).toContain('应当从重处罚');
    expect(r.decidingRule.text).toContain('不影响依法从重处罚');
    expect(r.circumstances.find((c) => c.id === 'trademarkRepeat')).toMatchObject({ nature: 'statutory', force: 'must', effect: 'heavier' });
    expect(r.circumstances.find((c) => c.id === 'firstOffence')).toMatchObject({ nature: 'discretionary', force: 'may' });
  });

  it('药品管理法 第一百三十七条: "有下列行为之一的，在本法规定的处罚幅度内从重处罚：…（二）生产、销售以孕产妇、儿童为主要使用对象的假药、劣药"', () => {
    quotes('药品管理法(2019-08-26)', '第一百三十七条', '有下列行为之一的，在本法规定的处罚幅度内从重处罚');
    quotes('药品管理法(2019-08-26)', '第一百三十七条', '（二）生产、销售以孕产妇、儿童为主要使用对象的假药、劣药；');
    const r = run('YP-002', { bases: { goodsValue: 300_000 }, circumstances: ['drugForVulnerable', 'firstOffence', 'cooperative', 'smallScale'] });
    expect(r.tier).toBe('heavier');
    expect(r.decidingRule.id).toBe('statute.heavier');
    // 从重 within the range: the upper 30 % of 十万元以上二十万元以下 (不足一万元的，按一万元计算)
    expect(fine(r).range).toEqual({ minFen: 17_000_000, maxFen: 20_000_000 });
  });
});

describe('法定 应当从轻或者减轻 cannot be cancelled by 酌定 从重', () => {
  it('行政处罚法 第三十二条: "当事人有下列情形之一，应当从轻或者减轻行政处罚：（一）主动消除或者减轻违法行为危害后果的"', () => {
    quotes(APL, '第三十二条', '当事人有下列情形之一，应当从轻或者减轻行政处罚');
    quotes(APL, '第三十二条', '（一）主动消除或者减轻违法行为危害后果的；');
    const r = run('SP-007', { circumstances: ['eliminatedHarm', 'repeatOffence', 'seriousHarm', 'obstruction'] });
    expect(r.tier).toBe('lighter');
    expect(r.decidingRule).toMatchObject({ id: 'statute.lighter', nature: 'statutory' });
    expect(r.decidingRule.text).toContain('不影响依法从轻处罚');
  });

  it('第三十条: "已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚" — applies though no benchmark lists it', () => {
    quotes(APL, '第三十条', '已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚');
    expect(run('SP-007', { partyType: 'naturalPerson', circumstances: ['minor14to18'] }, { benchmarks: [] }).decidingRule.id).toBe('statute.lighter');
    expect(run('SP-007', { partyType: 'naturalPerson', circumstances: ['minor14to18', 'repeatOffence', 'seriousHarm'] }).tier).toBe('lighter');
  });

  it('第三十一条 "可以从轻或者减轻" is statutory but 可以: it is weighed with the discretionary circumstances', () => {
    quotes(APL, '第三十一条', '尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚');
    const r = run('SP-007', { partyType: 'naturalPerson', circumstances: ['limitedCapacity', 'repeatOffence'] });
    expect(r.tier).toBe('standard');
    expect(r.circumstances[0]).toMatchObject({ id: 'limitedCapacity', nature: 'statutory', force: 'may' });
  });

  it('a benchmark that relabels a statutory circumstance cannot change what the law makes it do', () => {
    const b = benchmarksOf('SP-007')[0];
    const weakened: BenchmarkRule = {
      ...b,
      circumstances: b.circumstances.map((c) => (c.id === 'eliminatedHarm' ? { ...c, label: '主动召回', kind: 'discretionary', effect: 'heavier' } : c)),
    };
    const r = run('SP-007', { circumstances: ['eliminatedHarm', 'repeatOffence'] }, { benchmarks: [weakened] });
    expect(r.tier).toBe('lighter');
    expect(r.circumstances[0]).toMatchObject({ label: '主动召回', nature: 'statutory', effect: 'lighterOrMitigate' });
  });

  it('a discretionary circumstance cannot be made 应当 in a benchmark', () => {
    const b = benchmarksOf('SP-007')[0];
    const bad: BenchmarkRule = { ...b, circumstances: b.circumstances.map((c) => (c.id === 'firstOffence' ? { ...c, force: 'must' } : c)) };
    expect(validateBenchmark(bad, violation('SP-007')).map((p) => p.message)).toContain('情节“初次违法”：酌定情节由行政机关裁量，不能规定为“应当”');
  });

  it('statutory 从轻 and statutory 从重 together are weighed against each other, not against 酌定', () => {
    const b = { ...benchmarksOf('SB-001')[0] };
    const r = run(
      'SB-001',
      { bases: { illegalTurnover: 20_000_000 }, circumstances: ['trademarkRepeat', 'eliminatedHarm', 'firstOffence'] },
      { benchmarks: [b] },
    );
    expect(r).toMatchObject({ tier: 'standard', decidingRule: { id: 'statute.weighed', nature: 'statutory' } });
  });
});

describe('a fine the statute makes mandatory for a circumstance is not optional', () => {
  it('电子商务法 第八十一条: "可以处二万元以上十万元以下的罚款；情节严重的，处十万元以上五十万元以下的罚款"', () => {
    quotes('电子商务法(2018-08-31)', '第八十一条', '可以处二万元以上十万元以下的罚款；情节严重的，处十万元以上五十万元以下的罚款');
    expect(fine(run('DS-002', {})).applies).toBe('optional');
    const serious = run('DS-002', { circumstances: ['serious'] });
    expect(fine(serious)).toMatchObject({ applies: 'required', range: { minFen: 22_000_000, maxFen: 38_000_000 } });
  });

  it('a benchmark row that makes it optional or drops it is refused, and the calculator applies the statute anyway', () => {
    const b = benchmarksOf('DS-002')[0];
    const lax: BenchmarkRule = {
      ...b,
      tiers: [
        ...b.tiers.filter((t) => !(t.tier === 'standard' && t.kind === 'fine')),
        { tier: 'standard', kind: 'fine', branch: 'serious', spec: { kind: 'apply', mode: 'none' } },
      ],
    };
    const r = run('DS-002', { circumstances: ['serious'] }, { benchmarks: [lax] });
    expect(fine(r)).toMatchObject({ applies: 'required', range: { minFen: 22_000_000, maxFen: 38_000_000 } });
    expect(r.trace.find((s) => s.rule === 'statute.requiredPenalty')!.text).toContain('裁量基准不能免除');
    // a provision the statute requires (食品安全法 第一百二十四条 没收) cannot be set to 不适用 in a benchmark
    const sp = benchmarksOf('SP-001')[0];
    const bad: BenchmarkRule = {
      ...sp,
      tiers: sp.tiers.map((t) => (t.kind === 'confiscateIllegalGains' && t.tier === 'lighter' ? { ...t, spec: { kind: 'apply', mode: 'none' } } : t)),
    };
    expect(
      validateBenchmark(bad, violation('SP-001'))
        .map((p) => p.message)
        .join(),
    ).toContain('裁量基准不能免除');
  });
});

describe('a penalty reserved to another authority is a recommendation to it', () => {
  it('药品管理法 第一百三十九条: "撤销许可、吊销许可证件的，由原批准、发证的部门决定"', () => {
    quotes('药品管理法(2019-08-26)', '第一百三十九条', '撤销许可、吊销许可证件的，由原批准、发证的部门决定');
    quotes('药品管理法(2019-08-26)', '第一百一十六条', '吊销药品批准证明文件');
    const r = run('YP-001', { bases: { goodsValue: 50_000 } });
    const revoke = r.penalties.find((p) => p.kind === 'revokeLicence')!;
    expect(revoke).toMatchObject({ applies: 'required', reservedTo: { authority: '原批准、发证的部门', articleId: '药品管理法@2019-08-26#第一百三十九条' } });
    expect(revoke.note).toBe('由原批准、发证的部门决定，本机关建议原批准、发证的部门依法吊销许可证件');
    expect(r.trace.find((s) => s.rule === 'statute.reservedPenalty')!.articleIds).toContain('药品管理法@2019-08-26#第一百三十九条');
    // not counted as the bureau's penalty for the hearing right (第六十三条 counts what this decision imposes)
    expect(r.thresholds.hearing.reasons.join()).not.toContain('吊销');
    expect(r.thresholds.hearing.reasons.join()).toContain('责令停产停业');
  });
  it('a fine cannot be reserved', () => {
    const v = violation('YP-003');
    const bad = {
      ...v,
      provisions: v.provisions.map((p) => (p.kind === 'fine' ? { ...p, reservedTo: { authority: 'x', articleId: p.articleId, text: 'x' } } : p)),
    };
    expect(validateViolation(bad).map((p) => p.message)).toContain('罚款不能规定为由其他机关决定');
  });
});

describe('减轻 is exposed for the procedure (never 简易程序, always 集体讨论)', () => {
  it('a statutory 减轻 says so, and the summary procedure is refused even where the fine would be small', () => {
    const r = run('TS-002', { partyType: 'naturalPerson', circumstances: ['overdueUncorrected', 'eliminatedHarm', 'mitigationDecided'] });
    expect(r.tier).toBe('mitigatedBelowRange');
    expect(r.mitigation).toEqual({ belowRange: true, statutory: true, articleIds: expect.arrayContaining(['行政处罚法@2021-01-22#第三十二条']) });
    expect(fine(r).range!.minFen).toBeLessThanOrEqual(20_000);
    expect(r.summaryProcedure.possible).toBe(false);
    expect(run('TS-002', { partyType: 'naturalPerson', circumstances: ['overdueUncorrected'] }).mitigation).toEqual({
      belowRange: false,
      statutory: false,
      articleIds: [],
    });
  });
});

describe('the trace is plain official Chinese and names the rule that decided', () => {
  it('no arrows or machine notation in any step; the tier step carries a known rule id', () => {
    const inputs: [string, Partial<CalculationInput>][] = [
      ['SP-007', { circumstances: ['firstOffence', 'cooperative', 'repeatOffence'] }],
      ['SP-007', { circumstances: ['firstOffence', 'harmSlight', 'correctedPromptly'] }],
      ['SB-001', { bases: { illegalTurnover: 20_000_000 }, circumstances: ['trademarkRepeat', 'firstOffence'] }],
      ['SP-001', { bases: { goodsValue: 1_408_000 }, violationDate: '2025-11-20', decisionDate: '2026-02-10', circumstances: ['firstOffence'] }],
      ['TS-001', {}],
    ];
    for (const [code, input] of inputs) {
      const r = run(code, input);
      for (const s of r.trace) expect(s.text, s.text).not.toMatch(/→|->|>|优先次序|相抵后/);
      expect(Object.keys(discretionRules)).toContain(tierStep(r).rule);
      expect(tierStep(r).text).toBe(r.decidingRule.text);
    }
    expect(run('TS-001', {}).decidingRule.text).toBe('当事人没有从轻、减轻或者从重处罚情节，给予一般处罚');
    expect(run('SP-007', { circumstances: ['firstOffence', 'cooperative', 'repeatOffence'] }).decidingRule.text).toBe(
      '当事人具有“初次违法”“积极配合调查，如实陈述违法事实并主动提供证据”从轻情节和“曾因同类违法行为受过行政处罚”从重情节，综合考虑违法行为的事实、性质、情节以及社会危害程度，依照《行政处罚法》第五条的规定，决定从轻处罚',
    );
  });
});

describe('从旧兼从轻 compares the statute versions (行政处罚法 第三十七条)', () => {
  const nc = { ...agricultureViolation, id: 'NC-001' } as ViolationRule;
  const withPeriods = (over: Partial<CalculationInput>) =>
    run('NC-001', { bases: { goodsValue: 500_000 }, ...over }, { violation: nc, benchmarks: [], lawPeriods: agriculturePeriods });

  it('the texts: 2018 第五十条 "并处二千元以上二万元以下罚款"; 2022 第七十一条 "货值金额不足一万元的，并处五万元以上十万元以下罚款", in force from "2023年1月1日"', () => {
    quotes(
      APL,
      '第三十七条',
      '实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定。',
    );
    quotes('农产品质量安全法(2018-10-26)', '第五十条', agriculture2018.provisions[1].branches![0].text);
    for (const b of agricultureViolation.provisions[1].branches!) quotes('农产品质量安全法(2022-09-02)', '第七十一条', b.text);
    quotes('农产品质量安全法(2022-09-02)', '第八十一条', '本法自2023年1月1日起施行');
    expect(validateViolation(agricultureViolation)).toEqual([]);
  });

  it('an act under the 2018 text decided under the 2022 text: the old text punishes less, so it applies (从旧)', () => {
    const r = withPeriods({ violationDate: '2022-12-01', decisionDate: '2023-03-01' });
    expect(r.statute).toEqual({
      version: '农产品质量安全法@2018-10-26',
      violates: ['农产品质量安全法@2018-10-26#第三十三条'],
      punishes: ['农产品质量安全法@2018-10-26#第五十条'],
      atViolation: '农产品质量安全法@2018-10-26',
      atDecision: '农产品质量安全法@2022-09-02',
      reason: 'inForceAtViolation',
    });
    expect(r.legalRange).toEqual({ minFen: 200_000, maxFen: 2_000_000 });
    const step = r.trace.find((s) => s.step === 'statute.fromOldOrLighter')!;
    expect(step.rule).toBe('temporal.atViolation');
    expect(step.text).toContain('《农产品质量安全法》（2022年9月2日版本，2023年1月1日起施行）第七十一条');
    expect(step.text).toContain('新的规定处罚不轻于违法行为发生时的规定，依照《行政处罚法》第三十七条的规定，适用违法行为发生时的规定');
    expect(step.articleIds).toEqual(
      expect.arrayContaining(['行政处罚法@2021-01-22#第三十七条', '农产品质量安全法@2018-10-26#第五十条', '农产品质量安全法@2022-09-02#第七十一条']),
    );
    expect(r.trace.find((s) => s.step === 'statute.atViolation')!.text).toContain('2018年10月26日版本，2018年10月26日起施行，2022年12月31日止');
  });

  it('an act after 2023-01-01 is judged by the 2022 text alone', () => {
    const r = withPeriods({ violationDate: '2023-02-01', decisionDate: '2023-03-01' });
    expect(r.statute).toMatchObject({ version: '农产品质量安全法@2022-09-02', reason: 'inForceAtViolation' });
    expect(r.legalRange).toEqual({ minFen: 5_000_000, maxFen: 10_000_000 });
    expect(r.trace.some((s) => s.step === 'statute.fromOldOrLighter')).toBe(false);
  });

  it('when the later version punishes less, it applies (从轻) and the trace says why', () => {
    // the same pair with the roles reversed: as if the 2018 ranges had come later (the mechanism is symmetric)
    const lighterLater: ViolationRule = { ...nc, ...agriculture2018, earlierStatutes: [{ ...nc, earlierStatutes: undefined } as never] };
    const reversed: LawVersionPeriod[] = [
      { versionId: '农产品质量安全法@2022-09-02', from: '2018-10-26', to: '2022-12-31' },
      { versionId: '农产品质量安全法@2018-10-26', from: '2023-01-01', to: null },
    ];
    const r = run(
      'NC-001',
      { bases: { goodsValue: 500_000 }, violationDate: '2022-12-01', decisionDate: '2023-03-01' },
      { violation: lighterLater, benchmarks: [], lawPeriods: reversed },
    );
    expect(r.statute).toMatchObject({ version: '农产品质量安全法@2018-10-26', reason: 'laterMoreLenient', atViolation: '农产品质量安全法@2022-09-02' });
    expect(r.superseded).toMatchObject({ statuteVersion: '农产品质量安全法@2022-09-02', fine: { minFen: 6_500_000, maxFen: 8_500_000 } });
    expect(r.trace.find((s) => s.step === 'statute.fromOldOrLighter')!.text).toContain('新的规定处罚较轻，依照《行政处罚法》第三十七条的规定，适用新的规定');
  });

  it('without periods from the library, the current version applies', () => {
    const r = run('NC-001', { bases: { goodsValue: 500_000 }, violationDate: '2022-12-01' }, { violation: nc, benchmarks: [] });
    expect(r.statute.version).toBe('农产品质量安全法@2022-09-02');
  });
});
