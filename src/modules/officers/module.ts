/** 行政执法人员 and 执法证 (the module's entry). */
import { officerFigures } from './figures.ts';
import { defineModule } from '../../platform/modules.ts';
import { officerPolicy } from '../../platform/policies.ts';
import { registerOfficerRoutes } from './routes.ts';
import { officerLegalRules } from './legalRules.ts';

export const officersModule = defineModule({
  name: 'officers',
  label: '行政执法人员',
  figures: officerFigures,
  routes: registerOfficerRoutes,
  rules: officerLegalRules,
  matterResolvers: {
    async officer(q, p, id) {
      const r = (await q.query<{ org_id: string; name: string }>('select org_id, name from officers where id = $1', [id])).rows[0];
      if (!r) return null;
      const a = officerPolicy(p, { orgId: r.org_id });
      if (!a.read) return null;
      return { orgId: r.org_id, title: r.name, viewRecord: a.viewRecord, uploadEvidence: a.uploadEvidence };
    },
  },
});
