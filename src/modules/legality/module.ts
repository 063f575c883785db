/**
 * 合法性审查 (the module's entry): the one legality-review mechanism for normative documents, major decisions and
 * contracts — request, checklist per kind, advisers' opinions, the opinion with its instrument, the minimum review
 * time and the gate (index.ts) — and the register of 法律顾问 and 公职律师.
 */
import { defineModule } from '../../platform/modules.ts';
import { legalityReviewVisible, resolveLegalityReview } from './access.ts';
import { adviserAbilities } from './advisers.ts';
import { findAdviser } from './store.ts';
import { legalityFigures } from './figures.ts';
import { legalityLegalRules } from './legalRules.ts';
import { registerLegalityRoutes } from './routes.ts';
import { legalityReviewWorkflowV1 } from './workflow.ts';

export const legalityModule = defineModule({
  name: 'legality',
  label: '合法性审查',
  workflows: [legalityReviewWorkflowV1],
  visibility: { legalityReview: legalityReviewVisible },
  matterResolvers: {
    legalityReview: resolveLegalityReview,
    // the register's entries: read in the body's subtree, no file attached
    async legalAdviser(q, p, id) {
      const a = await findAdviser(q, id);
      if (!a || !(await adviserAbilities(q, p, a.orgId)).read) return null;
      return { orgId: a.orgId, title: a.name, viewRecord: true, uploadEvidence: false, uploadRefusal: '法律顾问名录不上传文件' };
    },
  },
  routes: registerLegalityRoutes,
  rules: legalityLegalRules,
  figures: legalityFigures,
});
