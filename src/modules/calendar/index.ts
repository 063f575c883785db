/** What the calendar module offers other modules: the calendar shipped with the platform (no database), for the 规则目录's examples. */
export { shippedCalendar } from './legalRules.ts';
