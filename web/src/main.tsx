import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError, setCsrfToken } from './api/client';
import { keys, takeInlinedSession } from './api/queries';
import { preloadRoute } from './routePreload';
import { AppRoutes } from './routes';
import './styles.css';

dayjs.locale('zh-cn');

/** A 401 from any request means the session ended: drop it, and the router shows the login page. */
const onError = (err: unknown, key?: readonly unknown[]) => {
  if (err instanceof ApiError && err.status === 401 && key?.[0] !== keys.session[0]) queryClient.setQueryData(keys.session, null);
};

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (err, query) => onError(err, query.queryKey) }),
  mutationCache: new MutationCache({ onError: (err) => onError(err) }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      // client errors (403, 404, 422…) will not change by retrying
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
  },
});

// the session came with the page: no /api/auth/me before the first screen; the page's code and data start now
const session = takeInlinedSession();
if (session !== undefined) {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(keys.session, session);
}
preloadRoute(queryClient, window.location.pathname, window.location.search, session);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f4fa3', borderRadius: 4 } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
