/** Queries and types of the publicity pages (行政执法公示); the content type comes from the server's own schema. */
import { useQuery } from '@tanstack/react-query';
import type { VersionRow } from '../../../../src/modules/publicity/store';
import type { PublicationKind, PublicationState } from '../../../../src/domain/publicity/rules';
import { api, qs } from '../../api/client';

export interface PublicationListItem {
  id: string;
  kind: PublicationKind;
  state: PublicationState;
  stateLabel: string;
  number: string;
  partyName: string;
  partyUscc: string | null;
  violation: string;
  bodyName: string;
  decidedOn: string;
  publishedOn: string | null;
  expiresOn: string | null;
  nextDue: string | null;
  fineFen: number;
  currentVersion: number;
}

export type PublicationVersion = VersionRow;

export interface PublicationDeadline {
  id: string;
  ruleId: string;
  label: string;
  start: string;
  due: string;
  status: string;
  overdue: boolean;
  warning: boolean;
}

export interface PublicationDetail extends Omit<PublicationListItem, 'nextDue'> {
  sourceType: string;
  sourceId: string;
  source: { matterType: 'case' | 'inspectionTask'; matterId: string };
  channels: string[];
  procedure: string | null;
  matter: { id: string; version: number; state: string; stateLabel: string; final: boolean; transitions: { id: string; label: string }[] };
  versions: PublicationVersion[];
  deadlines: PublicationDeadline[];
}

interface Rate {
  bodyName: string;
  required: number;
  published: number;
  onTime: number;
  rate: number | null;
  onTimeRate: number | null;
}
export interface Overview {
  today: string;
  overdue: { matterId: string; title: string; ruleId: string; label: string; due: string }[];
  missing: { caseId: string; number: string; decidedOn: string; partyName: string; bodyName: string }[];
  rates: Rate[];
  inspectionResults: {
    overdue: { taskId: string; taskName: string; bodyName: string; due: string }[];
    pending: { taskId: string; taskName: string; bodyName: string; due: string }[];
    rates: Rate[];
  };
}

export interface CreditExportError {
  publicationId: string;
  number: string;
  field: string;
  code: string;
  message: string;
}
export interface CreditExport {
  id: string;
  bodyName: string;
  format: 'xlsx' | 'csv' | 'json';
  items: number;
  errors: CreditExportError[];
  fileHash: string;
  fileSize: number;
  createdAt: string;
  createdBy: string | null;
  downloadUrl: string;
}

export interface PublicationFilter {
  state?: PublicationState;
  kind?: PublicationKind;
  q?: string;
  page: number;
}
const PAGE = 20;

export const publicityKeys = {
  all: ['publicity'] as const,
  list: (f: PublicationFilter) => ['publicity', 'list', f] as const,
  detail: (id: string) => ['publicity', 'detail', id] as const,
  overview: ['publicity', 'overview'] as const,
  exports: ['publicity', 'exports'] as const,
};

export const usePublications = (f: PublicationFilter) =>
  useQuery({
    queryKey: publicityKeys.list(f),
    queryFn: () =>
      api.get<{ total: number; items: PublicationListItem[] }>(
        `/api/publicity/publications${qs({ state: f.state, kind: f.kind, q: f.q, limit: PAGE, offset: (f.page - 1) * PAGE })}`,
      ),
    placeholderData: (prev) => prev,
  });
export const PAGE_SIZE = PAGE;

export const usePublication = (id: string) =>
  useQuery({ queryKey: publicityKeys.detail(id), queryFn: () => api.get<PublicationDetail>(`/api/publicity/publications/${encodeURIComponent(id)}`) });

export const useOverview = () => useQuery({ queryKey: publicityKeys.overview, queryFn: () => api.get<Overview>('/api/publicity/overview') });

export const useCreditExports = (enabled: boolean) =>
  useQuery({
    queryKey: publicityKeys.exports,
    queryFn: () => api.get<{ items: CreditExport[] }>('/api/publicity/credit-exports').then((r) => r.items),
    enabled,
  });
