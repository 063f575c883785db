import { describe, expect, it } from 'vitest';
import { cjkTokens, normalizeSearchText, planSearch, tokenDocument } from './cjkTokens.ts';
import { escapeHtml, matchRanges, needlesFor, snippet } from './searchSnippet.ts';

describe('cjkTokens', () => {
  it('splits Han runs into bigrams and keeps ASCII words, lower-cased', () => {
    expect(cjkTokens('行政处罚')).toEqual(['行政', '政处', '处罚']);
    expect(cjkTokens('罚款')).toEqual(['罚款']);
    expect(cjkTokens('处以罚款，GB2760-2014标准')).toEqual(['处以', '以罚', '罚款', 'gb2760', '2014', '标准']);
    expect(cjkTokens('２０２１年７月')).toEqual(['2021', '7']);
    expect(cjkTokens('（一）警告；罚。')).toEqual(['警告']);
    expect(tokenDocument('听证程序')).toBe('听证 证程 程序');
  });

  it('keeps supplementary-plane Han characters whole', () => {
    expect(cjkTokens('𠀀𠀁')).toEqual(['𠀀𠀁']);
  });

  it('normalises full-width letters and case, code point by code point', () => {
    expect(normalizeSearchText('ＡＢＣ罚款')).toBe('abc罚款');
  });
});

describe('planSearch', () => {
  it('turns a 2-character word into one token', () => {
    const p = planSearch('罚款');
    expect(p.tokens).toEqual(['罚款']);
    expect(p.tsquery).toBe("'罚款'");
    expect(p.singles).toEqual([]);
  });
  it('ANDs the bigrams of every term and keeps the terms for the exact-match bonus', () => {
    const p = planSearch(' 举行听证  罚款 ');
    expect(p.terms).toEqual(['举行听证', '罚款']);
    expect(p.tsquery).toBe("'举行' & '行听' & '听证' & '罚款'");
  });
  it('matches a lone character by substring', () => {
    const p = planSearch('罚');
    expect(p.tsquery).toBeNull();
    expect(p.singles).toEqual(['罚']);
  });
  it('drops everything that is not a Han character, letter or digit: nothing reaches to_tsquery unquoted', () => {
    for (const q of ["'; drop table law_articles; --", '罚款 & | ! <-> :*', '😀😀', '%_\\', "a'b"]) {
      const p = planSearch(q);
      for (const t of p.tokens) expect(t).toMatch(/^[\p{Script=Han}a-z0-9]+$/u);
    }
    expect(planSearch('😀😀').tsquery).toBeNull();
    expect(planSearch("罚款' | '听证").tsquery).toBe("'罚款' & '听证'");
  });
  it('caps the number of tokens of a huge query', () => {
    expect(planSearch('行政处罚'.repeat(500)).tokens.length).toBeLessThanOrEqual(32);
  });
});

describe('snippet', () => {
  const body = '当事人要求听证的，应当在行政机关告知后五日内提出；行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点。';
  it('marks every match and escapes the rest', () => {
    const s = snippet('<b>罚款</b> & 罚款', ['罚款']);
    expect(s).toBe('&lt;b&gt;<mark>罚款</mark>&lt;/b&gt; &amp; <mark>罚款</mark>');
  });
  it('merges overlapping bigram matches into one mark', () => {
    expect(snippet(body, planSearch('举行听证').highlight, 200)).toContain('<mark>举行听证</mark>');
  });
  it('starts a little before the first match and marks cuts', () => {
    const long = '甲'.repeat(100) + '罚款' + '乙'.repeat(100);
    const s = snippet(long, ['罚款'], 40, 10);
    expect(s.startsWith('…' + '甲'.repeat(10) + '<mark>罚款</mark>')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(matchRanges(long, ['罚款'])).toEqual([[100, 102]]);
  });
  it('escapes quotes', () => {
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});

describe('needlesFor', () => {
  it('marks a word found verbatim as a whole, and only the bigrams of one that is not', () => {
    const plan = planSearch('举行听证 罚款');
    expect(needlesFor('应当举行听证，处以罚款', plan)).toEqual(['举行听证', '罚款']);
    expect(needlesFor('举行会议前组织听证', plan)).toEqual(['举行', '行听', '听证', '罚款']);
    expect(snippet('组织听证会。应当举行听证。', needlesFor('组织听证会。应当举行听证。', planSearch('举行听证')))).toBe(
      '组织听证会。应当<mark>举行听证</mark>。',
    );
  });
});
