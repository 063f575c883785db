import { describe, expect, it } from 'vitest';
import { formatPermille, formatYuan, mulDiv, parsePercent, parsePermille, parseYuan } from './money.ts';

describe('money in 分, multiples in ‰, no floats', () => {
  it('multiplies exactly and rounds the way it says', () => {
    expect(mulDiv(1_408_000, 10_000, 1000, 'floor')).toBe(14_080_000);
    expect(mulDiv(333_333, 300, 1000, 'floor')).toBe(99_999);
    expect(mulDiv(333_333, 300, 1000, 'ceil')).toBe(100_000);
    // beyond 2^53 in the intermediate product: BigInt keeps it exact
    expect(mulDiv(300_000_000_000_001, 30_000, 1000, 'floor')).toBe(9_000_000_000_000_030);
    expect(() => mulDiv(-1, 1, 1, 'floor')).toThrow(RangeError);
    expect(() => mulDiv(1.5, 1, 1, 'floor')).toThrow(RangeError);
  });

  it('formats and parses amounts without a float', () => {
    expect(formatYuan(14_080_000)).toBe('140,800.00 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(parseYuan('14,080.5')).toBe(1_408_050);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan(0.29)).toBe(29);
    expect(parseYuan('1.2万')).toBe(1_200_000);
    expect(parseYuan('5000元')).toBe(500_000);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('一千元')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
  });

  it('parses multiples and percentages', () => {
    expect(parsePermille('0.5')).toBe(500);
    expect(parsePermille('15倍')).toBe(15_000);
    expect(parsePermille('1.2345')).toBeNull();
    expect(formatPermille(500)).toBe('0.5');
    expect(formatPermille(10_000)).toBe('10');
    expect(parsePercent('30%')).toBe(300);
    expect(parsePercent(33.3)).toBe(333);
    expect(parsePercent('abc')).toBeNull();
  });
});
