/** 访问日志: who read which personal data, when (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerAuditRoutes } from './routes.ts';

export const auditModule = defineModule({ name: 'audit', label: '访问日志', routes: registerAuditRoutes });
