/** Queries and types of the case pages (执法办案); the types are inferred from the server's request and response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseDetail, CaseList, CaseListItem, CaseReference, ZMyDeadlines } from '../../../../src/modules/cases/responses';
import type { ZCaseListQuery, ZCreateCaseRequest } from '../../../../src/modules/cases/schema';
import { api, qs } from '../../api/client';

export type { CaseDetail, CaseListItem, CaseReference };
export type CaseListFilter = Partial<Omit<z.input<typeof ZCaseListQuery>, 'limit' | 'offset'>>;
export type CreateCaseRequest = z.input<typeof ZCreateCaseRequest>;
export type MyDeadline = z.infer<typeof ZMyDeadlines>['items'][number];
export type CaseInstrument = CaseDetail['instruments'][number];

export const caseKeys = {
  all: ['cases'] as const,
  reference: ['cases', 'reference'] as const,
  list: (f: CaseListFilter) => ['cases', 'list', f] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  myDeadlines: ['cases', 'deadlines', 'mine'] as const,
};

export const useCaseReference = () =>
  useQuery({ queryKey: caseKeys.reference, queryFn: () => api.get<CaseReference>('/api/cases/reference'), staleTime: Infinity });

export const useCases = (f: CaseListFilter) =>
  useQuery({
    queryKey: caseKeys.list(f),
    queryFn: () => api.get<CaseList>(`/api/cases${qs({ ...f, limit: 200 })}`),
    placeholderData: (prev) => prev,
  });

export const useCase = (id: string) => useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`) });

export const useMyDeadlines = () =>
  useQuery({ queryKey: caseKeys.myDeadlines, queryFn: () => api.get<{ items: MyDeadline[] }>('/api/deadlines/mine').then((r) => r.items) });

export const instrumentUrl = (id: string, format: 'docx' | 'pdf') => `/api/instruments/${encodeURIComponent(id)}/${format}`;
/** The PDF shown by the browser (Content-Disposition: inline), for 预览 in a new tab; instrumentUrl downloads. */
export const instrumentPreviewUrl = (id: string) => `${instrumentUrl(id, 'pdf')}?disposition=inline`;
