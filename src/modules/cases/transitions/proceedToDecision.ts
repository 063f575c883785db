import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadWindowFacts } from '../facts.ts';
import { isMitigated } from '../../../domain/cases/decide.ts';
import { mitigationDiscussed, problem, windowsClosed } from '../guards.ts';
import { transitionInputs } from '../schema.ts';

/** 进入决定 without legal review: the notice served (行政处罚法 第四十四条), the windows closed, not a major decision (第五十八条). */
export const proceedToDecision = defineTransition({
  label: '进入决定',
  from: ['toNotify', 'noticed', 'heard'],
  to: 'toDecide',
  roles: ['officer', 'leader'],
  input: transitionInputs.proceedToDecision,
  load: loadWindowFacts,
  meets: ['penalty.statement', 'penalty.hearingRequest'],
  guards: [
    ({ facts, matter }) =>
      matter.state === 'toNotify' && (facts.case.proposed ?? []).length
        ? problem('PRIOR_NOTICE_MISSING', '拟给予行政处罚的，须先送达行政处罚告知书（行政处罚法 第四十四条）')
        : [],
    ({ facts, date }) => windowsClosed(facts.case, facts.openWindows, date),
    ({ facts: { case: c } }) =>
      c.major?.major
        ? problem(
            'LEGAL_REVIEW_REQUIRED',
            `本案属于重大执法决定（${c.major.reasons.map((r) => r.text).join('；')}），须经法制审核和集体讨论（行政处罚法 第五十七条第二款、第五十八条）`,
          )
        : [],
    // 减轻处罚 goes through the collective discussion (第五十七条第二款), never straight to the decision
    ({ facts: { case: c } }) =>
      mitigationDiscussed(isMitigated(c.discretion?.tier, c.proposed ?? [], c.discretion?.legalRange?.minFen) && !!c.proposed?.length, []),
  ],
});
