import { demandProblems } from '../../../domain/cases/execution.ts';
import { serviceMethods } from '../../../domain/cases/rules.ts';
import { computeDeadline } from '../../../domain/deadlines/compute.ts';
import { deadlineRule } from '../../../domain/deadlines/rules.ts';
import { actorOf } from '../../../platform/context.ts';
import { loadCalendar } from '../../../platform/calendar.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { executionView, obligationLines } from '../execution.ts';
import { loadCase } from '../facts.ts';
import { avRecorded } from '../guards.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { caseFiles, patchCase } from '../store.ts';

/**
 * 催告 (行政强制法 第五十四条 "行政机关申请人民法院强制执行前，应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的，
 * 行政机关可以向…人民法院申请强制执行"): after the performance period, with something of the decision unexecuted, the
 * 催告书 is served. It opens its ten working days (第六十九条) and the three months in which the court may be applied
 * to (第五十三条, counted from the end of the 复议 and 诉讼 periods or of an approved deferral, 行政处罚法 第七十二条第二款).
 */
export const serveDemand = defineTransition({
  label: '催告履行义务（送达催告书）',
  from: ['served'],
  to: 'served',
  roles: ['officer'],
  optional: true,
  input: transitionInputs.serveDemand,
  load: async (g) => {
    const c = await loadCase(g);
    return {
      case: c,
      view: await executionView(g.tx, c, g.input.servedOn),
      files: serviceMethods[g.input.method].av ? await caseFiles(g.tx, g.matter.id, g.input.avFileIds) : [],
    };
  },
  guards: [
    ({ input, facts }) => {
      const step = serviceMethods[input.method].av;
      return step ? avRecorded(step, input.avFileIds, facts.files) : [];
    },
    ({ input, facts: { case: c, view } }) =>
      demandProblems({ servedOn: input.servedOn, performanceEnds: view.periods?.performanceEnds ?? null, lines: view.lines, demanded: !!c.execution?.demand }),
  ],
  opens: [
    { ruleId: 'enforcement.demand', startFrom: 'servedOn' },
    { ruleId: 'enforcement.application', startOn: ({ facts }) => facts.view.periods?.windowStart ?? null },
  ],
  effect: async ({ tx, ctx, input: i, facts: { case: c, view }, principal }) => {
    const { lines, totalFen } = obligationLines(c, view, i.servedOn);
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'enforcementDemand',
      date: i.servedOn,
      override: i.instrumentData,
      specific: {
        decisionNumber: c.decision!.number,
        decidedOn: c.decision!.decidedOn,
        decisionServedOn: c.service!.servedOn,
        obligations: lines,
        money: totalFen > 0 ? { totalFen, asOf: i.servedOn } : null,
      },
    });
    const periodEnds = computeDeadline(deadlineRule('enforcement.demand'), await loadCalendar(tx), { start: i.servedOn }).due;
    const demand = { servedOn: i.servedOn, method: i.method, recipient: i.recipient, periodEnds, instrumentId: ins.id, number: ins.number };
    await patchCase(tx, c.id, { execution: { ...c.execution, demand } });
    return { instrumentId: ins.id, number: ins.number, periodEnds, windowEnds: view.periods?.windowEnds ?? null };
  },
});
