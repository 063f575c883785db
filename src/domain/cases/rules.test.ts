import { describe, expect, it } from 'vitest';
import { caseNumberLabel, caseTitle } from './rules.ts';

describe('案由 (caseTitle)', () => {
  it('names the violation when it is known: 当事人 + 涉嫌 + 违法行为 + 案', () => {
    expect(caseTitle('示例区鑫隆超市有限公司', 'randomInspection', '经营超过保质期的食品')).toBe('示例区鑫隆超市有限公司涉嫌经营超过保质期的食品案');
    expect(caseTitle('某公司', 'complaint', '涉嫌虚假宣传案。')).toBe('某公司涉嫌虚假宣传案');
  });
  it('without one, 涉嫌违法案 and how the lead came in — never the lead’s own words', () => {
    expect(caseTitle('某某有限公司', 'complaint')).toBe('某某有限公司涉嫌违法案（投诉反映）');
    expect(caseTitle('某某有限公司', 'report', '  ')).toBe('某某有限公司涉嫌违法案（举报反映）');
    expect(caseTitle('张三', 'other')).toBe('张三涉嫌违法案');
  });
});

describe('the case list’s number column (caseNumberLabel)', () => {
  it('a 简易程序 case is never 未立案: its 当场处罚 文号, or 简易程序 before the decision', () => {
    expect(caseNumberLabel({ caseNumber: null, procedure: 'summary', decisionNumber: '示市监当罚〔2026〕1号' })).toBe('当场处罚 示市监当罚〔2026〕1号');
    expect(caseNumberLabel({ caseNumber: null, procedure: 'summary', decisionNumber: null })).toBe('简易程序（当场处罚）');
    expect(caseNumberLabel({ caseNumber: null, procedure: 'ordinary', decisionNumber: null })).toBe('（未立案）');
    expect(caseNumberLabel({ caseNumber: '示市监立〔2026〕2号', procedure: 'ordinary', decisionNumber: null })).toBe('示市监立〔2026〕2号');
  });
});
