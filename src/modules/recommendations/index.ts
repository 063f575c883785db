/** 检察建议、司法建议 (recommendations): what the module offers other modules — they import it from here. */
export { findRecommendation, type RecommendationRow } from './store.ts';
