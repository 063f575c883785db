/**
 * 访问日志 API (the menu learns whether to show it from `menuAbilities.accessLog`): the search of the personal-data
 * reads (who read whose data, when, from where) for supervisors and administrators, limited to the reads by users
 * of their own subtree.
 */
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { errorResponses, principal, type App } from '../../platform/http.ts';
import { searchAccessLog } from './queries.ts';
import { ZAccessLogPage, ZAccessLogQuery } from './schema.ts';
import { accessLogPolicy } from '../../platform/policies.ts';

const tags = ['访问日志'];

export function registerAuditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/audit/access',
    {
      schema: {
        tags,
        summary: '检索个人信息访问日志（执法监督人员、系统管理员；限本机构及下级人员的访问）：按用户、访问类型、资源、当事人、日期',
        querystring: ZAccessLogQuery,
        response: { 200: ZAccessLogPage, ...errorResponses },
      },
    },
    async (req) => {
      const p = principal(req);
      if (!accessLogPolicy(p).search) throw forbidden('只有执法监督人员和系统管理员可以查看访问日志');
      return searchAccessLog(ctx.db, p, req.query);
    },
  );
}
