/** 规范性文件 (normativeDocuments): what the module offers other modules: they import it from here, never from its other files. */
export { publicDocument, publicDocuments } from './queries.ts';
export type { PublicDocument, PublicDocumentItem } from './responses.ts';
export { NORMATIVE_DOCUMENT } from './store.ts';
