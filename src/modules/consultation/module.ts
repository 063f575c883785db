/**
 * 公众参与 / 公开征求意见 (the module's entry): the consultation workflow, its staff and public routes, its rules.
 * The portal's pages (src/modules/portal/consultationPages.ts) read the public functions of index.ts.
 */
import { defineModule } from '../../platform/modules.ts';
import { consultationFigures } from './figures.ts';
import { resolveConsultationMatter } from './access.ts';
import { consultationLegalRules } from './legalRules.ts';
import { registerConsultationRoutes } from './routes.ts';
import { consultationWorkflowV1 } from './workflow.ts';

export const consultationModule = defineModule({
  name: 'consultation',
  label: '公众参与（征求意见）',
  workflows: [consultationWorkflowV1],
  matterResolvers: { publicConsultation: resolveConsultationMatter },
  routes: registerConsultationRoutes,
  rules: consultationLegalRules,
  figures: consultationFigures,
});
