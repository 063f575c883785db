/** Queries and types of the 年度报告 pages; the types come from the server's schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZReportDetail, ZReportList, ZVersion } from '../../../../src/modules/annualReports/responses.ts';
import { api } from '../../api/client';

export type ReportList = z.infer<typeof ZReportList>;
export type ReportDetail = z.infer<typeof ZReportDetail>;
export type ReportVersion = z.infer<typeof ZVersion>;
export type Paragraph = ReportDetail['content']['sections'][number]['paragraphs'][number];

export const reportKeys = {
  all: ['annualReports'] as const,
  list: ['annualReports', 'list'] as const,
  detail: (id: string) => ['annualReports', 'detail', id] as const,
  version: (id: string, n: number) => ['annualReports', 'version', id, n] as const,
};

export const useReports = () => useQuery({ queryKey: reportKeys.list, queryFn: () => api.get<ReportList>('/api/annual-reports') });
export const useReport = (id: string) =>
  useQuery({ queryKey: reportKeys.detail(id), queryFn: () => api.get<ReportDetail>(`/api/annual-reports/${encodeURIComponent(id)}`) });

export const stateColor: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'blue', published: 'green' };
