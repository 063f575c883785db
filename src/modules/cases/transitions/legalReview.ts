import { legalReviewItemIds, legalReviewItems, reviewOpinions } from '../../../domain/cases/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCase } from '../facts.ts';
import { notInvestigator, problem } from '../guards.ts';
import { majorReasonText, proposedDecisionText, reviewVerdict } from '../instrumentText.ts';
import { caseData, issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { insertReview, officerOfUser, orgNameOf } from '../store.ts';

/**
 * 法制审核 (行政处罚法 第五十八条): by a qualified reviewer who did not investigate, item by item, consistently.
 * The reviewer answers every item of the checklist (符合 / 不符合, a 不符合 with its reason) and chooses the opinion;
 * nothing is presumed — an item left out is refused (REVIEW_ITEMS_MISSING) and nothing is recorded.
 */
export const legalReview = defineTransition({
  label: '法制审核',
  from: ['legalReview'],
  to: 'discussion',
  roles: ['legalReviewer'],
  input: transitionInputs.legalReview,
  load: async (g) => ({ case: await loadCase(g), officer: await officerOfUser(g.tx, g.principal.userId) }),
  guards: [
    ({ facts }) => notInvestigator(facts.case.investigatorIds, facts.officer, '法制审核'),
    ({ facts }) =>
      facts.officer?.legalExamPassed
        ? []
        : problem(
            'REVIEWER_NOT_QUALIFIED',
            '初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（行政处罚法 第五十八条第二款）',
          ),
    // every item answered by the reviewer (nothing is presumed 符合), and a 不符合 says why
    ({ input }) => {
      const missing = legalReviewItemIds.filter((k) => typeof input.items[k]?.ok !== 'boolean');
      if (missing.length) return problem('REVIEW_ITEMS_MISSING', `法制审核须逐项审核，尚未审核：${missing.map((k) => legalReviewItems[k]).join('、')}`);
      const unexplained = legalReviewItemIds.filter((k) => input.items[k]!.ok === false && !input.items[k]!.note?.trim());
      return unexplained.length
        ? problem('REVIEW_ITEM_NOTE_MISSING', `审核结论为“不符合”的事项须写明理由：${unexplained.map((k) => legalReviewItems[k]).join('、')}`)
        : [];
    },
    ({ input, facts }) => {
      if (input.opinion !== 'disagree' && legalReviewItemIds.some((k) => !input.items[k]?.ok))
        return problem('REVIEW_INCONSISTENT', '有审核事项不合格，审核意见不能为“同意”');
      return facts.case.deviationReason && input.opinion !== 'disagree' && !input.acceptsDeviation
        ? problem('DISCRETION_DEVIATION_NOT_ACCEPTED', '拟处罚超出裁量基准建议，须在审核意见中认可其理由或不同意')
        : [];
    },
  ],
  effect: async ({ tx, ctx, input: i, facts: { case: c }, date, principal }) => {
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'legalReviewOpinion',
      date,
      override: i.instrumentData,
      specific: {
        submittingUnit: (await caseData(tx, c, date)).unit,
        submittedOn: date,
        proposedDecision: proposedDecisionText(c),
        majorReason: majorReasonText(c),
        items: legalReviewItemIds.map((k) => ({ point: legalReviewItems[k], verdict: reviewVerdict(i.items[k]!.ok), note: i.items[k]!.note ?? '' })),
        opinion: reviewOpinions[i.opinion],
        reasons: i.reasons,
        legalOffice: await orgNameOf(tx, principal.orgId),
        reviewers: [principal.displayName],
        reviewDate: date,
      },
    });
    await insertReview(tx, {
      caseId: c.id,
      kind: 'legalReview',
      reviewerId: principal.userId,
      reviewerName: principal.displayName,
      items: i.items,
      opinion: i.opinion,
      reasons: i.reasons,
      acceptsDeviation: i.acceptsDeviation,
      reviewedOn: date,
      instrumentId: ins.id,
    });
    return { opinion: i.opinion, instrumentId: ins.id, number: ins.number };
  },
});
