/** The module's matter types. */
export const MAJOR_DECISION = 'majorPolicyDecision';
export const DECISION_CATALOGUE = 'decisionCatalogue';
