import { actorOf } from '../../../platform/context.ts';
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadCaseFacts } from '../facts.ts';
import { nonFilingApprovalText } from '../instrumentText.ts';
import { issueCaseInstrument, officerRefs } from '../instruments.ts';
import { transitionInputs } from '../schema.ts';
import { reporterOf } from '../measures.ts';
import { patchCase } from '../store.ts';

/** 不予立案: the 不予立案审批表 closes the lead. */
export const rejectFiling = defineTransition({
  label: '不予立案',
  from: ['verifying', 'filingProposed'],
  to: 'notFiled',
  roles: ['leader'],
  optional: true,
  input: transitionInputs.rejectFiling,
  // the effect sees the state after the transition; whether the handler had proposed filing is the state it left
  load: async (g) => ({ ...(await loadCaseFacts(g)), handlerProposedFiling: g.matter.state === 'filingProposed' }),
  meets: ['lead.verification'],
  // 实名举报: the reporter is told of 不予立案 too, within five working days (市场监督管理投诉举报处理暂行办法 第三十一条)
  opens: [{ ruleId: 'report.filingNotice', when: async ({ tx, matter }) => !!(await reporterOf(tx, matter.id)) }],
  effect: async ({ tx, ctx, input, facts: { case: c, handlerProposedFiling }, date, principal }) => {
    const ins = await issueCaseInstrument(ctx, tx, actorOf(principal), c, {
      kind: 'nonFilingApproval',
      date,
      override: input.instrumentData,
      specific: {
        ...nonFilingApprovalText({ reason: input.reason, opinion: input.opinion, leader: principal.displayName, date, handlerProposedFiling }),
        handlers: await officerRefs(tx, c.investigatorIds, date),
      },
    });
    await patchCase(tx, c.id, { closedOn: date });
    return { instrumentId: ins.id, number: ins.number };
  },
});
