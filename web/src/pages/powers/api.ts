/** Queries and types of the power list (权责清单) pages; the types come from the server's schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCitedArticle,
  ZImportPowerListResult,
  ZImportRowError,
  ZPowerBody,
  ZPowerSummary,
  TPowerItem,
  TPowerItemDetail,
} from '../../../../src/modules/powers/schema.ts';
import type { Approver, ResolvedRef } from '../../../../src/modules/powers/responses';
import { api, qs } from '../../api/client';

export type PowerItem = TPowerItem;
export type PowerItemDetail = TPowerItemDetail;
export type PowerVersion = PowerItemDetail['versions'][number];
export type CitedArticle = z.infer<typeof ZCitedArticle>;
export type PowerBody = z.infer<typeof ZPowerBody>;
export type PowerSummary = z.infer<typeof ZPowerSummary>;
export type ImportResult = z.infer<typeof ZImportPowerListResult>;
export type ImportRowError = z.infer<typeof ZImportRowError>;
export type { Approver, ResolvedRef };

export interface PowerFilter {
  bodyId?: string;
  unitId?: string;
  category?: string;
  q?: string;
  asOf?: string;
}

export const powerKeys = {
  all: ['powers'] as const,
  list: (f: PowerFilter) => ['powers', 'list', f] as const,
  summary: (f: { bodyId?: string; asOf?: string }) => ['powers', 'summary', f] as const,
  item: (id: string, asOf?: string) => ['powers', 'item', id, asOf ?? null] as const,
  bodies: ['powers', 'bodies'] as const,
  approvers: (bodyId: string) => ['powers', 'approvers', bodyId] as const,
};

export const usePowers = (f: PowerFilter, enabled = true) =>
  useQuery({
    queryKey: powerKeys.list(f),
    queryFn: () => api.get<{ asOf: string; items: PowerItem[] }>(`/api/powers${qs({ ...f })}`),
    placeholderData: (prev) => prev,
    enabled,
  });

export const usePowerSummary = (f: { bodyId?: string; asOf?: string }) =>
  useQuery({ queryKey: powerKeys.summary(f), queryFn: () => api.get<PowerSummary>(`/api/powers/summary${qs({ ...f })}`), placeholderData: (prev) => prev });

export const usePowerItem = (id: string, asOf?: string) =>
  useQuery({
    queryKey: powerKeys.item(id, asOf),
    queryFn: () => api.get<PowerItemDetail>(`/api/powers/${encodeURIComponent(id)}${qs({ asOf })}`),
    placeholderData: (prev) => prev,
  });

export const usePowerBodies = () =>
  useQuery({ queryKey: powerKeys.bodies, queryFn: () => api.get<{ items: PowerBody[] }>('/api/powers/bodies').then((r) => r.items), staleTime: 60_000 });

export const useApprovers = (bodyId: string | undefined) =>
  useQuery({
    queryKey: powerKeys.approvers(bodyId ?? ''),
    queryFn: () => api.get<{ items: Approver[] }>(`/api/powers/approvers${qs({ bodyId })}`).then((r) => r.items),
    enabled: !!bodyId,
    staleTime: 60_000,
  });

export const resolveBasis = (text: string) => api.get<{ refs: ResolvedRef[] }>(`/api/powers/basis/resolve${qs({ text })}`).then((r) => r.refs);

/** The law library's article page. */
export const articleUrl = (articleId: string) => `/laws/articles/${encodeURIComponent(articleId)}`;

export const exportUrl = (f: { bodyId?: string; asOf?: string }) => `/api/powers/export.xlsx${qs({ ...f })}`;
