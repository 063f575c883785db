import { defineTransition } from '../../../platform/workflow/transition.ts';
import { loadWindowFacts } from '../facts.ts';
import { windowsClosed } from '../guards.ts';
import { transitionInputs } from '../schema.ts';

/** 提请集体讨论 (行政处罚法 第五十七条第二款), once the defence windows closed. */
export const submitForDiscussion = defineTransition({
  label: '提请集体讨论',
  from: ['noticed', 'heard'],
  to: 'discussion',
  roles: ['leader'],
  optional: true,
  input: transitionInputs.submitForDiscussion,
  load: loadWindowFacts,
  meets: ['penalty.statement', 'penalty.hearingRequest'],
  guards: [({ facts, date }) => windowsClosed(facts.case, facts.openWindows, date)],
});
