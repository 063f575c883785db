/** 行政执法公示平台, the public portal (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerPortal } from './index.ts';

export const portalModule = defineModule({ name: 'portal', label: '公示平台（公开）', routes: registerPortal });
