/** 法律法规数据库 (laws): what the module offers other modules: they import it from here, never from its other files. */
export { articlesByIds, setCitations, versionStatusSql, citationsOf } from './citations.ts';
export { lawVersionInForce, lawVersionPeriods, periodsOf, type LawVersionPeriod } from './inForce.ts';
export { clearBasisFlagIn } from './commands/clear-basis-flag.ts';
