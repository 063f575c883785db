/** Queries and types of the 检察建议、司法建议 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZRecommendationDetail, ZRecommendationList } from '../../../../src/modules/recommendations/responses';
import { api } from '../../api/client';

export type RecommendationList = z.infer<typeof ZRecommendationList>;
export type RecommendationDetail = z.infer<typeof ZRecommendationDetail>;

export const recommendationKeys = {
  list: ['recommendations', 'list'] as const,
  detail: (id: string) => ['recommendations', 'detail', id] as const,
};

export const useRecommendations = () =>
  useQuery({ queryKey: recommendationKeys.list, queryFn: () => api.get<RecommendationList>('/api/recommendations?limit=500') });
export const useRecommendation = (id: string) =>
  useQuery({ queryKey: recommendationKeys.detail(id), queryFn: () => api.get<RecommendationDetail>(`/api/recommendations/${encodeURIComponent(id)}`) });
