import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { FullPageSpin, RequireSession } from './auth/session';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';

// every page is its own chunk; the initial bundle holds only the shell
const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);
const LoginPage = page(() => import('./pages/LoginPage'));
const AppLayout = page(() => import('./layout/AppLayout'));
const OrgsPage = page(() => import('./pages/OrgsPage'));
const UsersPage = page(() => import('./pages/UsersPage'));
const OfficersPage = page(() => import('./pages/OfficersPage'));
const OfficerDetailPage = page(() => import('./pages/OfficerDetailPage'));
const EligibilityPage = page(() => import('./pages/EligibilityPage'));
const RecordPage = page(() => import('./pages/RecordPage'));
const LedgerPage = page(() => import('./pages/LedgerPage'));
const TreeHeadsPage = page(() => import('./pages/TreeHeadsPage'));
const NotFoundPage = page(() => import('./pages/NotFoundPage'));
const DeadlinesPage = page(() => import('./pages/calendar/DeadlinesPage'));
const PowersPage = page(() => import('./pages/powers/PowersPage'));
const PowerDetailPage = page(() => import('./pages/powers/PowerDetailPage'));
const LawSearchPage = page(() => import('./pages/laws/LawSearchPage'));
const LawPage = page(() => import('./pages/laws/LawPage'));
const ArticlePage = page(() => import('./pages/laws/ArticlePage'));
const BasisFlagsPage = page(() => import('./pages/laws/BasisFlagsPage'));
const DiscretionPage = page(() => import('./pages/discretion/DiscretionPage'));
const ViolationPage = page(() => import('./pages/discretion/ViolationPage'));
const CasesPage = page(() => import('./pages/cases/CasesPage'));
const CasePage = page(() => import('./pages/cases/CasePage'));
const HomeRedirect = page(() => import('./pages/cases/parts').then((m) => ({ default: m.HomeRedirect })));
const InspectionsPage = page(() => import('./pages/inspections/InspectionsPage'));
const InspectionTaskPage = page(() => import('./pages/inspections/TaskPage'));
const MyInspectionsPage = page(() => import('./pages/inspections/MyInspectionsPage'));
const PublicityPage = page(() => import('./pages/publicity/PublicityPage'));
const PublicationPage = page(() => import('./pages/publicity/PublicationPage'));
const AccessLogPage = page(() => import('./pages/audit/AccessLogPage'));
const RulesPage = page(() => import('./pages/rules/RulesPage'));
const TodoPage = page(() => import('./pages/TodoPage'));

function Lazy({ children, resetOnNavigate = true }: { children: ReactNode; resetOnNavigate?: boolean }) {
  // pages are keyed by path, so an error on one page is forgotten when the user navigates away;
  // the layout is not, so it stays mounted across navigation
  const { pathname } = useLocation();
  return (
    <RouteErrorBoundary key={resetOnNavigate ? pathname : 'layout'}>
      <Suspense fallback={<FullPageSpin />}>{children}</Suspense>
    </RouteErrorBoundary>
  );
}

const load = (node: ReactNode) => <Lazy>{node}</Lazy>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={load(<LoginPage />)} />
      <Route
        path="/"
        element={
          <RequireSession>
            <Lazy resetOnNavigate={false}>
              <AppLayout />
            </Lazy>
          </RequireSession>
        }
      >
        <Route index element={load(<HomeRedirect />)} />
        <Route path="todo" element={load(<TodoPage />)} />
        <Route path="orgs" element={load(<OrgsPage />)} />
        <Route path="users" element={load(<UsersPage />)} />
        <Route path="officers" element={load(<OfficersPage />)} />
        <Route path="officers/:id" element={load(<OfficerDetailPage />)} />
        <Route path="eligibility" element={load(<EligibilityPage />)} />
        <Route path="record/ledger" element={load(<LedgerPage />)} />
        <Route path="record/tree-heads" element={load(<TreeHeadsPage />)} />
        <Route path="record/:matterType/:matterId" element={load(<RecordPage />)} />
        <Route path="audit/access" element={load(<AccessLogPage />)} />
        <Route path="deadlines" element={load(<DeadlinesPage />)} />
        <Route path="rules" element={load(<RulesPage />)} />
        <Route path="powers" element={load(<PowersPage />)} />
        <Route path="powers/:id" element={load(<PowerDetailPage />)} />
        <Route path="laws" element={load(<LawSearchPage />)} />
        <Route path="laws/sources/:id" element={load(<LawPage />)} />
        <Route path="laws/articles/:id" element={load(<ArticlePage />)} />
        <Route path="laws/basis-flags" element={load(<BasisFlagsPage />)} />
        <Route path="discretion" element={load(<DiscretionPage />)} />
        <Route path="discretion/violations/:id" element={load(<ViolationPage />)} />
        <Route path="inspections" element={load(<InspectionsPage />)} />
        <Route path="inspections/tasks/:id" element={load(<InspectionTaskPage />)} />
        <Route path="inspections/mine" element={load(<MyInspectionsPage />)} />
        <Route path="publicity" element={load(<PublicityPage />)} />
        <Route path="publicity/:id" element={load(<PublicationPage />)} />
        <Route path="cases" element={load(<CasesPage />)} />
        <Route path="cases/:id" element={load(<CasePage />)} />
        <Route path="*" element={load(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
