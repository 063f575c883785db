/** 执法办案 (cases): what the module offers other modules: they import it from here, never from its other files. */
export { findCase } from './store.ts';
export type { CaseRow } from './store.ts';
export { ZMatterDeadline, ZTransitionOption } from './responses.ts';
export { penaltyLine, provisionText } from './instruments.ts';
export { insertCase } from './commands/open-case.ts';
export { concludeRemedyOnCase, recordRemedyOnCase } from './commands/remedy-link.ts';
export { openLeadFrom, originOf, type LeadFromInput } from './commands/open-lead-from.ts';
