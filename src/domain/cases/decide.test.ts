import { describe, expect, it } from 'vitest';
import type { PenaltyRecommendation } from '../discretion/model.ts';
import { allocatePayment, deviations, lateFee, majorDecision, owedOn, summaryAllowed } from './decide.ts';
import { majorCriterionIds } from './rules.ts';

describe('加处罚款 (行政处罚法 第七十二条)', () => {
  it('is 3 % of the fine per day after the due date', () => {
    expect(lateFee(1_000_000, '2026-10-15', '2026-10-15')).toMatchObject({ days: 0, feeFen: 0, capped: false });
    expect(lateFee(1_000_000, '2026-10-15', '2026-10-18')).toMatchObject({ days: 3, feeFen: 90_000 });
    expect(lateFee(14_080_00, '2026-10-15', '2026-10-16').feeFen).toBe(42_240);
  });
  it('never exceeds the fine', () => {
    expect(lateFee(1_000_000, '2026-01-01', '2026-03-01')).toMatchObject({ days: 59, feeFen: 1_000_000, capped: true });
    expect(lateFee(1_000_000, '2026-01-01', '2026-02-03')).toMatchObject({ days: 33, feeFen: 990_000, capped: false });
  });
  it('rounds down to the 分', () => {
    expect(lateFee(333, '2026-01-01', '2026-01-02').feeFen).toBe(9);
  });
});

describe('重大执法决定', () => {
  const threshold = { naturalPersonFen: 1_000_000, organisationFen: 10_000_000, source: '默认标准' };
  const base = { partyType: 'organisation' as const, hearingHeld: false, complex: false, publicInterest: false, criminalReferral: false };
  it('a fine at the organisation threshold is major, below it is not', () => {
    expect(majorDecision({ ...base, penalties: [{ kind: 'fine', amountFen: 10_000_000 }] }, majorCriterionIds, threshold).major).toBe(true);
    expect(majorDecision({ ...base, penalties: [{ kind: 'fine', amountFen: 9_999_999 }] }, majorCriterionIds, threshold).major).toBe(false);
    expect(
      majorDecision({ ...base, partyType: 'naturalPerson', penalties: [{ kind: 'fine', amountFen: 1_000_000 }] }, majorCriterionIds, threshold).major,
    ).toBe(true);
  });
  it('revocation, suspension, a hearing and complexity are major; criteria outside the catalogue are not', () => {
    expect(majorDecision({ ...base, penalties: [{ kind: 'revokeLicence' }] }, majorCriterionIds, threshold).reasons[0].criterion).toBe('licenceRevocation');
    expect(majorDecision({ ...base, penalties: [{ kind: 'suspendBusiness' }] }, majorCriterionIds, threshold).major).toBe(true);
    expect(majorDecision({ ...base, hearingHeld: true, penalties: [] }, majorCriterionIds, threshold).major).toBe(true);
    expect(majorDecision({ ...base, complex: true, penalties: [] }, ['largeFine'], threshold).major).toBe(false);
  });
});

describe('penalty within the recommended range', () => {
  const rec: PenaltyRecommendation[] = [
    {
      kind: 'fine',
      label: '罚款',
      applies: 'required',
      range: { minFen: 14_080_000, maxFen: 19_712_000, upperExclusive: false } as never,
      amountFen: null,
      note: '',
      articleId: 'x',
    },
    { kind: 'confiscateIllegalProperty', label: '没收非法财物', applies: 'required', range: null, amountFen: null, note: '', articleId: 'x' },
    { kind: 'revokeLicence', label: '吊销许可证件', applies: 'none', range: null, amountFen: null, note: '', articleId: 'x' },
  ];
  it('accepts a fine inside the range with the required penalties', () => {
    expect(deviations([{ kind: 'fine', amountFen: 15_000_000 }, { kind: 'confiscateIllegalProperty' }], rec)).toEqual([]);
  });
  it('names a fine outside, a penalty not recommended and a required one left out', () => {
    const d = deviations([{ kind: 'fine', amountFen: 20_000_000 }, { kind: 'revokeLicence' }], rec);
    expect(d.map((x) => x.kind)).toEqual(['fine', 'revokeLicence', 'confiscateIllegalProperty']);
    expect(d[0].message).toContain('不在建议幅度');
  });
});

describe('当场处罚 (行政处罚法 第五十一条)', () => {
  it('allows a warning or a fine up to 200 元 for a citizen and 3,000 元 for an organisation', () => {
    expect(summaryAllowed('naturalPerson', [{ kind: 'fine', amountFen: 20_000 }]).allowed).toBe(true);
    expect(summaryAllowed('naturalPerson', [{ kind: 'fine', amountFen: 20_001 }]).allowed).toBe(false);
    expect(summaryAllowed('organisation', [{ kind: 'fine', amountFen: 300_000 }]).allowed).toBe(true);
    expect(summaryAllowed('organisation', [{ kind: 'warning' }]).allowed).toBe(true);
    expect(summaryAllowed('organisation', [{ kind: 'confiscateIllegalGains', amountFen: 100 }]).allowed).toBe(false);
    expect(summaryAllowed('organisation', []).allowed).toBe(false);
  });
});

describe('what the party owes', () => {
  const schedule = [{ dueOn: '2026-10-15', amountFen: 1_000_000 }];
  it('nothing but the fine before the due date', () => {
    expect(owedOn(1_000_000, schedule, 0, 0, '2026-10-15')).toEqual({ outstandingFen: 1_000_000, overdueFen: 0, lateFeeFen: 0 });
  });
  it('a late fee on the unpaid part after it', () => {
    expect(owedOn(1_000_000, schedule, 400_000, 0, '2026-10-17')).toEqual({ outstandingFen: 600_000, overdueFen: 600_000, lateFeeFen: 36_000 });
  });
  it('instalments accrue separately, and late fees never exceed the fine in total', () => {
    const two = [
      { dueOn: '2026-10-15', amountFen: 500_000 },
      { dueOn: '2026-11-15', amountFen: 500_000 },
    ];
    expect(owedOn(1_000_000, two, 0, 0, '2026-10-20').lateFeeFen).toBe(75_000);
    expect(owedOn(1_000_000, two, 0, 990_000, '2027-06-01').lateFeeFen).toBe(10_000);
  });
  it('a payment covers the late fee first, then the fine; more than is owed is excess', () => {
    expect(allocatePayment(100_000, { outstandingFen: 600_000, lateFeeFen: 36_000 })).toEqual({ lateFeeFen: 36_000, finePartFen: 64_000, excessFen: 0 });
    expect(allocatePayment(700_000, { outstandingFen: 600_000, lateFeeFen: 36_000 }).excessFen).toBe(64_000);
  });
});
