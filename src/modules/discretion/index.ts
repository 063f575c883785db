/** 行政处罚裁量 (discretion): what the module offers other modules: they import it from here, never from its other files. */
export { articleRefs } from './queries.ts';
export { runCalculation } from './calculate.ts';
