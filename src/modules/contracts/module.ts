/**
 * 合同合法性审查 and 立法征询 (the module's entry): contracts the bureau signs — request, legality review through the
 * legality module, the gate before signing, the signed contract filed, performance and dispute notes — and the
 * requests of higher bodies for comments on draft laws and rules.
 */
import { defineModule } from '../../platform/modules.ts';
import { contractVisible, legislativeVisible, resolveContract, resolveLegislative } from './access.ts';
import { contractFigures } from './figures.ts';
import { registerContractRoutes } from './routes.ts';
import { contractWorkflowV1, legislativeWorkflowV1 } from './workflow.ts';

export const contractsModule = defineModule({
  name: 'contracts',
  label: '合同合法性审查、立法征询',
  workflows: [contractWorkflowV1, legislativeWorkflowV1],
  visibility: { contractReview: contractVisible, legislativeConsultation: legislativeVisible },
  matterResolvers: { contractReview: resolveContract, legislativeConsultation: resolveLegislative },
  routes: registerContractRoutes,
  figures: contractFigures,
});
