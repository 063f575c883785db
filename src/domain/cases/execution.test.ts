import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocatePayment,
  closureProblems,
  countedDays,
  demandProblems,
  enforcementProblems,
  enforcementWindowStart,
  executionRecordProblems,
  excludedPeriodsOf,
  lateFee,
  lineExecutions,
  owedOn,
  paymentOrderProblems,
  type Challenge,
  type EnforcementFacts,
  type FinePayment,
  type LineExecution,
} from './execution.ts';
import { addDays } from '../dates.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('加处罚款 (行政处罚法 第七十二条第一款第（一）项 "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额")', () => {
  it('is 3 % of the fine per day after the due date', () => {
    expect(lateFee(1_000_000, '2026-10-15', '2026-10-15')).toMatchObject({ days: 0, feeFen: 0, capped: false });
    expect(lateFee(1_000_000, '2026-10-15', '2026-10-18')).toMatchObject({ days: 3, feeFen: 90_000 });
    expect(lateFee(14_080_00, '2026-10-15', '2026-10-16').feeFen).toBe(42_240);
  });
  it('never exceeds the fine (行政强制法 第四十五条第二款 "加处罚款或者滞纳金的数额不得超出金钱给付义务的数额")', () => {
    expect(lateFee(1_000_000, '2026-01-01', '2026-03-01')).toMatchObject({ days: 59, feeFen: 1_000_000, capped: true });
    expect(lateFee(1_000_000, '2026-01-01', '2026-02-03')).toMatchObject({ days: 33, feeFen: 990_000, capped: false });
  });
  it('rounds down to the 分', () => {
    expect(lateFee(333, '2026-01-01', '2026-01-02').feeFen).toBe(9);
  });
  it('does not accrue while a 复议 or 诉讼 is pending (行政处罚法 第七十三条第三款 "加处罚款的数额在行政复议或者行政诉讼期间不予计算")', () => {
    // due 10-15; 复议 filed 10-17, decided 10-26: days 10-16 and 10-27..10-30 count, 10-17..10-26 do not
    const excluded = [{ from: '2026-10-17', to: '2026-10-26', reason: '行政复议期间' }];
    expect(lateFee(1_000_000, '2026-10-15', '2026-10-30', excluded)).toMatchObject({ days: 5, excludedDays: 10, feeFen: 150_000 });
    // still pending: nothing accrues from the filing on
    expect(lateFee(1_000_000, '2026-10-15', '2026-12-31', [{ from: '2026-10-17', to: null, reason: '行政诉讼期间' }])).toMatchObject({
      days: 1,
      feeFen: 30_000,
    });
  });
  it('counts overlapping periods once', () => {
    const p = [
      { from: '2026-10-17', to: '2026-10-20', reason: 'a' },
      { from: '2026-10-19', to: '2026-10-22', reason: 'b' },
      { from: '2026-10-10', to: '2026-10-11', reason: 'before the due date' },
    ];
    expect(countedDays('2026-10-15', '2026-10-25', p)).toEqual({ counted: 4, excluded: 6 });
  });
});

describe('what the party owes', () => {
  const schedule = [{ dueOn: '2026-10-15', amountFen: 1_000_000 }];
  const pay = (paidOn: string, finePartFen: number, lateFeeFen = 0): FinePayment => ({ paidOn, finePartFen, lateFeeFen });
  it('nothing but the fine before the due date', () => {
    expect(owedOn(1_000_000, schedule, [], '2026-10-15')).toMatchObject({ outstandingFen: 1_000_000, overdueFen: 0, lateFeeFen: 0 });
  });
  it('a late fee on the unpaid part after it', () => {
    expect(owedOn(1_000_000, schedule, [pay('2026-10-15', 400_000)], '2026-10-17')).toMatchObject({
      outstandingFen: 600_000,
      overdueFen: 600_000,
      lateFeeFen: 36_000,
    });
  });
  it('a part paid late stops accruing on the day it is paid', () => {
    // 400,000 paid on 10-17 (two days late: 24,000 accrued on it), the rest still unpaid on 10-20 (5 days: 90,000)
    expect(owedOn(1_000_000, schedule, [pay('2026-10-17', 400_000)], '2026-10-20').accruedLateFeeFen).toBe(24_000 + 90_000);
  });
  it('a late fee already paid is deducted once, never counted twice', () => {
    // on 10-17 the party pays the 60,000 accrued and nothing of the fine; on 10-18 the fee accrued is 90,000: 30,000 is owed
    const o = owedOn(1_000_000, schedule, [pay('2026-10-17', 0, 60_000)], '2026-10-18');
    expect(o).toMatchObject({ accruedLateFeeFen: 90_000, lateFeePaidFen: 60_000, lateFeeFen: 30_000 });
  });
  it('instalments (第六十六条第二款) accrue separately, and late fees never exceed the fine in total', () => {
    const two = [
      { dueOn: '2026-10-15', amountFen: 500_000 },
      { dueOn: '2026-11-15', amountFen: 500_000 },
    ];
    expect(owedOn(1_000_000, two, [], '2026-10-20').lateFeeFen).toBe(75_000);
    expect(owedOn(1_000_000, two, [pay('2026-12-01', 0, 990_000)], '2027-06-01').lateFeeFen).toBe(10_000);
  });
  it('a payment covers the late fee first, then the fine; more than is owed is excess', () => {
    expect(allocatePayment(100_000, { outstandingFen: 600_000, lateFeeFen: 36_000 })).toEqual({ lateFeeFen: 36_000, finePartFen: 64_000, excessFen: 0 });
    expect(allocatePayment(700_000, { outstandingFen: 600_000, lateFeeFen: 36_000 }).excessFen).toBe(64_000);
  });
  it('payments are recorded in the order they were made', () => {
    expect(codes(paymentOrderProblems('2026-10-16', [{ paidOn: '2026-10-17' }]))).toEqual(['PAYMENT_OUT_OF_ORDER']);
    expect(paymentOrderProblems('2026-10-17', [{ paidOn: '2026-10-17' }])).toEqual([]);
  });
});

describe('property: random schedules, payments and 复议/诉讼 periods', () => {
  const day = (base: string) => fc.integer({ min: 0, max: 200 }).map((n) => addDays(base, n));
  const scenario = fc
    .record({
      fineFen: fc.integer({ min: 1, max: 50_000_000 }),
      parts: fc.integer({ min: 1, max: 4 }),
      dues: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 4, maxLength: 4 }),
      challenges: fc.array(fc.record({ from: day('2026-01-01'), len: fc.option(fc.integer({ min: 0, max: 60 })) }), { maxLength: 2 }),
      steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 30 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 8 }),
    })
    .map((s) => {
      const each = Math.floor(s.fineFen / s.parts);
      const dues = [...s.dues.slice(0, s.parts)].sort((a, b) => a - b);
      const schedule = dues.map((d, i) => ({ dueOn: addDays('2026-01-15', d), amountFen: i === s.parts - 1 ? s.fineFen - each * (s.parts - 1) : each }));
      const excluded = s.challenges.map((c) => ({ from: c.from, to: c.len === null ? null : addDays(c.from, c.len), reason: '复议' }));
      return { ...s, schedule, excluded };
    });

  it('owed never exceeds fine + cap; the late fee (paid + owed) never exceeds the fine; paying exactly what is shown leaves zero', () => {
    fc.assert(
      fc.property(scenario, ({ fineFen, schedule, excluded, steps }) => {
        const payments: FinePayment[] = [];
        let date = '2026-01-10';
        for (const s of steps) {
          date = addDays(date, s.gap);
          const owed = owedOn(fineFen, schedule, payments, date, excluded);
          expect(owed.outstandingFen + owed.lateFeeFen).toBeLessThanOrEqual(2 * fineFen);
          expect(owed.lateFeePaidFen + owed.lateFeeFen).toBeLessThanOrEqual(fineFen);
          expect(owed.lateFeeFen).toBeGreaterThanOrEqual(0);
          const total = owed.outstandingFen + owed.lateFeeFen;
          const amount = Math.floor(total * s.share);
          if (amount > 0) {
            const a = allocatePayment(amount, owed);
            expect(a.excessFen).toBe(0);
            payments.push({ paidOn: date, finePartFen: a.finePartFen, lateFeeFen: a.lateFeeFen });
          }
        }
        // pay exactly what is shown on the last day: nothing is left
        const owed = owedOn(fineFen, schedule, payments, date, excluded);
        const total = owed.outstandingFen + owed.lateFeeFen;
        if (total > 0) {
          const a = allocatePayment(total, owed);
          expect(a.excessFen).toBe(0);
          payments.push({ paidOn: date, finePartFen: a.finePartFen, lateFeeFen: a.lateFeeFen });
        }
        const after = owedOn(fineFen, schedule, payments, date, excluded);
        expect(after.outstandingFen + after.lateFeeFen).toBe(0);
        // and nothing accrues afterwards
        const later = owedOn(fineFen, schedule, payments, addDays(date, 90), excluded);
        expect(later.outstandingFen + later.lateFeeFen).toBe(0);
        expect(later.accruedLateFeeFen).toBeLessThanOrEqual(fineFen);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it('the days of a 复议 or 诉讼 never make the late fee larger', () => {
    fc.assert(
      fc.property(scenario, day('2026-02-01'), ({ fineFen, schedule, excluded }, date) => {
        expect(owedOn(fineFen, schedule, [], date, excluded).lateFeeFen).toBeLessThanOrEqual(owedOn(fineFen, schedule, [], date).lateFeeFen);
      }),
      { seed: 20261208, numRuns: 300 },
    );
  });
});

describe('each line of the decision is executed (行政处罚法 第七十四条; 行政强制法 第四十条)', () => {
  const decision = [
    { kind: 'fine' as const, amountFen: 800_000 },
    { kind: 'confiscateIllegalGains' as const, amountFen: 100_000 },
    { kind: 'confiscateIllegalProperty' as const, note: '过期酸奶46杯' },
    { kind: 'warning' as const },
    { kind: 'suspendBusiness' as const, note: '停业整顿十日' },
  ];
  const owedPaid = owedOn(
    800_000,
    [{ dueOn: '2026-10-29', amountFen: 800_000 }],
    [{ paidOn: '2026-10-20', finePartFen: 800_000, lateFeeFen: 0 }],
    '2026-10-30',
  );
  const rec = (line: number, act: 'payment' | 'destruction' | 'followUp', extra: Record<string, unknown> = {}) => ({
    id: `r${line}${act}`,
    line,
    act,
    on: '2026-10-21',
    amountFen: null,
    receiptNo: null,
    note: '—',
    ...extra,
  });

  it('the fine by payment, the gains by payment, the property by a disposal with its receipt, a warning by service, 责令停产停业 by a follow-up', () => {
    const none = lineExecutions(decision, { served: true, owed: owedPaid, records: [] });
    expect(none.map((l) => l.state)).toEqual(['executed', 'pending', 'pending', 'executed', 'pending']);
    expect(none[1].owedFen).toBe(100_000);
    const all = lineExecutions(decision, {
      served: true,
      owed: owedPaid,
      records: [rec(1, 'payment', { amountFen: 100_000 }), rec(2, 'destruction', { receiptNo: 'XH-01' }), rec(4, 'followUp')],
    });
    expect(all.every((l) => l.state === 'executed')).toBe(true);
  });

  it('an act must fit the line: a fine through 登记缴款, property with a receipt, no more gains than decided', () => {
    const lines = lineExecutions(decision, { served: true, owed: owedPaid, records: [] });
    expect(codes(executionRecordProblems(decision, { line: 0, act: 'payment', amountFen: 1 }, lines))).toEqual(['EXECUTION_ACT_MISMATCH']);
    expect(codes(executionRecordProblems(decision, { line: 9, act: 'payment', amountFen: 1 }, lines))).toEqual(['EXECUTION_LINE_UNKNOWN']);
    expect(codes(executionRecordProblems(decision, { line: 2, act: 'followUp' }, lines))).toEqual(['EXECUTION_ACT_MISMATCH']);
    expect(codes(executionRecordProblems(decision, { line: 2, act: 'auction' }, lines))).toEqual(['EXECUTION_RECEIPT_MISSING']);
    expect(codes(executionRecordProblems(decision, { line: 1, act: 'payment', amountFen: 100_001 }, lines))).toEqual(['OVERPAYMENT']);
    expect(executionRecordProblems(decision, { line: 1, act: 'payment', amountFen: 100_000 }, lines)).toEqual([]);
  });

  it('结案 needs every line executed, or a ground of 行政强制法 第四十条 ("有下列情形之一的，终结执行")', () => {
    const lines = lineExecutions(decision, { served: true, owed: owedPaid, records: [] });
    expect(codes(closureProblems(lines, null))).toEqual(['EXECUTION_INCOMPLETE']);
    // （三）执行标的灭失的
    expect(closureProblems(lines, { ground: 'objectLost' })).toEqual([]);
    // （五）行政机关认为需要终结执行的其他情形 — with the reason written out
    expect(codes(closureProblems(lines, { ground: 'other', note: ' ' }))).toEqual(['TERMINATION_REASON_MISSING']);
    expect(lineExecutions(decision, { served: true, owed: owedPaid, records: [], terminated: true })[1].state).toBe('terminated');
  });
});

describe('申请人民法院强制执行 (行政强制法 第五十三条、第五十四条)', () => {
  // decision served 2026-03-02: 复议 60 days to 05-06 (劳动节 moves it), 诉讼 six months to 09-02, paid by 03-17
  const pending: LineExecution[] = [{ line: 0, kind: 'fine', label: '罚款', amountFen: 800_000, state: 'pending', owedFen: 800_000, how: '', records: [] }];
  const base: EnforcementFacts = {
    appliedOn: '2026-09-25',
    reconsiderationEnds: '2026-05-06',
    litigationEnds: '2026-09-02',
    performanceEnds: '2026-03-17',
    windowEnds: '2026-12-02',
    challenges: [],
    demand: { servedOn: '2026-09-03', periodEnds: '2026-09-17' },
    lines: pending,
  };
  const ch = (c: Partial<Challenge>): Challenge => ({
    id: 'c',
    kind: 'reconsideration',
    filedOn: '2026-03-20',
    body: '示例区人民政府',
    concludedOn: null,
    outcome: null,
    ...c,
  });

  it('is allowed after both remedy periods, ten working days after the 催告书, within three months', () => {
    expect(enforcementProblems(base)).toEqual([]);
    expect(enforcementWindowStart(base)).toBe('2026-09-02');
  });
  it('not the day after payment fell due: "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的"', () => {
    // the old rule allowed this (the day after the payment period); now the remedy periods must pass and a 催告书 be served
    expect(codes(enforcementProblems({ ...base, appliedOn: '2026-03-18', demand: null }))).toEqual([
      'ENFORCEMENT_REMEDY_PERIOD_OPEN',
      'ENFORCEMENT_DEMAND_MISSING',
    ]);
    expect(codes(enforcementProblems({ ...base, appliedOn: '2026-09-02' }))).toContain('ENFORCEMENT_REMEDY_PERIOD_OPEN');
    expect(codes(enforcementProblems({ ...base, appliedOn: '2026-03-10' }))).toContain('PAYMENT_NOT_OVERDUE');
  });
  it('"行政机关申请人民法院强制执行前，应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的…" (十日: working days, 第六十九条)', () => {
    expect(codes(enforcementProblems({ ...base, demand: null }))).toEqual(['ENFORCEMENT_DEMAND_MISSING']);
    expect(codes(enforcementProblems({ ...base, appliedOn: '2026-09-17' }))).toEqual(['ENFORCEMENT_DEMAND_PERIOD_OPEN']);
    expect(enforcementProblems({ ...base, appliedOn: '2026-09-18' })).toEqual([]);
  });
  it('"可以自期限届满之日起三个月内…申请人民法院强制执行"', () => {
    expect(enforcementProblems({ ...base, appliedOn: '2026-12-02' })).toEqual([]);
    expect(codes(enforcementProblems({ ...base, appliedOn: '2026-12-03' }))).toEqual(['ENFORCEMENT_WINDOW_CLOSED']);
  });
  it('not while a 复议 or 诉讼 is pending, nor on a decision it set aside', () => {
    expect(codes(enforcementProblems({ ...base, challenges: [ch({})] }))).toEqual(['ENFORCEMENT_CHALLENGE_PENDING']);
    expect(codes(enforcementProblems({ ...base, challenges: [ch({ concludedOn: '2026-05-10', outcome: 'revoked' })] }))).toEqual([
      'ENFORCEMENT_DECISION_SET_ASIDE',
    ]);
    expect(enforcementProblems({ ...base, challenges: [ch({ concludedOn: '2026-05-10', outcome: 'upheld' })] })).toEqual([]);
  });
  it('nothing to enforce when every line is executed', () => {
    expect(codes(enforcementProblems({ ...base, lines: [{ ...pending[0], state: 'executed', owedFen: 0 }] }))).toEqual(['NOTHING_TO_ENFORCE']);
  });
  it('the window runs from the end of an approved deferral when that is later (行政处罚法 第七十二条第二款)', () => {
    expect(enforcementWindowStart({ ...base, performanceEnds: '2026-10-31' })).toBe('2026-10-31');
  });
  it('催告: only after the performance period, only once, only with something unexecuted', () => {
    expect(codes(demandProblems({ servedOn: '2026-03-17', performanceEnds: '2026-03-17', lines: pending, demanded: false }))).toEqual(['DEMAND_BEFORE_DUE']);
    expect(codes(demandProblems({ servedOn: '2026-03-18', performanceEnds: '2026-03-17', lines: pending, demanded: true }))).toEqual(['DEMAND_ALREADY_SERVED']);
    expect(demandProblems({ servedOn: '2026-03-18', performanceEnds: '2026-03-17', lines: pending, demanded: false })).toEqual([]);
  });
  it('the 复议/诉讼 periods are the late fee’s excluded periods', () => {
    expect(excludedPeriodsOf([ch({ concludedOn: '2026-05-10', outcome: 'upheld' })])).toEqual([
      { from: '2026-03-20', to: '2026-05-10', reason: '行政复议期间（示例区人民政府）' },
    ]);
  });
});
