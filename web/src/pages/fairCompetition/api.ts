/** Queries and types of the 公平竞争审查 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZChecklist, ZRegister, ZReviewDetail } from '../../../../src/modules/fairCompetition/responses';
import { api, qs } from '../../api/client';

export type Register = z.infer<typeof ZRegister>;
export type ReviewDetail = z.infer<typeof ZReviewDetail>;
export type Checklist = z.infer<typeof ZChecklist>;

export const fcKeys = {
  all: ['fairCompetition'] as const,
  register: (year?: number) => ['fairCompetition', 'register', year ?? null] as const,
  detail: (id: string) => ['fairCompetition', 'detail', id] as const,
  checklist: ['fairCompetition', 'checklist'] as const,
};

export const useRegister = (year?: number) =>
  useQuery({ queryKey: fcKeys.register(year), queryFn: () => api.get<Register>(`/api/fair-competition/reviews${qs({ year })}`) });
export const useReview = (id: string) =>
  useQuery({ queryKey: fcKeys.detail(id), queryFn: () => api.get<ReviewDetail>(`/api/fair-competition/reviews/${encodeURIComponent(id)}`) });
export const useChecklist = () =>
  useQuery({ queryKey: fcKeys.checklist, queryFn: () => api.get<Checklist>('/api/fair-competition/checklist'), staleTime: Number.POSITIVE_INFINITY });
