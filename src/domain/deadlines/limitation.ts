/**
 * 追责时效 (行政处罚法 第三十六条): "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有
 * 危害后果的，上述期限延长至五年。……前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为
 * 终了之日起计算。" What is measured is the *discovery* (发现: the day the lead was found or received), not the
 * filing or any later act. 第三十七条 "实施行政处罚，适用违法行为发生时的法律" with 第八十六条 "本法自2021年7月15日起
 * 施行": an act before that day keeps the earlier text's two years (第二十九条 of the 1996/2017 text), even where
 * life or health was harmed. The period ends on its anniversary and is not moved off a rest day (the rules declare
 * `restDay.extends: false`).
 */
import type { WorkCalendar } from '../calendar/workCalendar.ts';
import { computeDeadline } from './compute.ts';
import { deadlineRule, type DeadlineRuleId } from './rules.ts';

/** The day 行政处罚法 (2021) took effect (第八十六条). */
export const APL_2021_IN_FORCE = '2021-07-15';

export interface LimitationInput {
  /** the day of the act, or of its end when it was continuing */
  violationDate: string;
  /** the day the violation was discovered: the lead's date (cases.received_on) */
  discoveredOn: string;
  /** concerns life, health or financial safety and had harmful consequences */
  lifeHealth: boolean;
}

export interface Limitation extends LimitationInput {
  ruleId: DeadlineRuleId;
  years: number;
  /** the last day on which a discovery is in time */
  due: string;
  /** the article in plain Chinese, for messages */
  article: string;
  /** why this period (which law, and why not five years where life/health was claimed) */
  note: string;
}

/** The limitation rule of an act: 第三十七条 picks the law in force on the act's (end) date. */
export function limitationRuleFor(violationDate: string, lifeHealth: boolean): DeadlineRuleId {
  if (violationDate < APL_2021_IN_FORCE) return 'penalty.limitation.2017';
  return lifeHealth ? 'penalty.limitation.lifeHealth' : 'penalty.limitation';
}

export function limitationOf(cal: WorkCalendar, input: LimitationInput): Limitation {
  const ruleId = limitationRuleFor(input.violationDate, input.lifeHealth);
  const rule = deadlineRule(ruleId);
  const { due } = computeDeadline(rule, cal, { start: input.violationDate });
  const before2021 = ruleId === 'penalty.limitation.2017';
  return {
    ...input,
    ruleId,
    years: rule.amount,
    due,
    article: before2021 ? '行政处罚法（2017年修正）第二十九条，依现行法第三十七条适用' : '行政处罚法 第三十六条',
    note: before2021
      ? `违法行为发生于 ${APL_2021_IN_FORCE} 之前，适用违法行为发生时的法律（第三十七条）：二年${input.lifeHealth ? '，五年期限不适用' : ''}`
      : input.lifeHealth
        ? '涉及公民生命健康安全、金融安全且有危害后果：五年'
        : '二年',
  };
}

/** Whether the discovery was in time: on or before the last day. */
export const discoveredInTime = (l: Pick<Limitation, 'discoveredOn' | 'due'>): boolean => l.discoveredOn <= l.due;
