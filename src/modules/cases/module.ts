/** 执法办案 (the module's entry): the case workflow, who sees a case, the record's view of it, the routes. */
import { caseFigures } from './figures.ts';
import { defineModule } from '../../platform/modules.ts';
import { caseAssignees, resolveCaseMatter } from './access.ts';
import { caseLegalRules } from './legalRules.ts';
import { registerCaseRoutes } from './routes.ts';
import { caseVisible, caseWorkflowV1 } from './workflow.ts';

export const casesModule = defineModule({
  name: 'cases',
  label: '执法办案',
  workflows: [caseWorkflowV1],
  visibility: { case: caseVisible },
  // the case's policy (`casePolicy`): evidence only while the case is open, by officers and admins
  matterResolvers: { case: resolveCaseMatter },
  // guidance names a case's 办案人员 for its officer steps, and their 待办 holds it
  assignees: { case: caseAssignees },
  routes: registerCaseRoutes,
  rules: caseLegalRules,
  figures: caseFigures,
});
