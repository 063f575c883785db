/** 年度报告 (annualReports): what the module offers other modules (the portal reads the public API). */
export type { ReportContent } from './store.ts';
export { ANNUAL_REPORT } from './store.ts';
