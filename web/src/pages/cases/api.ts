/** Queries and types of the case pages (执法办案); the types come from the server's own queries and schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseDetail, listCases } from '../../../../src/modules/cases/queries';
import type { ZCaseListQuery, ZCreateCaseRequest } from '../../../../src/modules/cases/schema';
import type { deadlinesInScope } from '../../../../src/platform/workflow/engine';
import { api, qs } from '../../api/client';

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof caseDetail>>>;
/** A row of GET /api/cases (the columns listCases selects). */
export type CaseListItem = Awaited<ReturnType<typeof listCases>>['items'][number] & {
  id: string;
  title: string;
  state: string;
  version: number;
  unitId: string;
  unitName: string;
  caseNumber: string | null;
  procedure: 'ordinary' | 'summary';
  partyName: string;
  receivedOn: string;
  filedOn: string | null;
  field: string;
  nextDue: string | null;
};
export type CaseListFilter = Partial<Omit<z.input<typeof ZCaseListQuery>, 'limit' | 'offset'>>;
export type CreateCaseRequest = z.input<typeof ZCreateCaseRequest>;
export type MyDeadline = Awaited<ReturnType<typeof deadlinesInScope>>[number];
export type CaseInstrument = CaseDetail['instruments'][number];

export interface CaseReference {
  sources: Record<string, string>;
  evidenceKinds: Record<string, { label: string; act: string | null; av: string | null }>;
  avChecklist: Record<string, { label: string; source: string }>;
  serviceMethods: Record<string, { label: string; av: string | null }>;
  legalReviewItems: Record<string, string>;
  reviewOpinions: Record<string, string>;
  majorCriteria: Record<string, { label: string; basis: string }>;
  states: Record<string, string>;
  transitions: Record<string, { label: string; from: string[]; to: string; roles: string[] }>;
}

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
    queryFn: () => api.get<{ total: number; items: CaseListItem[] }>(`/api/cases${qs({ ...f, limit: 200 })}`),
    placeholderData: (prev) => prev,
  });

export const useCase = (id: string) => useQuery({ queryKey: caseKeys.detail(id), queryFn: () => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`) });

export const useMyDeadlines = () =>
  useQuery({ queryKey: caseKeys.myDeadlines, queryFn: () => api.get<{ items: MyDeadline[] }>('/api/deadlines/mine').then((r) => r.items) });

export const instrumentUrl = (id: string, format: 'docx' | 'pdf') => `/api/instruments/${encodeURIComponent(id)}/${format}`;
