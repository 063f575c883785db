/** 访问日志 (audit): what the module offers other modules: they import it from here, never from its other files. */
export { caseSubject, matterSubject } from './subjects.ts';
