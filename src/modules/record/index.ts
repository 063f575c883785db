/** 执法全过程记录 (record): what the module offers other modules: they import it from here, never from its other files. */
export { fileAnswer } from './responses.ts';
export { resolveMatter } from './matters.ts';
