import { enforcementProblems } from '../../../domain/cases/execution.ts';
import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { executionView, obligationLines } from '../execution.ts';
import { loadCase } from '../facts.ts';
import { issueCaseInstrument } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { patchCase } from '../store.ts';

/**
 * 申请人民法院强制执行 (行政处罚法 第七十二条第一款第（四）项; 行政强制法 第五十三条、第五十四条): something of the
 * decision unexecuted after its performance period; no 复议 or 诉讼 pending and the decision not set aside; the 复议
 * (六十日) and 诉讼 (六个月) periods passed; a 催告书 served and ten working days passed; within three months of the
 * end of those periods. The 强制执行申请书 (第五十五条) is issued with it.
 */
export const applyEnforcement = defineTransition({
  label: '申请人民法院强制执行',
  from: ['served'],
  to: 'enforcement',
  roles: ['leader'],
  optional: true,
  input: transitionInputs.applyEnforcement,
  load: async (g) => {
    const c = await loadCase(g);
    // without the input (guidance's dry run) the view is of today
    return { case: c, view: await executionView(g.tx, c, g.input.appliedOn ?? g.date) };
  },
  guards: [
    // by the facts alone: the console disables the button with this reason
    ({ facts: { view } }) =>
      !view.periods
        ? [{ code: 'NOTHING_TO_ENFORCE', message: '处罚决定书尚未送达' }]
        : view.lines.some((l) => l.state === 'pending')
          ? []
          : [{ code: 'NOTHING_TO_ENFORCE', message: '处罚决定已执行完毕，无需申请强制执行' }],
    ({ input, facts: { case: c, view } }) =>
      view.periods && view.lines.some((l) => l.state === 'pending')
        ? enforcementProblems({
            appliedOn: input.appliedOn,
            reconsiderationEnds: view.periods.reconsiderationEnds,
            litigationEnds: view.periods.litigationEnds,
            performanceEnds: view.periods.performanceEnds,
            windowEnds: view.periods.windowEnds,
            challenges: c.execution?.challenges ?? [],
            demand: c.execution?.demand ?? null,
            lines: view.lines,
          })
        : [],
  ],
  meets: ['enforcement.demand', 'enforcement.application'],
  effect: async ({ tx, ctx, input: i, facts: { case: c, view }, principal }) => {
    const { lines } = obligationLines(c, view, i.appliedOn);
    const demand = c.execution!.demand!;
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'enforcementApplication',
      date: i.appliedOn,
      override: i.instrumentData,
      specific: {
        decisionNumber: c.decision!.number,
        decidedOn: c.decision!.decidedOn,
        decisionServedOn: c.service!.servedOn,
        obligations: lines,
        demand: { servedOn: demand.servedOn, number: demand.number },
        court: i.court,
      },
    });
    await patchCase(tx, c.id, { enforcement: { appliedOn: i.appliedOn, court: i.court, outcome: null } });
    return { instrumentId: ins.id, number: ins.number };
  },
});
