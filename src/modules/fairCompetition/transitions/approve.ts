/** 作出审查结论：可以出台（第十七条、第十二条：未含第八条至第十一条禁止的内容，或者所含内容符合第十二条规定的情形并已详细说明）. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { REVIEW_ACTORS } from '../access.ts';
import { conclusionGuard, jointOpinionsGuard, loadConclusionFacts, writeConclusion } from './conclusion.ts';
import { fairCompetitionInputs } from './inputs.ts';

export const approve = defineTransition({
  label: '作出审查结论：可以出台',
  from: ['selfReview', 'jointReview'],
  to: 'mayIssue',
  roles: REVIEW_ACTORS,
  input: fairCompetitionInputs.approve,
  load: loadConclusionFacts,
  guards: [jointOpinionsGuard, conclusionGuard('mayIssue')],
  effect: writeConclusion('mayIssue', 'mayIssue'),
});
