/** 重大行政决策 (the module's entry): the yearly 决策事项目录 and each decision's procedure. */
import { defineModule } from '../../platform/modules.ts';
import { catalogueVisible, decisionVisible, resolveCatalogue, resolveDecision } from './access.ts';
import { majorDecisionFigures } from './figures.ts';
import { majorDecisionLegalRules } from './legalRules.ts';
import { registerMajorDecisionRoutes } from './routes.ts';
import { majorDecisionStateTables } from './stateTables.ts';
import { catalogueWorkflow, DECISION_CATALOGUE, decisionWorkflow, MAJOR_DECISION } from './workflow.ts';

export const majorDecisionsModule = defineModule({
  name: 'majorDecisions',
  label: '重大行政决策',
  workflows: [catalogueWorkflow, decisionWorkflow],
  visibility: { [DECISION_CATALOGUE]: catalogueVisible, [MAJOR_DECISION]: decisionVisible },
  matterResolvers: { [DECISION_CATALOGUE]: resolveCatalogue, [MAJOR_DECISION]: resolveDecision },
  routes: registerMajorDecisionRoutes,
  rules: majorDecisionLegalRules,
  figures: majorDecisionFigures,
  stateTables: majorDecisionStateTables,
});
