/**
 * 投诉举报 (the module's entry): the 投诉 and 举报 workflows, intake (portal, staff, 12315 import), mediation, the
 * report → case lead link, the confidential person, figures. The portal's pages (src/modules/portal/complaintPages.ts)
 * read the public functions of index.ts.
 */
import { defineModule } from '../../platform/modules.ts';
import { resolveComplaintMatter } from './access.ts';
import { complaintFigures } from './figures.ts';
import { complaintLegalRules } from './legalRules.ts';
import { registerComplaintRoutes } from './routes.ts';
import { complaintWorkflowV1, reportWorkflowV1 } from './workflow.ts';

export const complaintsModule = defineModule({
  name: 'complaints',
  label: '投诉举报',
  workflows: [complaintWorkflowV1, reportWorkflowV1],
  matterResolvers: { complaint: resolveComplaintMatter, report: resolveComplaintMatter },
  routes: registerComplaintRoutes,
  rules: complaintLegalRules,
  figures: complaintFigures,
});
