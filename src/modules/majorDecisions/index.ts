/**
 * 重大行政决策: what the module offers other modules (they import it from here): the matter types, and the public
 * reads the portal renders.
 */
export { DECISION_CATALOGUE, MAJOR_DECISION } from './types.ts';
export { publicCatalogues, publicDecision, publicDecisions } from './queries.ts';
