/** 执法全过程记录: the record's routes, proofs, evidence files and the state tables it verifies (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerRecordRoutes } from './routes.ts';
import { stateTables } from './state-tables.ts';

export const recordModule = defineModule({ name: 'record', label: '执法全过程记录', routes: registerRecordRoutes, stateTables });
