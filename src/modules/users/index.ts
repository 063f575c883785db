/** 用户 (users): what the module offers other modules: they import it from here, never from its other files. */
export { userColumns } from './commands/update-user.ts';
