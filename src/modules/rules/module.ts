/**
 * 规则目录 (the module's entry): the catalogue of every legal rule the modules declare, for a legal
 * reviewer to audit the platform's law without reading code. It declares no rules of its own.
 */
import { defineModule } from '../../platform/modules.ts';
import { registerRuleRoutes } from './routes.ts';

export const rulesModule = defineModule({
  name: 'rules',
  label: '规则目录',
  routes: registerRuleRoutes,
});
