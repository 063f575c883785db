/** 执法文书: the register, previews and downloads (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { instrumentFigures } from './figures.ts';
import { registerInstrumentCommands } from './cli.ts';
import { registerInstrumentRoutes } from './routes.ts';

export const instrumentsModule = defineModule({
  name: 'instruments',
  label: '执法文书',
  routes: registerInstrumentRoutes,
  cli: registerInstrumentCommands,
  figures: instrumentFigures,
});
