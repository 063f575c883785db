/** Queries and types of the publicity pages (行政执法公示); the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { PublicationKind, PublicationState } from '../../../../src/domain/publicity/rules';
import type {
  CreditExport,
  CreditExportError,
  Overview,
  PublicationDetail,
  PublicationListItem,
  PublicationVersion,
  ZPublicationList,
} from '../../../../src/modules/publicity/responses';
import type { z } from 'zod';
import { api, qs } from '../../api/client';

export type { CreditExport, CreditExportError, Overview, PublicationDetail, PublicationListItem, PublicationVersion };
export type PublicationDeadline = PublicationDetail['deadlines'][number];

export interface PublicationFilter {
  state?: PublicationState;
  kind?: PublicationKind;
  q?: string;
  /** 决定日期 from–to, inclusive */
  from?: string;
  to?: string;
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
      api.get<z.infer<typeof ZPublicationList>>(
        `/api/publicity/publications${qs({ state: f.state, kind: f.kind, q: f.q, from: f.from, to: f.to, limit: PAGE, offset: (f.page - 1) * PAGE })}`,
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
