/** Queries and types of the 公开征求意见 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZConsultationDetail, ZConsultationItem } from '../../../../src/modules/consultation/responses';
import { api } from '../../api/client';

export type ConsultationItem = z.infer<typeof ZConsultationItem>;
export type ConsultationDetail = z.infer<typeof ZConsultationDetail>;

export const consultationKeys = {
  all: ['consultations'] as const,
  list: ['consultations', 'list'] as const,
  detail: (id: string) => ['consultations', 'detail', id] as const,
};

export const useConsultations = () =>
  useQuery({ queryKey: consultationKeys.list, queryFn: () => api.get<{ items: ConsultationItem[] }>('/api/consultations') });
export const useConsultation = (id: string) =>
  useQuery({ queryKey: consultationKeys.detail(id), queryFn: () => api.get<ConsultationDetail>(`/api/consultations/${encodeURIComponent(id)}`) });
