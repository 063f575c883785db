/** 机构 (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { orgPolicy } from '../../platform/policies.ts';
import { registerOrgRoutes } from './routes.ts';

export const orgsModule = defineModule({
  name: 'orgs',
  label: '机构',
  routes: registerOrgRoutes,
  matterResolvers: {
    async org(q, p, id) {
      const r = (await q.query<{ name: string }>('select name from orgs where id = $1', [id])).rows[0];
      if (!r || !p.scope.has(id)) return null;
      return { orgId: id, title: r.name, viewRecord: orgPolicy(p, { id }).viewRecord, uploadEvidence: false };
    },
  },
});
