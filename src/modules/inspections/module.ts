/** 双随机、一公开 (the module's entry). */
import { inspectionFigures } from './figures.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerInspectionCommands } from './cli.ts';
import { inspectionMatterResolvers } from './matter.ts';
import { registerInspectionRoutes } from './routes.ts';
import { INSPECTION_TASK, inspectionTaskVisible, inspectionTaskWorkflow } from './workflow.ts';
import { inspectionLegalRules } from './legalRules.ts';

export const inspectionsModule = defineModule({
  name: 'inspections',
  label: '双随机、一公开',
  figures: inspectionFigures,
  workflows: [inspectionTaskWorkflow],
  visibility: { [INSPECTION_TASK]: inspectionTaskVisible },
  // the target pool (per body), the item list, the plans and the tasks (evidence of the results)
  matterResolvers: inspectionMatterResolvers,
  routes: registerInspectionRoutes,
  rules: inspectionLegalRules,
  cli: registerInspectionCommands,
});
