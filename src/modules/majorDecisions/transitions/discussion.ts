/**
 * 集体讨论决定 (第三十条), shared by `decide` and `decline`. The gates before the meeting: 第二十五条第二款 "决策草案未经
 * 合法性审查或者经审查不合法的，不得提交决策机关讨论" (the legality module's gate), and 第二十九条第（一）项 the fair-competition
 * review of a draft that concerns market activity. At the meeting: "集体讨论决定情况应当如实记录，不同意见应当如实载明" and
 * "行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由".
 */
import { headReasonRequired } from '../../../domain/majorDecisions/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import type { GuardFacts } from '../../../platform/workflow/transition.ts';
import { gates } from '../gates.ts';
import { findDecision, type DecisionRow } from '../store.ts';
import type { DecisionInput } from './inputs.ts';

export interface DiscussionFacts {
  d: DecisionRow;
  legality: Problem | null;
  fairCompetition: Problem | null;
}

export const loadDiscussion = async (g: GuardInput<unknown>): Promise<DiscussionFacts> => {
  const d = (await findDecision(g.tx, g.matter.id))!;
  return {
    d,
    legality: await gates.legalityProblem(g.tx, d.id),
    fairCompetition: d.marketActivity ? await gates.fairCompetitionProblem(g.tx, d.id) : null,
  };
};

type F = GuardFacts<DecisionInput<'decide'>, DiscussionFacts>;

/** The reviews that must be behind the draft before the meeting discusses it. */
export const reviewsConcluded = ({ facts }: F): Problem[] => [facts.legality, facts.fairCompetition].filter((p): p is Problem => !!p);

export const dissentRecorded = ({ input }: F): Problem[] => {
  const bare = input.members.filter((m) => m.opinion !== 'agree' && !m.remarks).map((m) => m.name);
  return bare.length
    ? [
        {
          code: 'DECISION_DISSENT_NOT_RECORDED',
          message: `集体讨论决定情况应当如实记录，不同意见应当如实载明（第三十条第三款）：请记录 ${bare.join('、')} 的意见`,
        },
      ]
    : [];
};

export const headReasonGiven =
  (adopt: boolean) =>
  ({ input }: F): Problem[] =>
    headReasonRequired(
      input.members.map((m) => m.opinion),
      adopt,
    ) && !input.headReason
      ? [{ code: 'DECISION_HEAD_REASON_REQUIRED', message: '行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由（第三十条第二款）' }]
      : [];
