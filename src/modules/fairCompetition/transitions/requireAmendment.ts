/** 作出审查结论：应当修改（含有第八条至第十一条禁止的内容，修改后重新审查）. */
import { defineTransition } from '../../../platform/workflow/transition.ts';
import { REVIEW_ACTORS } from '../access.ts';
import { conclusionGuard, jointOpinionsGuard, loadConclusionFacts, writeConclusion } from './conclusion.ts';
import { fairCompetitionInputs } from './inputs.ts';

export const requireAmendment = defineTransition({
  label: '作出审查结论：应当修改',
  from: ['selfReview', 'jointReview'],
  to: 'amendmentRequired',
  roles: REVIEW_ACTORS,
  input: fairCompetitionInputs.requireAmendment,
  load: loadConclusionFacts,
  guards: [jointOpinionsGuard, conclusionGuard('mustAmend')],
  effect: writeConclusion('mustAmend', 'amendmentRequired'),
});
