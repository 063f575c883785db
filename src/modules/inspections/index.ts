/** 双随机、一公开 (inspections): what the module offers other modules: they import it from here, never from its other files. */
export { findingLabels, findingIds } from './vocabulary.ts';
export { abilitiesFor } from './access.ts';
