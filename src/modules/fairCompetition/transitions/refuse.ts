/** 作出审查结论：不得出台（第十八条：违反第八条至第十一条规定且不符合第十二条规定情形的，不得出台）. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { REVIEW_ACTORS } from '../access.ts';
import { conclusionGuard, jointOpinionsGuard, loadConclusionFacts, writeConclusion } from './conclusion.ts';
import { fairCompetitionInputs } from './inputs.ts';

export const refuse = defineTransition({
  label: '作出审查结论：不得出台',
  from: ['selfReview', 'jointReview'],
  to: 'mayNotIssue',
  roles: REVIEW_ACTORS,
  input: fairCompetitionInputs.refuse,
  load: loadConclusionFacts,
  guards: [jointOpinionsGuard, conclusionGuard('mayNotIssue')],
  effect: writeConclusion('mayNotIssue', 'mayNotIssue'),
});
