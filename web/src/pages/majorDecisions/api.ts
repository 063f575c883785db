/** Queries and types of the 重大行政决策 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZArchive, ZCatalogue, ZCatalogueSummary, ZDecision, ZDecisionSummary } from '../../../../src/modules/majorDecisions/schema';
import { api } from '../../api/client';

export type Catalogue = z.infer<typeof ZCatalogue>;
export type CatalogueSummary = z.infer<typeof ZCatalogueSummary>;
export type Decision = z.infer<typeof ZDecision>;
export type DecisionSummary = z.infer<typeof ZDecisionSummary>;
export type Archive = z.infer<typeof ZArchive>;

export const mdKeys = {
  all: ['majorDecisions'] as const,
  catalogues: ['majorDecisions', 'catalogues'] as const,
  catalogue: (id: string) => ['majorDecisions', 'catalogue', id] as const,
  list: ['majorDecisions', 'list'] as const,
  detail: (id: string) => ['majorDecisions', 'detail', id] as const,
  archive: (id: string) => ['majorDecisions', 'archive', id] as const,
};

export const useCatalogues = () =>
  useQuery({ queryKey: mdKeys.catalogues, queryFn: () => api.get<{ items: CatalogueSummary[] }>('/api/major-decisions/catalogues') });
export const useCatalogue = (id: string) =>
  useQuery({ queryKey: mdKeys.catalogue(id), queryFn: () => api.get<Catalogue>(`/api/major-decisions/catalogues/${encodeURIComponent(id)}`) });
export const useDecisions = () => useQuery({ queryKey: mdKeys.list, queryFn: () => api.get<{ items: DecisionSummary[] }>('/api/major-decisions') });
export const useDecision = (id: string) =>
  useQuery({ queryKey: mdKeys.detail(id), queryFn: () => api.get<Decision>(`/api/major-decisions/${encodeURIComponent(id)}`) });
export const useArchive = (id: string) =>
  useQuery({ queryKey: mdKeys.archive(id), queryFn: () => api.get<Archive>(`/api/major-decisions/${encodeURIComponent(id)}/archive`) });
