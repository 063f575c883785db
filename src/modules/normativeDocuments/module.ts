/**
 * 规范性文件 (the module's entry): the document workflow from plan and draft to cleanup, its routes, the
 * job that ends documents whose validity is over, and its legal rules.
 */
import { defineModule } from '../../platform/modules.ts';
import { documentVisible, resolveDocumentMatter } from './access.ts';
import { normativeDocumentFigures } from './figures.ts';
import { expireDue } from './jobs.ts';
import { normativeLegalRules } from './legalRules.ts';
import { registerNormativeDocumentRoutes } from './routes.ts';
import { mirrorDocumentState, normativeDocumentWorkflowV1 } from './workflow.ts';

export const normativeDocumentsModule = defineModule({
  name: 'normativeDocuments',
  label: '规范性文件',
  workflows: [normativeDocumentWorkflowV1],
  visibility: { normativeDocument: documentVisible },
  listeners: [mirrorDocumentState],
  matterResolvers: { normativeDocument: resolveDocumentMatter },
  routes: registerNormativeDocumentRoutes,
  rules: normativeLegalRules,
  figures: normativeDocumentFigures,
  jobs: [{ name: 'normativeDocuments.expire', everyMs: (ctx) => ctx.config.treeHeadIntervalMs, run: async (ctx) => void (await expireDue(ctx)) }],
});
