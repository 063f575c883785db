/** 法律法规数据库 (the module's entry). */
import { lawFigures } from './figures.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerLawCommands } from './cli.ts';
import { resolveLegalSourceMatter } from './matter.ts';
import { registerLawRoutes } from './routes.ts';

export const lawsModule = defineModule({
  name: 'laws',
  label: '法律法规数据库',
  figures: lawFigures,
  routes: registerLawRoutes,
  cli: registerLawCommands,
  // reference data: readable by everyone signed in
  matterResolvers: { legalSource: resolveLegalSourceMatter },
});
