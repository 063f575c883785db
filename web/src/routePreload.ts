/**
 * Loading a page in parallel (docs/architecture.md「Console loading」): as soon as a path is known — at start-up,
 * before React renders, and on every navigation — its code chunk and its first data requests start together,
 * instead of the data waiting for the chunk that asks for it. The data requests use the very keys and requests the
 * page's hooks use (so the page finds them in the cache, or joins the request in flight); a page not listed here,
 * or a query left out, is simply fetched by the page as before.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { matchPath, useLocation } from 'react-router';
import { api, qs } from './api/client';
import { keys } from './api/queries';
import type { Session } from './api/types';
import { caseKeys } from './pages/cases/api';
import { discretionKeys } from './pages/discretion/api';
import { inspectionKeys } from './pages/inspections/api';
import { lawKeys } from './pages/laws/api';
import { powerKeys } from './pages/powers/api';
import { PAGE_SIZE as PUBLICATIONS_PAGE, publicityKeys } from './pages/publicity/api';

/** The code of each page (routes.tsx makes them lazy components; the bundler groups them by menu area). */
export const chunks = {
  login: () => import('./pages/LoginPage'),
  layout: () => import('./layout/AppLayout'),
  orgs: () => import('./pages/OrgsPage'),
  users: () => import('./pages/UsersPage'),
  officers: () => import('./pages/OfficersPage'),
  officer: () => import('./pages/OfficerDetailPage'),
  eligibility: () => import('./pages/EligibilityPage'),
  record: () => import('./pages/RecordPage'),
  ledger: () => import('./pages/LedgerPage'),
  treeHeads: () => import('./pages/TreeHeadsPage'),
  notFound: () => import('./pages/NotFoundPage'),
  deadlines: () => import('./pages/calendar/DeadlinesPage'),
  powers: () => import('./pages/powers/PowersPage'),
  power: () => import('./pages/powers/PowerDetailPage'),
  laws: () => import('./pages/laws/LawSearchPage'),
  law: () => import('./pages/laws/LawPage'),
  article: () => import('./pages/laws/ArticlePage'),
  basisFlags: () => import('./pages/laws/BasisFlagsPage'),
  discretion: () => import('./pages/discretion/DiscretionPage'),
  violation: () => import('./pages/discretion/ViolationPage'),
  cases: () => import('./pages/cases/CasesPage'),
  case: () => import('./pages/cases/CasePage'),
  home: () => import('./pages/cases/parts').then((m) => ({ default: m.HomeRedirect })),
  inspections: () => import('./pages/inspections/InspectionsPage'),
  task: () => import('./pages/inspections/TaskPage'),
  myInspections: () => import('./pages/inspections/MyInspectionsPage'),
  publicity: () => import('./pages/publicity/PublicityPage'),
  publication: () => import('./pages/publicity/PublicationPage'),
  figures: () => import('./pages/figures/FiguresPage'),
  figure: () => import('./pages/figures/FigurePage'),
  figureSet: () => import('./pages/figures/FigureSetPage'),
  accessLog: () => import('./pages/audit/AccessLogPage'),
  rules: () => import('./pages/rules/RulesPage'),
  todo: () => import('./pages/TodoPage'),
  annualReports: () => import('./pages/annualReports/AnnualReportsPage'),
  annualReport: () => import('./pages/annualReports/AnnualReportPage'),
};

interface Ctx {
  qc: QueryClient;
  params: Record<string, string | undefined>;
  search: URLSearchParams;
  session: Session;
}

const get =
  <T>(path: string, pick?: (r: T) => unknown) =>
  () =>
    api.get<T>(path).then((r) => (pick ? pick(r) : r));
const items = (r: { items: unknown[] }) => r.items;

/** Each page's path, its chunk and (when the URL is the page's plain, unfiltered view) the queries it starts with. */
const routes: Array<{ path: string; chunk: keyof typeof chunks; data?: (c: Ctx) => void }> = [
  { path: '/', chunk: 'home' },
  { path: '/login', chunk: 'login' },
  // TodoPage's useTodo
  { path: '/todo', chunk: 'todo', data: ({ qc }) => qc.prefetchQuery({ queryKey: ['todo', 'list'], queryFn: get('/api/todo') }) },
  {
    path: '/cases',
    chunk: 'cases',
    data: ({ qc, search, session }) => {
      qc.prefetchQuery({ queryKey: caseKeys.reference, queryFn: get('/api/cases/reference') });
      if (search.size > 0) return;
      // CasesPage's default inbox by role, and useCases
      const r = session.user.roles;
      const inbox = r.includes('legalReviewer') ? 'review' : r.includes('leader') ? 'approve' : r.includes('officer') ? 'mine' : undefined;
      const f = { inbox } as const;
      qc.prefetchQuery({ queryKey: caseKeys.list(f), queryFn: get(`/api/cases${qs({ ...f, limit: 200 })}`) });
    },
  },
  {
    path: '/cases/:id',
    chunk: 'case',
    data: ({ qc, params }) => {
      const id = encodeURIComponent(params.id ?? '');
      qc.prefetchQuery({ queryKey: caseKeys.detail(params.id ?? ''), queryFn: get(`/api/cases/${id}`) });
      qc.prefetchQuery({ queryKey: caseKeys.reference, queryFn: get('/api/cases/reference') });
      qc.prefetchQuery({ queryKey: keys.matter('case', params.id ?? ''), queryFn: get(`/api/record/matters/case/${id}`) });
    },
  },
  {
    path: '/officers',
    chunk: 'officers',
    data: ({ qc, search }) => {
      qc.prefetchQuery({ queryKey: keys.reference, queryFn: get('/api/reference/enforcement') });
      if (search.size === 0) qc.prefetchQuery({ queryKey: keys.officers({}), queryFn: get('/api/officers', items) });
    },
  },
  { path: '/officers/:id', chunk: 'officer' },
  { path: '/orgs', chunk: 'orgs', data: ({ qc }) => qc.prefetchQuery({ queryKey: keys.orgs, queryFn: get('/api/orgs', items) }) },
  { path: '/users', chunk: 'users' },
  { path: '/eligibility', chunk: 'eligibility' },
  {
    path: '/record/ledger',
    chunk: 'ledger',
    data: ({ qc }) => {
      qc.prefetchQuery({ queryKey: keys.orgs, queryFn: get('/api/orgs', items) });
      // LedgerPage's first page (limit 50)
      qc.prefetchInfiniteQuery({ queryKey: keys.ledger, queryFn: get('/api/record/entries?limit=50'), initialPageParam: undefined });
    },
  },
  { path: '/record/tree-heads', chunk: 'treeHeads' },
  { path: '/record/:matterType/:matterId', chunk: 'record' },
  { path: '/audit/access', chunk: 'accessLog' },
  { path: '/deadlines', chunk: 'deadlines' },
  { path: '/rules', chunk: 'rules' },
  {
    path: '/powers',
    chunk: 'powers',
    data: ({ qc, search }) => {
      qc.prefetchQuery({ queryKey: powerKeys.bodies, queryFn: get('/api/powers/bodies', items) });
      if (search.size > 0) return;
      qc.prefetchQuery({ queryKey: powerKeys.list({}), queryFn: get('/api/powers') });
      qc.prefetchQuery({ queryKey: powerKeys.summary({}), queryFn: get('/api/powers/summary') });
    },
  },
  { path: '/powers/:id', chunk: 'power' },
  {
    path: '/laws',
    chunk: 'laws',
    data: ({ qc, search }) => {
      if (search.size === 0) qc.prefetchQuery({ queryKey: lawKeys.sources({}), queryFn: get('/api/laws', items) });
    },
  },
  { path: '/laws/sources/:id', chunk: 'law' },
  { path: '/laws/articles/:id', chunk: 'article' },
  { path: '/laws/basis-flags', chunk: 'basisFlags' },
  {
    path: '/discretion',
    chunk: 'discretion',
    data: ({ qc, search }) => {
      qc.prefetchQuery({ queryKey: discretionKeys.reference, queryFn: get('/api/discretion/reference') });
      if (search.size === 0) qc.prefetchQuery({ queryKey: discretionKeys.violations({}), queryFn: get('/api/discretion/violations', items) });
    },
  },
  { path: '/discretion/violations/:id', chunk: 'violation' },
  {
    path: '/inspections',
    chunk: 'inspections',
    data: ({ qc, search }) => {
      // the first tab: plans and tasks
      if (search.size === 0) qc.prefetchQuery({ queryKey: inspectionKeys.plans, queryFn: get('/api/inspections/plans', items) });
    },
  },
  { path: '/inspections/tasks/:id', chunk: 'task' },
  { path: '/inspections/mine', chunk: 'myInspections' },
  {
    path: '/publicity',
    chunk: 'publicity',
    data: ({ qc, search }) => {
      // the first tab, its first page (PublicityPage's usePublications)
      if (search.size > 0) return;
      qc.prefetchQuery({
        queryKey: publicityKeys.list({ page: 1 }),
        queryFn: get(`/api/publicity/publications${qs({ limit: PUBLICATIONS_PAGE, offset: 0 })}`),
      });
    },
  },
  { path: '/publicity/:id', chunk: 'publication' },
  { path: '/figures', chunk: 'figures' },
  { path: '/annual-reports', chunk: 'annualReports' },
  { path: '/annual-reports/:id', chunk: 'annualReport' },
  { path: '/figures/sets/:id', chunk: 'figureSet' },
  { path: '/figures/:id', chunk: 'figure' },
];

/** Starts loading the page at `pathname`: its chunk (and the layout's) always, its data when signed in. */
export function preloadRoute(qc: QueryClient, pathname: string, search: string, session: Session | null | undefined): void {
  const route = routes.find((r) => matchPath(r.path, pathname));
  const signedIn = !!session && !session.mustChangePassword;
  if (pathname !== '/login') void chunks.layout().catch(() => {});
  void (route ? chunks[route.chunk] : chunks.notFound)().catch(() => {});
  if (!signedIn || !route?.data) return;
  // the header's 待办 count (TodoBell)
  qc.prefetchQuery({ queryKey: ['todo', 'count'], queryFn: get('/api/todo/count') });
  const params = matchPath(route.path, pathname)?.params ?? {};
  route.data({ qc, params, search: new URLSearchParams(search), session });
}

/** Called by the router on every render: starts the next page's chunk and data when the location changes. */
export function usePreloadOnNavigate(): void {
  const qc = useQueryClient();
  const { pathname, search } = useLocation();
  const last = useRef('');
  if (last.current !== pathname + search) {
    last.current = pathname + search;
    preloadRoute(qc, pathname, search, qc.getQueryData<Session | null>(keys.session));
  }
}
