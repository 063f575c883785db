/** 访问日志: who read which personal data, when (the module's entry); its periodic job deletes rows past retention. */
import { ACCESS_LOG_PURGE_EVERY_MS, purgeExpiredAccessLog } from '../../platform/audit/retention.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerAuditRoutes } from './routes.ts';

export const auditModule = defineModule({
  name: 'audit',
  label: '访问日志',
  routes: registerAuditRoutes,
  jobs: [{ name: 'audit.accessLogRetention', everyMs: () => ACCESS_LOG_PURGE_EVERY_MS, run: async (ctx) => void (await purgeExpiredAccessLog(ctx)) }],
});
