/**
 * What the three conclusions share (可以出台 / 应当修改 / 不得出台): the facts (the review, the joint review's
 * opinions), the guards (every unit of a 会审 has given its opinion; the checklist, the 第十二条 exceptions and the
 * conclusion agree — domain/fairCompetition/rules.ts), and the effect (the conclusion written on the review).
 */
import { type Conclusion, conclusionProblems } from '../../../domain/fairCompetition/rules.ts';
import type { Problem } from '../../../domain/workflow.ts';
import type { z } from 'zod';
import type { GuardFacts, TransitionArgs } from '../../../platform/workflow/transition.ts';
import type { GuardInput } from '../../../platform/workflow/engine.ts';
import { loadReview, type ReviewRow } from '../store.ts';
import type { ZConclusion } from './inputs.ts';

type Input = z.output<typeof ZConclusion>;

export const loadConclusionFacts = async (g: GuardInput<Input>): Promise<{ review: ReviewRow }> => ({ review: await loadReview(g.tx, g.matter.id) });

export const jointOpinionsGuard = ({ facts }: GuardFacts<Input, { review: ReviewRow }>): Problem[] => {
  const missing = (facts.review.jointUnits ?? []).filter((u) => !u.opinion).map((u) => u.name);
  return facts.review.joint && missing.length
    ? [{ code: 'FAIR_COMPETITION_JOINT_OPINION_MISSING', message: `会审单位尚未提出意见：${missing.join('、')}` }]
    : [];
};

export const conclusionGuard =
  (conclusion: Conclusion) =>
  ({ input }: GuardFacts<Input, { review: ReviewRow }>): Problem[] =>
    conclusionProblems({ checklist: input.prohibitionChecks, exceptions: input.article12Exceptions, conclusion });

export const writeConclusion = (conclusion: Conclusion, state: string) => async (g: TransitionArgs<Input, { review: ReviewRow }>) => {
  await g.tx.query(
    `update fair_competition_reviews set state = $2, checklist = $3, exceptions = $4, conclusion = $5, conclusion_reason = $6, stakeholder_views = $7, concluded_on = $8
      where id = $1`,
    [
      g.matter.id,
      state,
      JSON.stringify(g.input.prohibitionChecks),
      JSON.stringify(g.input.article12Exceptions),
      conclusion,
      g.input.reason,
      g.input.stakeholderViews,
      g.date,
    ],
  );
  return { fairCompetitionConclusion: conclusion, containedItems: g.input.prohibitionChecks.filter((a) => a.contains).map((a) => a.item) };
};
