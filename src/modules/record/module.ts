/** 执法全过程记录: the record's routes, proofs, evidence files and the state tables it verifies (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerRecordRoutes } from './routes.ts';
import { stateTables } from './state-tables.ts';
import { expireUploads, registerResumableUploads, UPLOAD_SWEEP_EVERY_MS } from './uploads.ts';

export const recordModule = defineModule({
  name: 'record',
  label: '执法全过程记录',
  routes: async (app, ctx) => {
    registerRecordRoutes(app, ctx);
    await registerResumableUploads(app, ctx);
  },
  // incomplete resumable uploads (DATA_DIR/uploads) are removed a day after they were created
  jobs: [{ name: 'record.expireUploads', everyMs: () => UPLOAD_SWEEP_EVERY_MS, run: async (ctx) => void (await expireUploads(ctx)) }],
  stateTables,
});
