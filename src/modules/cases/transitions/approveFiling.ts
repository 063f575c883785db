import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { certificationOf, limitationOf, loadCase } from '../facts.ts';
import { withinLimitation } from '../guards.ts';
import { filingApprovalText } from '../instrumentText.ts';
import { issueCaseInstrument, officerRefs } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { reporterOf } from '../measures.ts';
import { patchCase } from '../store.ts';

/** 批准立案: the 立案审批表 numbers the case; the 办案期限 starts. */
export const approveFiling = defineTransition({
  label: '批准立案',
  from: ['filingProposed'],
  to: 'investigating',
  roles: ['leader'],
  input: transitionInputs.approveFiling,
  load: async (g) => {
    const c = await loadCase(g);
    return {
      case: c,
      limitation: await limitationOf(g.tx, c.violationDate!, c.lifeHealth, c.receivedOn),
      certification: await certificationOf(g.tx, c, c.investigatorIds, 'inquiry', g.date),
    };
  },
  guards: [({ facts, date }) => [...withinLimitation(facts.limitation, date), ...facts.certification]],
  meets: ['lead.verification'],
  // 实名举报: the reporter is told within five working days (市场监督管理投诉举报处理暂行办法 第三十一条)
  opens: [{ ruleId: 'penalty.decision' }, { ruleId: 'report.filingNotice', when: async ({ tx, matter }) => !!(await reporterOf(tx, matter.id)) }],
  effect: async ({ tx, ctx, input, facts: { case: c }, date, principal }) => {
    const handlers = await officerRefs(tx, c.investigatorIds, date);
    const ins = await issueCaseInstrument(
      ctx,
      tx,
      actorOf(principal),
      { ...c, filedOn: date },
      {
        kind: 'filingApproval',
        date,
        override: input.instrumentData,
        specific: filingApprovalText({
          handlerNames: handlers.map((h) => h.name),
          unitOpinion: input.unitOpinion,
          opinion: input.opinion,
          leader: principal.displayName,
          date,
        }),
      },
    );
    await patchCase(tx, c.id, { filedOn: date, caseNumber: ins.number });
    return { caseNumber: ins.number, instrumentId: ins.id };
  },
});
