/** Queries and types of the 行政复议 and 行政应诉 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZLawsuitDetail, ZLawsuitList, ZReconsiderationDetail, ZReconsiderationList, ZRemedyCatalogue } from '../../../../src/modules/remedies/responses';
import { api, qs } from '../../api/client';

export type ReconsiderationList = z.infer<typeof ZReconsiderationList>;
export type ReconsiderationDetail = z.infer<typeof ZReconsiderationDetail>;
export type LawsuitList = z.infer<typeof ZLawsuitList>;
export type LawsuitDetail = z.infer<typeof ZLawsuitDetail>;
export type RemedyCatalogue = z.infer<typeof ZRemedyCatalogue>;

export const remedyKeys = {
  all: ['remedies'] as const,
  reconsiderations: (subject?: { type: string; id: string }) => ['remedies', 'reconsiderations', subject?.type ?? '', subject?.id ?? ''] as const,
  lawsuits: (subject?: { type: string; id: string }) => ['remedies', 'lawsuits', subject?.type ?? '', subject?.id ?? ''] as const,
  reconsideration: (id: string) => ['remedies', 'reconsideration', id] as const,
  lawsuit: (id: string) => ['remedies', 'lawsuit', id] as const,
  catalogue: ['remedies', 'catalogue'] as const,
};

const subjectQs = (s?: { type: string; id: string }) => qs({ subjectType: s?.type, subjectId: s?.id });

export const useReconsiderations = (subject?: { type: string; id: string }) =>
  useQuery({ queryKey: remedyKeys.reconsiderations(subject), queryFn: () => api.get<ReconsiderationList>(`/api/reconsiderations${subjectQs(subject)}`) });
export const useLawsuits = (subject?: { type: string; id: string }) =>
  useQuery({ queryKey: remedyKeys.lawsuits(subject), queryFn: () => api.get<LawsuitList>(`/api/lawsuits${subjectQs(subject)}`) });
export const useReconsideration = (id: string) =>
  useQuery({ queryKey: remedyKeys.reconsideration(id), queryFn: () => api.get<ReconsiderationDetail>(`/api/reconsiderations/${encodeURIComponent(id)}`) });
export const useLawsuit = (id: string) =>
  useQuery({ queryKey: remedyKeys.lawsuit(id), queryFn: () => api.get<LawsuitDetail>(`/api/lawsuits/${encodeURIComponent(id)}`) });
export const useRemedyCatalogue = () =>
  useQuery({ queryKey: remedyKeys.catalogue, queryFn: () => api.get<RemedyCatalogue>('/api/remedies/catalogue'), staleTime: Number.POSITIVE_INFINITY });
