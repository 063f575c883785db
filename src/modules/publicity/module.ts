/**
 * 行政执法公示 (the module's entry): the publication workflow and the listeners that publish what other
 * modules decide — a case's decision, a random inspection's results — in the same transaction.
 */
import { publicityFigures } from './figures.ts';
import { defineModule } from '../../platform/modules.ts';
import { publicationVisible, resolvePublicationMatter } from './access.ts';
import { registerPublicityRoutes } from './routes.ts';
import { expireDue, mirrorPublicationState, publicationWorkflowV1, publishDecidedCase, publishInspectionResults } from './workflow.ts';
import { publicityLegalRules } from './legalRules.ts';

export const publicityModule = defineModule({
  name: 'publicity',
  label: '行政执法公示',
  figures: publicityFigures,
  workflows: [publicationWorkflowV1],
  visibility: { publication: publicationVisible },
  listeners: [mirrorPublicationState, publishDecidedCase, publishInspectionResults],
  // no evidence is attached to a publication
  matterResolvers: { publication: resolvePublicationMatter },
  routes: registerPublicityRoutes,
  rules: publicityLegalRules,
  // 公示期满: publications whose publicity period is over leave the portal
  jobs: [{ name: 'publicity.expire', everyMs: (ctx) => ctx.config.treeHeadIntervalMs, run: async (ctx) => void (await expireDue(ctx)) }],
});
