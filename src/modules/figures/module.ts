/**
 * 统计指标 (the module's entry): the figure catalogue's API and its kept sets. The figures themselves are declared by
 * the modules whose records make them (`figures` in each entry, `platform/figures`); this module only reads them.
 */
import { defineModule } from '../../platform/modules.ts';
import { resolveFigureSet } from './access.ts';
import { registerFigureRoutes } from './routes.ts';

export const figuresModule = defineModule({
  name: 'figures',
  label: '统计指标',
  routes: registerFigureRoutes,
  // a kept set's record entry (figureSet.computed), read by whoever reads the set's scope
  matterResolvers: { figureSet: resolveFigureSet },
});
