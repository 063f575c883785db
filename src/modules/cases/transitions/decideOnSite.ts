import { summaryAllowed } from '../../../domain/cases/decide.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { certificationOf, chargeOf, loadCase } from '../facts.ts';
import { avRecorded, problem, withinLimitation } from '../guards.ts';
import { caseData, issueCaseInstrument, officerRefs, penaltyLine, provisionText } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { caseFiles, findViolation, insertOnSitePayment, patchCase, type CaseRow } from '../store.ts';

/** 当场作出行政处罚决定 (简易程序, 行政处罚法 第五十一条、第五十二条): certified officers, recorded on audio/video. */
export const decideOnSite = defineTransition({
  label: '当场作出行政处罚决定',
  from: ['lead'],
  to: 'served',
  roles: ['officer'],
  input: transitionInputs.decideOnSite,
  load: async (g) => {
    const c = await loadCase(g);
    return {
      case: c,
      charge: await chargeOf(g.tx, g.input.violationId, g.input.violationDate, false),
      certification: await certificationOf(g.tx, c, g.input.officerIds, 'summaryPenalty', g.date),
      files: await caseFiles(g.tx, g.matter.id, g.input.avFileIds),
    };
  },
  guards: [
    ({ facts }) => (facts.case.procedure === 'summary' ? [] : problem('PROCEDURE_MISMATCH', '普通程序案件不能当场处罚')),
    ({ input, facts }) => {
      const r = summaryAllowed(facts.case.partyType, input.penalties);
      return r.allowed ? [] : problem('SUMMARY_NOT_ALLOWED', r.reason);
    },
    ({ input, facts: { charge }, date }) =>
      charge.limitation ? withinLimitation(charge.limitation, date) : problem('VIOLATION_UNKNOWN', `违法行为 ${input.violationId} 不在违法行为目录中`),
    ({ facts }) => facts.certification,
    ({ input, facts }) => avRecorded('summaryPenalty', input.avFileIds, facts.files),
  ],
  opens: [{ ruleId: 'penalty.payment', when: ({ input }) => !input.collectedOnSite && input.penalties.some((p) => p.kind === 'fine') }],
  effect: async ({ tx, ctx, input: i, facts, date, principal }) => {
    const fineFen = i.penalties.filter((p) => p.kind === 'fine').reduce((s, p) => s + (p.amountFen ?? 0), 0);
    const v = (await findViolation(tx, i.violationId))!;
    const c: CaseRow = { ...facts.case, violationId: i.violationId, violationDate: i.violationDate, investigatorIds: i.officerIds, facts: i.facts };
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'summaryPenaltyDecision',
      date,
      override: i.instrumentData,
      specific: {
        occurredAt: i.occurredAt,
        place: i.place,
        facts: i.facts,
        violatedProvision: await provisionText(tx, v.violates),
        penaltyBasis: await provisionText(tx, v.punishes),
        penalty: i.penalties.map(penaltyLine).join(''),
        fine: fineFen || undefined,
        collectedOnSite: i.collectedOnSite ? '是' : undefined,
        officers: await officerRefs(tx, i.officerIds, date),
        reconsiderationBody: (await caseData(tx, c, date)).reconsiderationBody,
      },
    });
    const paymentDue = fineFen && !i.collectedOnSite ? computeDeadline(deadlineRule('penalty.payment'), await loadCalendar(tx), { start: date }).due : null;
    await patchCase(tx, c.id, {
      violationId: i.violationId,
      violationDate: i.violationDate,
      investigatorIds: i.officerIds,
      facts: i.facts,
      proposed: i.penalties,
      fineFen,
      decision: { outcome: 'penalty', penalties: i.penalties, decidedOn: date, instrumentId: ins.id, number: ins.number },
      service: { servedOn: date, method: 'direct', recipient: c.party.name, note: '当场交付' },
      paymentDue,
    });
    if (i.collectedOnSite && fineFen) await insertOnSitePayment(tx, c.id, date, fineFen, principal.userId);
    return { number: ins.number, instrumentId: ins.id, fineFen, collectedOnSite: i.collectedOnSite };
  },
});
