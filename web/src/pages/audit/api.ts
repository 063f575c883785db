/** Queries and types of the 访问日志 page; the types come from the server's own schema. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAccessEntry, ZAccessLogPage } from '../../../../src/modules/audit/schema';
import { api, qs } from '../../api/client';

export type AccessEntry = z.infer<typeof ZAccessEntry>;
export type AccessLogPage = z.infer<typeof ZAccessLogPage>;

export const PAGE_SIZE = 50;

export interface AccessLogFilter {
  user?: string;
  action?: string;
  resourceId?: string;
  subject?: string;
  from?: string;
  to?: string;
  page: number;
}

export const auditKeys = {
  access: (f: AccessLogFilter) => ['audit', 'access', f] as const,
};

export const useAccessLog = (f: AccessLogFilter, enabled = true) =>
  useQuery({
    queryKey: auditKeys.access(f),
    queryFn: () => api.get<AccessLogPage>(`/api/audit/access${qs({ ...f, page: f.page > 1 ? f.page : undefined, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
