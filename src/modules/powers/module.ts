/** 权责清单 (the module's entry). */
import { powerFigures } from './figures.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerPowerCommands } from './cli.ts';
import { resolvePowerItemMatter } from './matter.ts';
import { registerPowerRoutes } from './routes.ts';

export const powersModule = defineModule({
  name: 'powers',
  label: '权责清单',
  figures: powerFigures,
  routes: registerPowerRoutes,
  cli: registerPowerCommands,
  // readable in the body's subtree and by the units below it
  matterResolvers: { powerItem: resolvePowerItemMatter },
});
