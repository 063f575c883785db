/** Queries and types of the 合同合法性审查 and 立法征询 pages; the types are inferred from the server's response schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZContractDetail, ZContractList, ZLegislativeDetail, ZLegislativeList } from '../../../../src/modules/contracts/responses';
import { api } from '../../api/client';

export type ContractList = z.infer<typeof ZContractList>;
export type ContractDetail = z.infer<typeof ZContractDetail>;
export type LegislativeList = z.infer<typeof ZLegislativeList>;
export type LegislativeDetail = z.infer<typeof ZLegislativeDetail>;

export const contractKeys = {
  all: ['contracts'] as const,
  list: ['contracts', 'list'] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
  legislative: ['legislative'] as const,
  legislativeDetail: (id: string) => ['legislative', id] as const,
};

export const useContracts = () => useQuery({ queryKey: contractKeys.list, queryFn: () => api.get<ContractList>('/api/contracts') });
export const useContract = (id: string) =>
  useQuery({ queryKey: contractKeys.detail(id), queryFn: () => api.get<ContractDetail>(`/api/contracts/${encodeURIComponent(id)}`) });
export const useLegislative = () => useQuery({ queryKey: contractKeys.legislative, queryFn: () => api.get<LegislativeList>('/api/legislative-consultations') });
export const useLegislativeOne = (id: string) =>
  useQuery({
    queryKey: contractKeys.legislativeDetail(id),
    queryFn: () => api.get<LegislativeDetail>(`/api/legislative-consultations/${encodeURIComponent(id)}`),
  });
