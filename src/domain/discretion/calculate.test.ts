import { describe, expect, it } from 'vitest';
import { sampleRules } from '../../seed/discretion/rules.ts';
import { calculateDiscretion, type CalculationResult } from './calculate.ts';
import { goldenMismatches } from './golden/cases.ts';
import type { BenchmarkRule, CalculationInput, ThresholdRule } from './model.ts';
import type { DiscretionInputError } from './statute.ts';
import { validateBenchmark, validateViolation } from './validate.ts';

const rules = sampleRules('district');
const violation = (code: string) => rules.violations.find((v) => v.code === code)!;
const benchmark = (code: string, from = '2024-01-01') => rules.benchmarks.find((b) => b.violationId === code && b.validFrom === from)!;
const input = (code: string, over: Partial<CalculationInput> = {}): CalculationInput => ({
  violationId: code,
  violationDate: '2025-06-01',
  decisionDate: '2025-09-01',
  partyType: 'organisation',
  bases: {},
  circumstances: [],
  ...over,
});
const fine = (r: CalculationResult) => r.penalties.find((p) => p.kind === 'fine')!;
const run = (
  code: string,
  over: Partial<CalculationInput>,
  benchmarks: BenchmarkRule[],
  thresholds: ThresholdRule[] = [],
  chain = ['station', 'district', 'city'],
) => calculateDiscretion(input(code, over), { violation: violation(code), benchmarks, orgChain: chain, thresholds });

describe('which benchmark applies', () => {
  it('the nearest org of the chain that has one in force wins', () => {
    const district = benchmark('JG-001');
    const station: BenchmarkRule = {
      ...district,
      id: 'station',
      orgId: 'station',
      documentNumber: '所〔2025〕1号',
      tiers: district.tiers.map((t) => (t.tier === 'standard' && t.kind === 'fine' ? { ...t, spec: { kind: 'amount', minFen: 50_000, maxFen: 60_000 } } : t)),
    };
    expect(fine(run('JG-001', {}, [district, station])).range).toEqual({ minFen: 50_000, maxFen: 60_000 });
    expect(fine(run('JG-001', {}, [district, station], [], ['district', 'city'])).range).toEqual({ minFen: 100_000, maxFen: 300_000 });
  });

  it('without a benchmark, the convention applies and the trace says so', () => {
    const r = run('CP-001', { bases: { goodsValue: 1_000_000 } }, []);
    expect(r.benchmark.reason).toBe('none');
    expect(fine(r).range).toEqual({ minFen: 1_600_000, maxFen: 2_400_000 });
    expect(r.trace.find((s) => s.step === 'benchmark.atViolation')!.text).toContain('无适用的裁量基准');
  });

  it('从旧兼从轻: a later benchmark that exempts the case is applied; one that does not stays unused', () => {
    const old = { ...benchmark('SP-009'), validTo: '2025-12-31' };
    const later: BenchmarkRule = {
      ...old,
      id: 'later',
      validFrom: '2026-01-01',
      validTo: null,
      documentNumber: '新〔2026〕1号',
      exemptions: [...benchmark('SP-007').exemptions],
    };
    const facts = { violationDate: '2025-10-01', decisionDate: '2026-03-01', circumstances: ['firstOffence', 'harmSlight', 'correctedPromptly'] };
    const r = run('SP-009', facts, [old, later]);
    expect(r).toMatchObject({
      tier: 'noPenalty',
      exempt: true,
      benchmark: { id: 'later', reason: 'laterMoreLenient' },
      superseded: { benchmarkId: old.id, tier: 'lighter', exempt: false },
    });
    const stays = run('SP-009', { ...facts, circumstances: ['repeatOffence'] }, [old, later]);
    expect(stays.benchmark).toMatchObject({ id: old.id, reason: 'inForceAtViolation' });
    // the step is written in official wording (it may reach an instrument): it names the rule applied, 第三十七条's "适用违法行为发生时的规定"
    expect(stays.trace.find((s) => s.step === 'benchmark.fromOldOrLighter')!.text).toContain('适用违法行为发生时的规定');
  });
});

describe('tier precedence', () => {
  const b = benchmark('SP-007');
  it('an exemption list entry wins over a heavier circumstance', () => {
    expect(run('SP-007', { circumstances: ['firstOffence', 'harmSlight', 'correctedPromptly', 'repeatOffence'] }, [b]).tier).toBe('noPenalty');
  });
  it('a no-penalty circumstance wins over mitigation; mitigation over lighter and heavier', () => {
    expect(run('SP-007', { circumstances: ['noFault', 'mitigationDecided'] }, [b]).tier).toBe('noPenalty');
    expect(run('SP-007', { circumstances: ['mitigationDecided', 'repeatOffence', 'seriousHarm'] }, [b]).tier).toBe('mitigatedBelowRange');
  });
  it('lighter and heavier circumstances offset one another', () => {
    expect(run('SP-007', { circumstances: ['firstOffence', 'repeatOffence'] }, [b]).tier).toBe('standard');
    expect(run('SP-007', { circumstances: ['firstOffence', 'cooperative', 'repeatOffence'] }, [b]).tier).toBe('lighter');
    expect(run('SP-007', { circumstances: ['firstOffence', 'repeatOffence', 'seriousHarm'] }, [b]).tier).toBe('heavier');
  });
  it('a circumstance for natural persons does not apply to an organisation', () => {
    const r = run('SP-007', { circumstances: ['minor14to18'] }, [b]);
    expect(r.tier).toBe('standard');
    expect(r.trace.some((s) => s.step === 'circumstance.notApplicable')).toBe(true);
    expect(run('SP-007', { partyType: 'naturalPerson', circumstances: ['minor14to18'] }, [b]).tier).toBe('lighter');
  });
});

describe('tier rows', () => {
  it('a branch-specific row wins over a general one; 减轻 can be set as amounts below the minimum', () => {
    const base = benchmark('SP-001');
    const b: BenchmarkRule = {
      ...base,
      validTo: null,
      tiers: [
        ...base.tiers.filter((t) => !(t.kind === 'fine' && t.tier === 'mitigatedBelowRange')),
        { tier: 'lighter', kind: 'fine', branch: 'belowFloor', spec: { kind: 'amount', minFen: 5_000_000, maxFen: 5_500_000 } },
        { tier: 'mitigatedBelowRange', kind: 'fine', branch: 'belowFloor', spec: { kind: 'amount', minFen: 2_500_000, maxFen: 4_000_000 } },
      ],
    };
    expect(validateBenchmark(b, violation('SP-001'))).toEqual([]);
    expect(fine(run('SP-001', { bases: { goodsValue: 100_000 }, circumstances: ['firstOffence'] }, [b])).range).toEqual({
      minFen: 5_000_000,
      maxFen: 5_500_000,
    });
    expect(fine(run('SP-001', { bases: { goodsValue: 2_000_000 }, circumstances: ['firstOffence'] }, [b])).range).toEqual({
      minFen: 20_000_000,
      maxFen: 26_000_000,
    });
    expect(fine(run('SP-001', { bases: { goodsValue: 100_000 }, circumstances: ['mitigationDecided'] }, [b])).range).toEqual({
      minFen: 2_500_000,
      maxFen: 4_000_000,
    });
  });
});

describe('bad input is refused with a reason', () => {
  const b = [benchmark('SP-001')];
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as DiscretionInputError).code;
    }
    return null;
  };
  it('names the problem', () => {
    expect(code(() => run('SP-001', { decisionDate: '2025-05-01' }, b))).toBe('INPUT_INVALID');
    expect(code(() => run('SP-001', { violationDate: '2025-02-30' }, b))).toBe('INPUT_INVALID');
    expect(code(() => run('SP-001', { bases: { goodsValue: -5 } }, b))).toBe('INPUT_INVALID');
    expect(code(() => run('SP-001', { bases: { goodsValue: 10.5 } }, b))).toBe('INPUT_INVALID');
    expect(code(() => run('SP-001', { bases: { goodsValue: 100 }, circumstances: ['astrology'] }, b))).toBe('UNKNOWN_CIRCUMSTANCE');
    expect(code(() => run('SP-001', {}, b))).toBe('BASE_REQUIRED');
  });
});

describe('the golden comparison can fail', () => {
  it('reports a wrong expectation', () => {
    const r = run('SP-001', { bases: { goodsValue: 1_408_000 } }, [benchmark('SP-001')]);
    expect(goldenMismatches(r, { tier: 'standard', fine: [18_304_000, 23_936_000] })).toEqual([]);
    expect(goldenMismatches(r, { tier: 'lighter', fine: [1, 2], hearing: 'no' })).toHaveLength(3);
  });
});

describe('validation of the rules themselves', () => {
  it('catches violations that cannot be computed', () => {
    const v = violation('SP-001');
    const noBranch = { ...v, provisions: v.provisions.map((p) => (p.kind === 'fine' ? { ...p, branches: [] } : p)) };
    expect(validateViolation(noBranch).map((p) => p.message)).toEqual(['罚款须至少规定一个法定幅度']);
    const badRef = { ...v, provisions: v.provisions.map((p) => (p.kind === 'revokeLicence' ? { ...p, onlyIf: 'nope' } : p)) };
    expect(validateViolation(badRef)[0].message).toContain('nope');
    expect(validateViolation({ ...v, field: 'astrology' })[0].message).toContain('astrology');
  });

  it('catches benchmarks that contradict the statute', () => {
    const v = violation('JG-001');
    const b = benchmark('JG-001');
    const bad: BenchmarkRule = {
      ...b,
      tiers: [
        { tier: 'heavier', kind: 'fine', spec: { kind: 'amount', minFen: 300_000, maxFen: 600_000 } },
        { tier: 'lighter', kind: 'fine', spec: { kind: 'belowMinimum', fromPermille: 0, toPermille: 500 } },
        { tier: 'standard', kind: 'fine', spec: { kind: 'multiple', base: 'goodsValue', fromPermille: 0, toPermille: 1000 } },
        { tier: 'standard', kind: 'warning', spec: { kind: 'apply', mode: 'required' } },
        { tier: 'lighter', kind: 'confiscateIllegalGains', spec: { kind: 'share', fromPermille: 0, toPermille: 300 } },
      ],
      circumstances: [{ id: 'x', label: '测试', kind: 'discretionary', effect: 'lighter', articleId: 'a@2020-01-01#第一条', keeps: ['fine'] }],
      exemptions: [{ list: 'firstOffenceExemption', label: '测试', conditions: [{ kind: 'circumstance', id: 'ghost' }], articleId: 'a@2020-01-01#第一条' }],
    };
    const messages = validateBenchmark(bad, v)
      .map((p) => p.message)
      .join('\n');
    for (const m of [
      '超出法定幅度',
      '低于法定最低额只能用于减轻处罚阶次',
      '不以货值金额计算',
      '没有规定警告',
      '非罚款种类只能规定是否适用',
      '仅不予处罚情节可以保留处罚种类',
      'ghost',
    ])
      expect(messages).toContain(m);
    expect(validateBenchmark({ ...b, validFrom: '2025-01-01', validTo: '2024-01-01' }, v)[0].message).toContain('失效日期不能早于生效日期');
  });
});
