/**
 * 行政复议和行政应诉 (the module's entry): the bureau as respondent of a reconsideration (答复 within 10 working days,
 * 行政复议法 第四十八条, with the bundle of the subject's file and record proofs) and as defendant of a suit (答辩 within 15
 * days, 行政诉讼法 第六十七条; 负责人出庭应诉; judgments per instance with the appeal windows of 第八十五条), against any
 * subject of the registry; outcomes flow into the case and the portal.
 */
import { defineModule } from '../../platform/modules.ts';
import { lawsuitVisible, reconsiderationVisible, resolveLawsuit, resolveReconsideration } from './access.ts';
import { remedyFigures } from './figures.ts';
import { remedyLegalRules } from './legalRules.ts';
import { registerRemedyRoutes } from './routes.ts';
import { remedyStateTables } from './stateTables.ts';
import { lawsuitWorkflowV1, reconsiderationWorkflowV1 } from './workflow.ts';

export const remediesModule = defineModule({
  name: 'remedies',
  label: '行政复议和行政应诉',
  workflows: [reconsiderationWorkflowV1, lawsuitWorkflowV1],
  visibility: { reconsideration: reconsiderationVisible, lawsuit: lawsuitVisible },
  matterResolvers: { reconsideration: resolveReconsideration, lawsuit: resolveLawsuit },
  routes: registerRemedyRoutes,
  rules: remedyLegalRules,
  figures: remedyFigures,
  stateTables: remedyStateTables,
});
