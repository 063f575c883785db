/** Queries and types of the 规范性文件 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DocumentDetail, DocumentListItem, ZCleanupView, ZDocumentList, ZPlanList } from '../../../../src/modules/normativeDocuments/responses';
import type { normativeInputs } from '../../../../src/modules/normativeDocuments/transitions/inputs';
import { api, qs } from '../../api/client';

export type { DocumentDetail, DocumentListItem };
export type CleanupView = z.infer<typeof ZCleanupView>;
export type PlanList = z.infer<typeof ZPlanList>;
export type TransitionName = keyof typeof normativeInputs;

export const normativeKeys = {
  all: ['normativeDocuments'] as const,
  list: (f: object) => ['normativeDocuments', 'list', f] as const,
  detail: (id: string) => ['normativeDocuments', 'detail', id] as const,
  plans: ['normativeDocuments', 'plans'] as const,
  cleanup: ['normativeDocuments', 'cleanup'] as const,
};

export const useDocuments = (f: { state?: string; q?: string }) =>
  useQuery({
    queryKey: normativeKeys.list(f),
    queryFn: () => api.get<z.infer<typeof ZDocumentList>>(`/api/normative-documents${qs({ state: f.state, q: f.q, limit: 200 })}`),
    placeholderData: (prev) => prev,
  });
export const useDocument = (id: string) =>
  useQuery({ queryKey: normativeKeys.detail(id), queryFn: () => api.get<DocumentDetail>(`/api/normative-documents/${encodeURIComponent(id)}`) });
export const usePlans = () => useQuery({ queryKey: normativeKeys.plans, queryFn: () => api.get<PlanList>('/api/normative-documents/plans') });
export const useCleanupView = () => useQuery({ queryKey: normativeKeys.cleanup, queryFn: () => api.get<CleanupView>('/api/normative-documents/cleanup') });
