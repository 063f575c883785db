/** 行政执法公示 (publicity): what the module offers other modules: they import it from here, never from its other files. */
export { cachedPublicStatistics, publicBodies, publicOfficers, publicStatistics, currentPublications, currentInspectionResults } from './publicDirectory.ts';
export { MAX_QUERY_CHARS, publicDetail, publicProof, searchPublications, LISTED_STATES } from './public.ts';
export type { SearchResult, ListItem, PublicDetail, SearchQuery } from './public.ts';
export type { PublicContent, PenaltyContent } from './content.ts';
export { publicationOfSource } from './store.ts';
