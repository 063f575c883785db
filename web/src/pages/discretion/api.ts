/** Queries and types of the discretion pages (违法行为与裁量基准); the types come from the server's schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DiscretionReference, ThresholdList } from '../../../../src/modules/discretion/responses';
import type {
  TCalculateRequest,
  TCalculationResult,
  ZArticleRef,
  ZBenchmark,
  ZBenchmarkDetail,
  ZImportResult,
  ZThreshold,
  ZViolation,
  ZViolationDetail,
} from '../../../../src/modules/discretion/schema';
import { api, qs } from '../../api/client';

export type Violation = z.infer<typeof ZViolation>;
export type ViolationDetail = z.infer<typeof ZViolationDetail>;
export type Benchmark = z.infer<typeof ZBenchmark>;
export type BenchmarkDetail = z.infer<typeof ZBenchmarkDetail>;
export type Threshold = z.infer<typeof ZThreshold>;
export type ArticleRef = z.infer<typeof ZArticleRef>;
export type CalculationResult = TCalculationResult;
export type CalculateRequest = TCalculateRequest;
export type ImportResult = z.infer<typeof ZImportResult>;
export interface SheetRowError {
  sheet: string;
  row: number;
  column: string | null;
  message: string;
}

export type Reference = DiscretionReference;

export const discretionKeys = {
  all: ['discretion'] as const,
  reference: ['discretion', 'reference'] as const,
  violations: (f: { field?: string; q?: string }) => ['discretion', 'violations', f] as const,
  violation: (id: string) => ['discretion', 'violation', id] as const,
  thresholds: ['discretion', 'thresholds'] as const,
};

export const useReference = () =>
  useQuery({ queryKey: discretionKeys.reference, queryFn: () => api.get<Reference>('/api/discretion/reference'), staleTime: Infinity });

export const useViolations = (f: { field?: string; q?: string }) =>
  useQuery({
    queryKey: discretionKeys.violations(f),
    queryFn: () => api.get<{ items: Violation[] }>(`/api/discretion/violations${qs({ ...f })}`).then((r) => r.items),
    placeholderData: (prev) => prev,
  });

export const useViolation = (id: string) =>
  useQuery({ queryKey: discretionKeys.violation(id), queryFn: () => api.get<ViolationDetail>(`/api/discretion/violations/${encodeURIComponent(id)}`) });

export const useThresholds = () => useQuery({ queryKey: discretionKeys.thresholds, queryFn: () => api.get<ThresholdList>('/api/discretion/thresholds') });

export const calculate = (body: CalculateRequest) => api.post<CalculationResult>('/api/discretion/calculate', body);

/** The law library's article page. */
export const articleUrl = (articleId: string) => `/laws/articles/${encodeURIComponent(articleId)}`;

export const exportUrl = (f: { orgId?: string; asOf?: string } = {}) => `/api/discretion/benchmarks/export.xlsx${qs({ ...f })}`;
