import { describe, expect, it } from 'vitest';
import { allocatePayment, lateFee, owedOn } from './execution.ts';

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
