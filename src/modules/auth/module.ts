/** 登录与会话 (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerAuthRoutes } from './routes.ts';

export const authModule = defineModule({ name: 'auth', label: '登录与会话', routes: registerAuthRoutes });
