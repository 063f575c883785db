import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './calendar/workCalendar.ts';
import { deadlineRule } from './deadlines/rules.ts';
import { citationLabel, deadlineLegalRule, legalRule, parseCitation, runExample } from './legalRules.ts';

describe('legal rule catalogue helpers', () => {
  it('reads a citation 法名@版本日期#第X条', () => {
    expect(parseCitation('行政处罚法@2021-01-22#第五十一条')).toEqual({ source: '行政处罚法', version: '2021-01-22', article: '第五十一条' });
    expect(parseCitation('行政处罚法#第五十一条')).toBeNull();
    expect(citationLabel('行政处罚法@2021-01-22#第五十一条')).toBe('《行政处罚法》（2021-01-22）第五十一条');
  });

  it('runs an example: passes, fails, or reports the error of the function', () => {
    const r = legalRule<{ n: number }, { ok: boolean }>({
      id: 't',
      kind: 'threshold',
      name: '测试',
      statement: '测试',
      basis: [],
      sourceNote: '测试',
      changedOn: '2026-01-01',
      fields: { n: '数', ok: '结果' },
      examples: [],
      check: ({ n }) => {
        if (n < 0) throw new Error('负数');
        return { ok: n <= 200 };
      },
    });
    expect(runExample(r, { text: '', given: { n: 200 }, expect: { ok: true } })).toEqual({ actual: { ok: true }, passes: true, error: null });
    expect(runExample(r, { text: '', given: { n: 201 }, expect: { ok: true } }).passes).toBe(false);
    expect(runExample(r, { text: '', given: { n: -1 }, expect: { ok: true } })).toEqual({ actual: null, passes: false, error: '负数' });
  });

  it('turns a deadline rule into a catalogue entry checked by the calculator', () => {
    // 行政处罚法 第六十四条（一）“告知后五日内提出”, 第八十五条 working days; a plain week without holidays (statutory ones only)
    const e = deadlineLegalRule(deadlineRule('penalty.hearingRequest'), () => new WorkCalendar([], []));
    expect(e.kind).toBe('deadline');
    expect(e.basis).toContain('行政处罚法@2021-01-22#第六十四条');
    expect(e.check({ start: '2026-11-02' })).toEqual({ due: '2026-11-09' });
  });
});
