/** TanStack Query hooks and keys shared by the pages. */
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, qs, setCsrfToken } from './client';
import type { EnforcementReference, MatterRecord, Officer, OfficerDetail, Org, Session, User } from './types';

export const keys = {
  session: ['session'] as const,
  orgs: ['orgs'] as const,
  users: (filter: object = {}) => ['users', filter] as const,
  officers: (filter: object = {}) => ['officers', filter] as const,
  officer: (id: string) => ['officer', id] as const,
  reference: ['reference', 'enforcement'] as const,
  matter: (type: string, id: string) => ['matter', type, id] as const,
  ledger: ['ledger'] as const,
  treeHeads: ['treeHeads'] as const,
};

/** The signed-in user, or null when not logged in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const s = await api.get<Session>('/api/auth/me');
    setCsrfToken(s.csrfToken);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/**
 * The session the server inlined into the page (`<script type="application/json" id="fazhi-session">`, see
 * src/modules/auth/session.ts): the user, or null when the request had no valid session; undefined when the page
 * carries none (the Vite dev server), and then /api/auth/me is asked as before. Read once: the element is removed.
 */
export function takeInlinedSession(): Session | null | undefined {
  const el = document.getElementById('fazhi-session');
  if (!el) return undefined;
  el.remove();
  try {
    return JSON.parse(el.textContent ?? '') as Session | null;
  } catch {
    return undefined;
  }
}

export const useSessionQuery = () => useQuery({ queryKey: keys.session, queryFn: fetchSession, staleTime: Infinity, retry: false });

export const useOrgs = () => useQuery({ queryKey: keys.orgs, queryFn: () => api.get<{ items: Org[] }>('/api/orgs').then((r) => r.items), staleTime: 60_000 });

export const useReference = () =>
  useQuery({ queryKey: keys.reference, queryFn: () => api.get<EnforcementReference>('/api/reference/enforcement'), staleTime: Infinity });

export interface OfficerFilter {
  orgId?: string;
  q?: string;
  field?: string;
  certificateStatus?: string;
}

export const useOfficers = (filter: OfficerFilter = {}, enabled = true) =>
  useQuery({
    queryKey: keys.officers(filter),
    queryFn: () => api.get<{ items: Officer[] }>(`/api/officers${qs({ ...filter })}`).then((r) => r.items),
    enabled,
    placeholderData: (prev) => prev,
  });

export const useOfficer = (id: string) =>
  useQuery({ queryKey: keys.officer(id), queryFn: () => api.get<OfficerDetail>(`/api/officers/${encodeURIComponent(id)}`) });

export const useUsers = (filter: { orgId?: string; q?: string } = {}, enabled = true) =>
  useQuery({
    queryKey: keys.users(filter),
    queryFn: () => api.get<{ items: User[] }>(`/api/users${qs({ ...filter })}`).then((r) => r.items),
    enabled,
    placeholderData: (prev) => prev,
  });

export const useMatterRecord = (type: string, id: string, enabled = true) =>
  useQuery({
    queryKey: keys.matter(type, id),
    queryFn: () => api.get<MatterRecord>(`/api/record/matters/${encodeURIComponent(type)}/${encodeURIComponent(id)}`),
    enabled,
  });
