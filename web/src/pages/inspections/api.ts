/** Queries and types of the 双随机、一公开 pages; the types come from the server's schemas. */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZAssignment,
  ZImportJob,
  ZInspector,
  ZItem,
  ZMyAssignment,
  ZPlan,
  ZStats,
  ZTargetPage,
  ZTask,
  ZDrawCheck,
} from '../../../../src/modules/inspections/schema.ts';
import { api, qs } from '../../api/client';

export type InspectionItem = z.infer<typeof ZItem>;
export type TargetPage = z.infer<typeof ZTargetPage>;
export type Inspector = z.infer<typeof ZInspector>;
export type Plan = z.infer<typeof ZPlan>;
export type Task = z.infer<typeof ZTask>;
export type Assignment = z.infer<typeof ZAssignment>;
export type MyAssignment = z.infer<typeof ZMyAssignment>;
export type ImportJob = z.infer<typeof ZImportJob>;
export type Stats = z.infer<typeof ZStats>;
export type DrawCheck = z.infer<typeof ZDrawCheck>;

export { findingLabels, inspectionMethodLabels } from '../../../../src/modules/inspections/vocabulary.ts';
export { riskClassLabels } from '../../../../src/domain/inspections/targets.ts';

export const inspectionKeys = {
  all: ['inspections'] as const,
  items: ['inspections', 'items'] as const,
  targets: (f: object) => ['inspections', 'targets', f] as const,
  inspectors: (f: object) => ['inspections', 'inspectors', f] as const,
  plans: ['inspections', 'plans'] as const,
  task: (id: string) => ['inspections', 'task', id] as const,
  assignments: (id: string) => ['inspections', 'assignments', id] as const,
  mine: ['inspections', 'mine'] as const,
  stats: (year: number) => ['inspections', 'stats', year] as const,
};

export const useItems = () =>
  useQuery({ queryKey: inspectionKeys.items, queryFn: () => api.get<{ items: InspectionItem[] }>('/api/inspections/items').then((r) => r.items) });
export const useTargets = (f: { q?: string; riskClass?: string; industry?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: inspectionKeys.targets(f), queryFn: () => api.get<TargetPage>(`/api/inspections/targets${qs(f)}`), placeholderData: (prev) => prev });
export const useInspectors = (f: { field?: string }) =>
  useQuery({
    queryKey: inspectionKeys.inspectors(f),
    queryFn: () => api.get<{ items: Inspector[] }>(`/api/inspections/inspectors${qs(f)}`).then((r) => r.items),
  });
export const usePlans = () =>
  useQuery({ queryKey: inspectionKeys.plans, queryFn: () => api.get<{ items: Plan[] }>('/api/inspections/plans').then((r) => r.items) });
export const useTask = (id: string) =>
  useQuery({ queryKey: inspectionKeys.task(id), queryFn: () => api.get<Task>(`/api/inspections/tasks/${encodeURIComponent(id)}`) });
export const useAssignments = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: inspectionKeys.assignments(id),
    queryFn: () => api.get<{ items: Assignment[] }>(`/api/inspections/tasks/${encodeURIComponent(id)}/assignments`).then((r) => r.items),
    enabled,
  });
export const useMine = () =>
  useQuery({ queryKey: inspectionKeys.mine, queryFn: () => api.get<{ items: MyAssignment[] }>('/api/inspections/mine').then((r) => r.items) });
export const useStats = (year: number) =>
  useQuery({ queryKey: inspectionKeys.stats(year), queryFn: () => api.get<Stats>(`/api/inspections/stats${qs({ year })}`) });
