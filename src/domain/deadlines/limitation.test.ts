/**
 * 追责时效, taken from the text of 行政处罚法 (2021):
 * 第三十六条 "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。
 * 法律另有规定的除外。前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。"
 * 第三十七条 "实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。" 第八十六条 "本法自2021年7月15日起施行。"
 */
import { describe, expect, it } from 'vitest';
import { officialSchedules } from '../../modules/calendar/official.ts';
import { WorkCalendar } from '../calendar/workCalendar.ts';
import { discoveredInTime, limitationOf, limitationRuleFor } from './limitation.ts';

const official = officialSchedules();
const cal = new WorkCalendar([...official.values()].flat(), official.keys());

describe('追责时效 (行政处罚法 第三十六条、第三十七条)', () => {
  it('"违法行为在二年内未被发现的，不再给予行政处罚": measured at discovery, to the anniversary, not moved off a Sunday', () => {
    const l = limitationOf(cal, { violationDate: '2024-03-01', discoveredOn: '2026-03-01', lifeHealth: false });
    expect(l).toMatchObject({ ruleId: 'penalty.limitation', years: 2, due: '2026-03-01', article: '行政处罚法 第三十六条' });
    expect(discoveredInTime(l)).toBe(true);
    expect(discoveredInTime({ ...l, discoveredOn: '2026-03-02' })).toBe(false); // the old calculator moved the end to Monday 3/2
  });

  it('"涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年" — for acts from 2021-07-15', () => {
    const l = limitationOf(cal, { violationDate: '2021-07-15', discoveredOn: '2026-07-15', lifeHealth: true });
    expect(l).toMatchObject({ ruleId: 'penalty.limitation.lifeHealth', years: 5, due: '2026-07-15' });
    expect(discoveredInTime(l)).toBe(true);
  });

  it('第三十七条 "适用违法行为发生时的法律": an act of 2021-07-14 keeps the earlier text\'s two years even where life or health was harmed', () => {
    const l = limitationOf(cal, { violationDate: '2021-07-14', discoveredOn: '2023-07-15', lifeHealth: true });
    expect(l).toMatchObject({ ruleId: 'penalty.limitation.2017', years: 2, due: '2023-07-14' });
    expect(l.note).toContain('五年期限不适用');
    expect(l.article).toContain('第二十九条');
    expect(discoveredInTime(l)).toBe(false);
    expect(limitationRuleFor('2021-07-14', false)).toBe('penalty.limitation.2017');
    expect(limitationRuleFor('2021-07-15', false)).toBe('penalty.limitation');
  });

  it('"有连续或者继续状态的，从行为终了之日起计算": a continuing act discovered while it went on is in time', () => {
    const l = limitationOf(cal, { violationDate: '2026-02-20', discoveredOn: '2025-11-01', lifeHealth: false });
    expect(l.due).toBe('2028-02-20');
    expect(discoveredInTime(l)).toBe(true);
  });
});
