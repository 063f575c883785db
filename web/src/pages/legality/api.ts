/** Queries and types of the 合法性审查 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAdviserList, ZReviewDetail, ZReviewKinds, ZReviewList } from '../../../../src/modules/legality/responses';
import { api, qs } from '../../api/client';

export type ReviewList = z.infer<typeof ZReviewList>;
export type ReviewDetail = z.infer<typeof ZReviewDetail>;
export type ReviewKinds = z.infer<typeof ZReviewKinds>;
export type AdviserList = z.infer<typeof ZAdviserList>;

export const legalityKeys = {
  all: ['legality'] as const,
  list: (open: boolean) => ['legality', 'reviews', open] as const,
  detail: (id: string) => ['legality', 'review', id] as const,
  kinds: ['legality', 'kinds'] as const,
  advisers: ['legality', 'advisers'] as const,
};

export const useReviews = (open: boolean) =>
  useQuery({ queryKey: legalityKeys.list(open), queryFn: () => api.get<ReviewList>(`/api/legality/reviews${qs({ open: open ? 'true' : undefined })}`) });
export const useReview = (id: string) =>
  useQuery({ queryKey: legalityKeys.detail(id), queryFn: () => api.get<ReviewDetail>(`/api/legality/reviews/${encodeURIComponent(id)}`) });
export const useKinds = () =>
  useQuery({ queryKey: legalityKeys.kinds, queryFn: () => api.get<ReviewKinds>('/api/legality/kinds'), staleTime: Number.POSITIVE_INFINITY });
export const useAdvisers = () => useQuery({ queryKey: legalityKeys.advisers, queryFn: () => api.get<AdviserList>('/api/legality/advisers') });

/** Where the console shows the subject of a review (the legality module does not know its pages; vocabulary's matterPages does). */
export { matterPages } from '../../../../src/domain/vocabulary';
