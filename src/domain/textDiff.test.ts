import { describe, expect, it } from 'vitest';
import { basisChange, sameText } from './basisChange.ts';
import { diffChars, diffNew, diffOld } from './textDiff.ts';

describe('diffChars', () => {
  it('finds the words an amendment changed', () => {
    const ops = diffChars('处五千元以上五万元以下罚款', '处一万元以上十万元以下罚款');
    expect(diffOld(ops)).toBe('处五千元以上五万元以下罚款');
    expect(diffNew(ops)).toBe('处一万元以上十万元以下罚款');
    expect(ops[0]).toEqual({ op: 'equal', text: '处' });
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text)).toEqual(['五千', '五']);
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['一万', '十']);
    expect(ops.at(-1)).toEqual({ op: 'equal', text: '万元以下罚款' });
  });

  it('handles identical, empty and wholly different texts', () => {
    expect(diffChars('相同', '相同')).toEqual([{ op: 'equal', text: '相同' }]);
    expect(diffChars('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(diffChars('删除', '')).toEqual([{ op: 'delete', text: '删除' }]);
    expect(diffChars('甲乙', '丙丁')).toEqual([
      { op: 'delete', text: '甲乙' },
      { op: 'insert', text: '丙丁' },
    ]);
  });

  it('reconstructs both texts for random edits, surrogate pairs included', () => {
    const alphabet = [...'行政处罚法罚款听证𠀀😀ab，。'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 200; t++) {
      const a = Array.from({ length: rnd(40) }, () => alphabet[rnd(alphabet.length)]).join('');
      const chars = [...a];
      for (let e = rnd(6); e > 0; e--) {
        const at = rnd(chars.length + 1);
        if (rnd(2) && chars.length) chars.splice(at, 1);
        else chars.splice(at, 0, alphabet[rnd(alphabet.length)]);
      }
      const b = chars.join('');
      const ops = diffChars(a, b);
      expect(diffOld(ops)).toBe(a);
      expect(diffNew(ops)).toBe(b);
    }
  });

  it('stays fast on long, unrelated texts', () => {
    const a = '甲'.repeat(3000) + '乙'.repeat(3000);
    const b = '丙'.repeat(3000) + '丁'.repeat(3000);
    const t = performance.now();
    const ops = diffChars(a, b);
    expect(performance.now() - t).toBeLessThan(2000);
    expect(diffNew(ops)).toBe(b);
  });
});

describe('basisChange', () => {
  const next = [
    { id: 'n#第一条', label: '第一条', body: '为了规范行政处罚，制定本法。' },
    { id: 'n#第二条', label: '第二条', body: '行政处罚的种类：警告、罚款。' },
    { id: 'n#第三条', label: '第三条', body: '本法自公布之日起施行。' },
  ];
  it('an article whose text is unchanged is not affected', () => {
    expect(basisChange({ id: 'o#第一条', label: '第一条', body: '为了规范行政处罚，\n制定本法。' }, next)).toBeNull();
  });
  it('a changed text is amended and points at the same number', () => {
    expect(basisChange({ id: 'o#第二条', label: '第二条', body: '行政处罚的种类：警告。' }, next)).toEqual({ change: 'amended', newArticleId: 'n#第二条' });
  });
  it('a text that moved to another number points there', () => {
    expect(basisChange({ id: 'o#第二条', label: '第二条', body: '本法自公布之日起施行。' }, next)).toEqual({ change: 'amended', newArticleId: 'n#第三条' });
  });
  it('a number that is gone is removed', () => {
    expect(basisChange({ id: 'o#第九条', label: '第九条', body: '已删除的条文。' }, next)).toEqual({ change: 'removed', newArticleId: null });
  });
  it('nothing to compare means nothing to flag', () => {
    expect(basisChange(null, next)).toBeNull();
    expect(sameText('甲 乙\n丙', '甲乙丙')).toBe(true);
  });
});
