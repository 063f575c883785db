/** Queries and types of the 统计 pages; the types come from the server's schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZCompare, ZFigureDetail, ZFigureRecords, ZOverview, ZSet, ZSetCheck, ZSetList } from '../../../../src/modules/figures/responses.ts';
import { api, qs } from '../../api/client';

export type Overview = z.infer<typeof ZOverview>;
export type Comparison = z.infer<typeof ZCompare>;
export type FigureDetail = z.infer<typeof ZFigureDetail>;
export type FigureRecords = z.infer<typeof ZFigureRecords>;
export type FigureSet = z.infer<typeof ZSet>;
export type FigureSetList = z.infer<typeof ZSetList>;
export type FigureSetCheck = z.infer<typeof ZSetCheck>;

export interface FigureQuery {
  orgId?: string;
  from: string;
  to: string;
}

export const figureKeys = {
  all: ['figures'] as const,
  overview: (q: FigureQuery) => ['figures', 'overview', q] as const,
  compare: (q: FigureQuery, by: 'body' | 'org') => ['figures', 'compare', by, q] as const,
  figure: (id: string, q: FigureQuery & { filter?: string }) => ['figures', 'figure', id, q] as const,
  records: (id: string, q: FigureQuery & { filter?: string; offset: number }) => ['figures', 'records', id, q] as const,
  sets: (orgId?: string) => ['figures', 'sets', orgId ?? ''] as const,
  check: (id: string) => ['figures', 'check', id] as const,
};

export const useOverview = (q: FigureQuery) =>
  useQuery({ queryKey: figureKeys.overview(q), queryFn: () => api.get<Overview>(`/api/figures/overview${qs({ ...q })}`), placeholderData: (p) => p });
export const useComparison = (q: FigureQuery, by: 'body' | 'org', enabled: boolean) =>
  useQuery({
    queryKey: figureKeys.compare(q, by),
    queryFn: () => api.get<Comparison>(`/api/figures/compare${qs({ ...q, by })}`),
    placeholderData: (p) => p,
    enabled,
  });
export const useFigure = (id: string, q: FigureQuery & { filter?: string }) =>
  useQuery({
    queryKey: figureKeys.figure(id, q),
    queryFn: () => api.get<FigureDetail>(`/api/figures/${encodeURIComponent(id)}${qs({ ...q })}`),
    placeholderData: (p) => p,
  });
export const RECORDS_PAGE = 50;
export const useFigureRecords = (id: string, q: FigureQuery & { filter?: string; offset: number }) =>
  useQuery({
    queryKey: figureKeys.records(id, q),
    queryFn: () => api.get<FigureRecords>(`/api/figures/${encodeURIComponent(id)}/records${qs({ ...q, limit: RECORDS_PAGE })}`),
    placeholderData: (p) => p,
  });
export const useFigureSets = (orgId?: string) =>
  useQuery({ queryKey: figureKeys.sets(orgId), queryFn: () => api.get<FigureSetList>(`/api/figures/sets${qs({ orgId })}`).then((r) => r.items) });

/** A figure's number as a report prints it: 元 with two decimals, a share in %, a count as it is. */
export function formatFigure(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'fen') return `${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
  if (unit === 'percent') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString('zh-CN');
}

/** The change from last year, in words: 增加 / 减少 / 持平 (a share in percentage points). */
export function formatChange(now: number | null, before: number | null, unit: string): string {
  if (now === null || before === null) return '—';
  const d = now - before;
  if (d === 0) return '持平';
  if (unit === 'percent') return `${d > 0 ? '上升' : '下降'} ${Math.abs(d * 100).toFixed(1)} 个百分点`;
  const pct = before ? `（${((Math.abs(d) / before) * 100).toFixed(1)}%）` : '';
  return `${d > 0 ? '增加' : '减少'} ${formatFigure(Math.abs(d), unit)}${pct}`;
}

/** This calendar year up to today (China time), the default period of the pages. */
export function thisYear(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
