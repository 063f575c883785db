/** 公平竞争审查 (the module's entry): the review workflow, its routes (register, checklist) and its rules. */
import { defineModule } from '../../platform/modules.ts';
import { fairCompetitionFigures } from './figures.ts';
import { resolveReviewMatter } from './access.ts';
import { fairCompetitionLegalRules } from './legalRules.ts';
import { registerFairCompetitionRoutes } from './routes.ts';
import { fairCompetitionWorkflowV1 } from './workflow.ts';

export const fairCompetitionModule = defineModule({
  name: 'fairCompetition',
  label: '公平竞争审查',
  workflows: [fairCompetitionWorkflowV1],
  matterResolvers: { fairCompetitionReview: resolveReviewMatter },
  routes: registerFairCompetitionRoutes,
  rules: fairCompetitionLegalRules,
  figures: fairCompetitionFigures,
});
