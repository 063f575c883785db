import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client';
import { keys, useSessionQuery } from '../api/queries';
import type { Session } from '../api/types';
import { ChangePasswordModal } from '../layout/ChangePasswordModal';

const SessionContext = createContext<Session | null>(null);

/** The signed-in user, their CSRF token and menu abilities (inside <RequireSession> only). */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside <RequireSession>');
  return s;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Restores the session from /api/auth/me; sends visitors without one to the login page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, error, refetch } = useSessionQuery();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={error.message}
        extra={
          <Button type="primary" onClick={() => refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!data) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (data.mustChangePassword) return <ForcedPasswordChange />;
  return <SessionContext.Provider value={data}>{children}</SessionContext.Provider>;
}

/** A password set by an administrator: the API answers nothing else until it is changed (PASSWORD_CHANGE_REQUIRED). */
function ForcedPasswordChange() {
  const queryClient = useQueryClient();
  const logout = useLogout();
  return <ChangePasswordModal open forced onClose={() => queryClient.invalidateQueries({ queryKey: keys.session })} onLogout={() => logout.mutate()} />;
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(keys.session, null);
      navigate('/login', { replace: true });
    },
  });
}
