/** 权责清单 (powers): what the module offers other modules: they import it from here, never from its other files. */
export { readableBodies } from './queries.ts';
