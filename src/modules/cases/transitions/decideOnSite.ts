import { isMitigated, mitigationText, summaryAllowed, totalFen } from '../../../domain/cases/decide.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { certificationOf, chargeOf, loadCase } from '../facts.ts';
import { avRecorded, collectionAllowed, problem, withinLimitation } from '../guards.ts';
import { runCalculation } from '../../discretion/index.ts';
import type { Queryable } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { caseData, issueCaseInstrument, officerRefs, penaltyLine, provisionText } from '../instruments.ts';
import { transitionInputs, type TransitionInput } from '../schema.ts';
import { caseFiles, findViolation, insertOnSitePayment, patchCase, type CaseRow } from '../store.ts';

/**
 * The discretion result for the act on the spot (the circumstances the officer weighed): its tier and the statute's
 * minimum fine. A violation whose fine needs a base the officer cannot give on the spot (货值金额 …) is not for the
 * summary procedure anyway, and an unknown violation is the charge guard's to report: then nothing is known (null)
 * and the 第五十一条 limits decide. Any other refusal (a circumstance the benchmark does not have …) refuses the act,
 * so that a bad input cannot switch the 减轻 check off.
 */
async function discretionOnSite(tx: Queryable, c: CaseRow, i: TransitionInput<'decideOnSite'>, date: string) {
  try {
    const r = await runCalculation(tx, null, {
      violation: i.violationId,
      violationDate: i.violationDate,
      decisionDate: date,
      partyType: c.partyType,
      orgId: c.bodyId,
      bases: i.bases,
      unreliableBases: i.unreliableBases,
      circumstances: i.circumstances,
    });
    return { tier: r.tier as string, legalMinFen: r.legalRange?.minFen ?? null };
  } catch (e) {
    if (e instanceof AppError && (e.code === 'BASE_REQUIRED' || e.code === 'NOT_FOUND')) return null;
    throw e;
  }
}

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
      charge: await chargeOf(g.tx, g.input.violationId, g.input.violationDate, false, c.receivedOn),
      certification: await certificationOf(g.tx, c, g.input.officerIds, 'summaryPenalty', g.date),
      files: await caseFiles(g.tx, g.matter.id, g.input.avFileIds),
      discretion: await discretionOnSite(g.tx, c, g.input, g.date),
    };
  },
  guards: [
    ({ facts }) => (facts.case.procedure === 'summary' ? [] : problem('PROCEDURE_MISMATCH', '普通程序案件不能当场处罚')),
    ({ input, facts }) => {
      const r = summaryAllowed(facts.case.partyType, input.penalties);
      return r.allowed ? [] : problem('SUMMARY_NOT_ALLOWED', r.reason);
    },
    // 减轻处罚 is never decided on the spot (第五十一条; 第五十七条第二款: the leaders discuss it)
    ({ input, facts: { discretion } }) =>
      discretion && isMitigated(discretion.tier, input.penalties, discretion.legalMinFen)
        ? problem('SUMMARY_MITIGATION_NOT_ALLOWED', mitigationText.summary)
        : [],
    // 当场收缴 (第六十八条、第六十九条) against the 专用票据 (第七十条)
    ({ input }) =>
      collectionAllowed(input.collectedOnSite, totalFen(input.penalties, ['fine']), {
        ground: input.collectionGround,
        reason: input.collectionReason,
        receiptNo: input.receiptNo,
      }),
    ({ input, facts: { charge }, date }) =>
      charge.limitation ? withinLimitation(charge.limitation, date) : problem('VIOLATION_UNKNOWN', `违法行为 ${input.violationId} 不在违法行为目录中`),
    ({ facts }) => facts.certification,
    ({ input, facts }) => avRecorded('summaryPenalty', input.avFileIds, facts.files),
  ],
  opens: [
    { ruleId: 'penalty.payment', when: ({ input }) => !input.collectedOnSite && input.penalties.some((p) => p.kind === 'fine') },
    // 第七十一条: the officer hands the collected fine to the body within two (working, 第八十五条) days
    { ruleId: 'penalty.onSiteHandover', when: ({ input }) => input.collectedOnSite && input.penalties.some((p) => p.kind === 'fine') },
  ],
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
      decision: {
        outcome: 'penalty',
        penalties: i.penalties,
        decidedOn: date,
        instrumentId: ins.id,
        number: ins.number,
        collection:
          i.collectedOnSite && fineFen && i.collectionGround && i.receiptNo
            ? { ground: i.collectionGround, reason: i.collectionReason ?? null, receiptNo: i.receiptNo, collectedOn: date, amountFen: fineFen }
            : null,
      },
      service: { servedOn: date, method: 'direct', recipient: c.party.name, note: '当场交付' },
      paymentDue,
    });
    if (i.collectedOnSite && fineFen) await insertOnSitePayment(tx, c.id, date, fineFen, principal.userId, i.receiptNo);
    return { number: ins.number, instrumentId: ins.id, fineFen, collectedOnSite: i.collectedOnSite };
  },
});
