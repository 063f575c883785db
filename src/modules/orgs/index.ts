/** 机构 (orgs): what the module offers other modules: they import it from here, never from its other files. */
export { orgColumns } from './commands/update-org.ts';
