/** 行政执法人员 (officers): what the module offers other modules: they import it from here, never from its other files. */
export { officerColumns } from './commands/update-officer.ts';
export { assertOfficersMayAct, checkOfficersMayAct } from './guard.ts';
export { officerFacts } from './queries.ts';
