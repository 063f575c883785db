/** Queries and types of the 投诉举报 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZComplaintDetail, ZComplaintItem } from '../../../../src/modules/complaints/responses';
import { api } from '../../api/client';

export type ComplaintItem = z.infer<typeof ZComplaintItem>;
export type ComplaintDetail = z.infer<typeof ZComplaintDetail>;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (q: string) => ['complaints', 'list', q] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
};

export const useComplaints = (q: string) =>
  useQuery({ queryKey: complaintKeys.list(q), queryFn: () => api.get<{ items: ComplaintItem[]; total: number }>(`/api/complaints${q ? `?${q}` : ''}`) });
export const useComplaint = (id: string) =>
  useQuery({ queryKey: complaintKeys.detail(id), queryFn: () => api.get<ComplaintDetail>(`/api/complaints/${encodeURIComponent(id)}`) });
