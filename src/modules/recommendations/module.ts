/**
 * 检察建议、司法建议 and similar recommendations from outside (the module's entry): received, assigned to a unit,
 * answered by the document's stated deadline (or two months), filed with the measures taken.
 */
import { defineModule } from '../../platform/modules.ts';
import { recommendationVisible, resolveRecommendation } from './access.ts';
import { recommendationFigures } from './figures.ts';
import { registerRecommendationRoutes } from './routes.ts';
import { recommendationWorkflowV1 } from './workflow.ts';

export const recommendationsModule = defineModule({
  name: 'recommendations',
  label: '检察建议、司法建议',
  workflows: [recommendationWorkflowV1],
  visibility: { recommendation: recommendationVisible },
  matterResolvers: { recommendation: resolveRecommendation },
  routes: registerRecommendationRoutes,
  figures: recommendationFigures,
});
