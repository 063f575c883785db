/** 待办与办理指引 (the module's entry): one to-do list across every matter type and the next step of each matter. */
import { defineModule } from '../../platform/modules.ts';
import { registerTodoRoutes } from './routes.ts';

export const todoModule = defineModule({
  name: 'todo',
  label: '待办',
  routes: registerTodoRoutes,
});
