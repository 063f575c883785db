/** Queries and types of the 政府信息公开申请 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZDisclosureDetail, ZDisclosureList } from '../../../../src/modules/disclosure/responses';
import { api } from '../../api/client';

export type DisclosureList = z.infer<typeof ZDisclosureList>;
export type DisclosureDetail = z.infer<typeof ZDisclosureDetail>;

export const disclosureKeys = {
  list: ['disclosure', 'list'] as const,
  detail: (id: string) => ['disclosure', 'detail', id] as const,
};

export const useDisclosures = () => useQuery({ queryKey: disclosureKeys.list, queryFn: () => api.get<DisclosureList>('/api/disclosure-requests?limit=500') });
export const useDisclosure = (id: string) =>
  useQuery({ queryKey: disclosureKeys.detail(id), queryFn: () => api.get<DisclosureDetail>(`/api/disclosure-requests/${encodeURIComponent(id)}`) });
