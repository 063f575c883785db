import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadWindowFacts } from '../facts.ts';
import { problem, windowsClosed } from '../guards.ts';
import { transitionInputs } from '../schema.ts';

/** 提交法制审核: a major decision (行政处罚法 第五十八条), once the defence windows closed (第四十四条、第六十四条). */
export const submitForLegalReview = defineTransition({
  label: '提交法制审核',
  from: ['noticed', 'heard'],
  to: 'legalReview',
  roles: ['officer'],
  input: transitionInputs.submitForLegalReview,
  load: loadWindowFacts,
  meets: ['penalty.statement', 'penalty.hearingRequest'],
  guards: [
    ({ facts, date }) => windowsClosed(facts.case, facts.openWindows, date),
    ({ facts }) => (facts.case.major?.major ? [] : problem('NOT_MAJOR', '本案不属于重大执法决定，无需法制审核；可直接进入决定')),
  ],
});
