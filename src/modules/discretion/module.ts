/** 违法行为、裁量基准、较大数额 (the module's entry). */
import { defineModule } from '../../platform/modules.ts';
import { registerDiscretionCommands } from './cli.ts';
import { discretionFigures } from './figures.ts';
import { discretionLegalRules } from './legalRules.ts';
import { resolveBenchmarkMatter, resolveThresholdMatter, resolveViolationMatter } from './matter.ts';
import { registerDiscretionRoutes } from './routes.ts';

export const discretionModule = defineModule({
  name: 'discretion',
  label: '行政处罚裁量',
  routes: registerDiscretionRoutes,
  rules: discretionLegalRules,
  figures: discretionFigures,
  cli: registerDiscretionCommands,
  // 违法行为 (read by everyone), 裁量基准 and 较大数额 (read in the adopting org's subtree and below)
  matterResolvers: { violation: resolveViolationMatter, discretionBenchmark: resolveBenchmarkMatter, discretionThreshold: resolveThresholdMatter },
});
