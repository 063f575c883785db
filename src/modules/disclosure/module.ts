/**
 * 政府信息公开 on request (政府信息公开条例, 2019; the module's entry): applications from the portal (query code, no
 * account) or registered by staff, correction (第三十条), third-party consultation (第三十二条), the answer period and
 * its extension (第三十三条), the answers of 第三十六条 as 告知书, and the annual report's counts (第五十条).
 */
import { defineModule } from '../../platform/modules.ts';
import { disclosureVisible, resolveDisclosure } from './access.ts';
import { disclosureFigures } from './figures.ts';
import { disclosureLegalRules } from './legalRules.ts';
import { registerDisclosureRoutes } from './routes.ts';
import { disclosureWorkflowV1 } from './workflow.ts';

export const disclosureModule = defineModule({
  name: 'disclosure',
  label: '政府信息公开（依申请）',
  workflows: [disclosureWorkflowV1],
  visibility: { disclosureRequest: disclosureVisible },
  matterResolvers: { disclosureRequest: resolveDisclosure },
  routes: registerDisclosureRoutes,
  figures: disclosureFigures,
  rules: disclosureLegalRules,
});
