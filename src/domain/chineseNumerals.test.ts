import { describe, expect, it } from 'vitest';
import { articleLabel, compareArticleNumbers, parseArticleLabel, parseChineseNumeral, toChineseNumeral } from './chineseNumerals.ts';

describe('Chinese numerals', () => {
  it('parses the numbers legal texts use', () => {
    const cases: [string, number][] = [
      ['一', 1],
      ['九', 9],
      ['十', 10],
      ['十一', 11],
      ['十九', 19],
      ['二十', 20],
      ['二十一', 21],
      ['九十九', 99],
      ['一百', 100],
      ['一百零一', 101],
      ['一百一十', 110],
      ['一百一十五', 115],
      ['一百二十四', 124],
      ['二百', 200],
      ['一千', 1000],
      ['一千零一', 1001],
      ['一千零一十', 1010],
      ['一千零一十一', 1011],
      ['一千一百', 1100],
      ['一千二百六十', 1260],
      ['一万', 10000],
      ['一万零一', 10001],
    ];
    for (const [s, n] of cases) {
      expect(parseChineseNumeral(s), s).toBe(n);
      expect(toChineseNumeral(n), String(n)).toBe(s);
    }
    expect(parseChineseNumeral('一〇一'.replace('〇', '百零'))).toBe(101);
  });

  it('round-trips every number up to 3000', () => {
    for (let n = 1; n <= 3000; n++) expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
  });

  it('rejects what is not the canonical spelling of a number', () => {
    for (const s of ['', '零', '一百十', '一十', '十十', '一二', '百', '二百零', '一千零零一', '3', '六十三条', 'abc', '两百']) {
      expect(parseChineseNumeral(s), s).toBeNull();
    }
  });

  it('parses and orders article labels, 之一 after the plain article', () => {
    expect(parseArticleLabel('第六十三条')).toEqual({ ordinal: 63, suffix: 0 });
    expect(parseArticleLabel('第一百二十四条')).toEqual({ ordinal: 124, suffix: 0 });
    expect(parseArticleLabel('第十条之一')).toEqual({ ordinal: 10, suffix: 1 });
    expect(parseArticleLabel('第一千零一条')).toEqual({ ordinal: 1001, suffix: 0 });
    expect(parseArticleLabel('第3条')).toBeNull();
    expect(parseArticleLabel('第十条之')).toBeNull();
    const labels = ['第十一条', '第十条之二', '第二条', '第十条', '第一百条', '第十条之一', '第九十九条'];
    const sorted = labels
      .map((l) => ({ l, n: parseArticleLabel(l)! }))
      .sort((a, b) => compareArticleNumbers(a.n, b.n))
      .map((x) => x.l);
    expect(sorted).toEqual(['第二条', '第十条', '第十条之一', '第十条之二', '第十一条', '第九十九条', '第一百条']);
    expect(articleLabel({ ordinal: 10, suffix: 1 })).toBe('第十条之一');
  });
});
