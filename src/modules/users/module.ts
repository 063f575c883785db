/** 用户 (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { userPolicy } from '../../platform/policies.ts';
import { registerUserRoutes } from './routes.ts';

export const usersModule = defineModule({
  name: 'users',
  label: '用户',
  routes: registerUserRoutes,
  matterResolvers: {
    async user(q, p, id) {
      const r = (
        await q.query<{ org_id: string; display_name: string; username: string }>('select org_id, display_name, username from users where id = $1', [id])
      ).rows[0];
      if (!r) return null;
      const a = userPolicy(p, { id, orgId: r.org_id });
      if (!a.read) return null;
      return { orgId: r.org_id, title: `${r.display_name}（${r.username}）`, viewRecord: a.viewRecord, uploadEvidence: false };
    },
  },
});
