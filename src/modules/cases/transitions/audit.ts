import { reviewOpinions } from '../../../domain/cases/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCase } from '../facts.ts';
import { notInvestigator, problem } from '../guards.ts';
import { caseAuditText } from '../instrumentText.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { insertReview, officerOfUser, orgNameOf } from '../store.ts';

/** 案件审核: by someone other than the investigators; a proposal outside the benchmark passes only with its reason accepted. */
export const audit = defineTransition({
  label: '案件审核通过',
  from: ['auditing'],
  to: 'toNotify',
  roles: ['legalReviewer'],
  input: transitionInputs.audit,
  load: async (g) => ({ case: await loadCase(g), officer: await officerOfUser(g.tx, g.principal.userId) }),
  guards: [
    ({ facts }) => notInvestigator(facts.case.investigatorIds, facts.officer, '案件审核'),
    ({ input, facts }) =>
      facts.case.deviationReason && !input.acceptsDeviation
        ? problem('DISCRETION_DEVIATION_NOT_ACCEPTED', '拟处罚超出裁量基准建议，审核通过须认可其理由（或退回补充调查）')
        : [],
  ],
  effect: async ({ tx, ctx, input, facts: { case: c }, date, principal }) => {
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'caseAudit',
      date,
      override: input.instrumentData,
      specific: caseAuditText(c, {
        auditUnit: principal.orgId ? await orgNameOf(tx, principal.orgId) : '',
        opinion: reviewOpinions[input.opinion],
        reasons: input.reasons,
        reviewer: principal.displayName,
        date,
      }),
    });
    await insertReview(tx, {
      caseId: c.id,
      kind: 'caseAudit',
      reviewerId: principal.userId,
      reviewerName: principal.displayName,
      items: {},
      opinion: input.opinion,
      reasons: input.reasons,
      acceptsDeviation: input.acceptsDeviation,
      reviewedOn: date,
      instrumentId: ins.id,
    });
    return { instrumentId: ins.id, number: ins.number };
  },
});
