import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { FullPageSpin, RequireSession } from './auth/session';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
import { chunks, usePreloadOnNavigate } from './routePreload';

// pages load lazily, their code grouped by menu area (web/vite.config.ts); routePreload.ts starts a page's code and data together
const LoginPage = lazy(chunks.login);
const AppLayout = lazy(chunks.layout);
const OrgsPage = lazy(chunks.orgs);
const UsersPage = lazy(chunks.users);
const OfficersPage = lazy(chunks.officers);
const OfficerDetailPage = lazy(chunks.officer);
const EligibilityPage = lazy(chunks.eligibility);
const RecordPage = lazy(chunks.record);
const LedgerPage = lazy(chunks.ledger);
const TreeHeadsPage = lazy(chunks.treeHeads);
const NotFoundPage = lazy(chunks.notFound);
const DeadlinesPage = lazy(chunks.deadlines);
const PowersPage = lazy(chunks.powers);
const PowerDetailPage = lazy(chunks.power);
const LawSearchPage = lazy(chunks.laws);
const LawPage = lazy(chunks.law);
const ArticlePage = lazy(chunks.article);
const BasisFlagsPage = lazy(chunks.basisFlags);
const DiscretionPage = lazy(chunks.discretion);
const ViolationPage = lazy(chunks.violation);
const CasesPage = lazy(chunks.cases);
const CasePage = lazy(chunks.case);
const HomeRedirect = lazy(chunks.home);
const InspectionsPage = lazy(chunks.inspections);
const InspectionTaskPage = lazy(chunks.task);
const MyInspectionsPage = lazy(chunks.myInspections);
const PublicityPage = lazy(chunks.publicity);
const FiguresPage = lazy(chunks.figures);
const FigurePage = lazy(chunks.figure);
const FigureSetPage = lazy(chunks.figureSet);
const PublicationPage = lazy(chunks.publication);
const AccessLogPage = lazy(chunks.accessLog);
const RulesPage = lazy(chunks.rules);
const TodoPage = lazy(chunks.todo);
// 亮证 (the user menu's 我的执法证)
const MyCertificatePage = lazy(() => import('./pages/MyCertificatePage'));
// 合法性审查、合同合法性审查、立法征询
const LegalityPage = lazy(() => import('./pages/legality/LegalityPage'));
const LegalityReviewPage = lazy(() => import('./pages/legality/ReviewPage'));
// 行政复议和行政应诉
const RemediesPage = lazy(() => import('./pages/remedies/RemediesPage'));
const ReconsiderationPage = lazy(() => import('./pages/remedies/ReconsiderationPage'));
const LawsuitPage = lazy(() => import('./pages/remedies/LawsuitPage'));
const ContractsPage = lazy(() => import('./pages/contracts/ContractsPage'));
const ContractPage = lazy(() => import('./pages/contracts/ContractPage'));
const LegislativeListPage = lazy(() => import('./pages/contracts/LegislativePage'));
const LegislativeConsultationPage = lazy(() => import('./pages/contracts/LegislativePage').then((m) => ({ default: m.LegislativeConsultationPage })));
const DisclosureListPage = lazy(() => import('./pages/disclosure/DisclosurePage'));
const DisclosureRequestPage = lazy(() => import('./pages/disclosure/DisclosurePage').then((m) => ({ default: m.DisclosureRequestPage })));
const RecommendationsPage = lazy(() => import('./pages/recommendations/RecommendationsPage'));
const RecommendationPage = lazy(() => import('./pages/recommendations/RecommendationsPage').then((m) => ({ default: m.RecommendationPage })));
// 重大行政决策
const MajorDecisionsPage = lazy(() => import('./pages/majorDecisions/MajorDecisionsPage'));
const DecisionCataloguePage = lazy(() => import('./pages/majorDecisions/CataloguePage'));
const MajorDecisionPage = lazy(() => import('./pages/majorDecisions/DecisionPage'));
const DecisionArchivePage = lazy(() => import('./pages/majorDecisions/ArchivePage'));
// 规范性文件
const NormativeDocumentsPage = lazy(() => import('./pages/normativeDocuments/NormativeDocumentsPage'));
const NormativeDocumentPage = lazy(() => import('./pages/normativeDocuments/DocumentPage'));

// 公开征求意见、公平竞争审查
const ConsultationsPage = lazy(() => import('./pages/consultations/ConsultationsPage'));
const ConsultationPage = lazy(() => import('./pages/consultations/ConsultationPage'));
const ComplaintsPage = lazy(() => import('./pages/complaints/ComplaintsPage'));
const ComplaintPage = lazy(() => import('./pages/complaints/ComplaintPage'));
const FairCompetitionPage = lazy(() => import('./pages/fairCompetition/FairCompetitionPage'));
const FairCompetitionReviewPage = lazy(() => import('./pages/fairCompetition/ReviewPage'));
// 年度报告
const AnnualReportsPage = lazy(() => import('./pages/annualReports/AnnualReportsPage'));
const AnnualReportPage = lazy(() => import('./pages/annualReports/AnnualReportPage'));

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
  usePreloadOnNavigate();
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
        <Route path="me/certificate" element={load(<MyCertificatePage />)} />
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
        <Route path="figures" element={load(<FiguresPage />)} />
        <Route path="figures/sets/:id" element={load(<FigureSetPage />)} />
        <Route path="figures/:id" element={load(<FigurePage />)} />
        <Route path="publicity/:id" element={load(<PublicationPage />)} />
        <Route path="normative-documents" element={load(<NormativeDocumentsPage />)} />
        <Route path="normative-documents/:id" element={load(<NormativeDocumentPage />)} />
        <Route path="consultations" element={load(<ConsultationsPage />)} />
        <Route path="consultations/:id" element={load(<ConsultationPage />)} />
        <Route path="complaints" element={load(<ComplaintsPage />)} />
        <Route path="complaints/:id" element={load(<ComplaintPage />)} />
        <Route path="fair-competition" element={load(<FairCompetitionPage />)} />
        <Route path="fair-competition/:id" element={load(<FairCompetitionReviewPage />)} />
        <Route path="major-decisions" element={load(<MajorDecisionsPage />)} />
        <Route path="major-decisions/catalogues/:id" element={load(<DecisionCataloguePage />)} />
        <Route path="major-decisions/:id" element={load(<MajorDecisionPage />)} />
        <Route path="major-decisions/:id/archive" element={load(<DecisionArchivePage />)} />
        <Route path="legality/reviews" element={load(<LegalityPage />)} />
        <Route path="legality/reviews/:id" element={load(<LegalityReviewPage />)} />
        <Route path="contracts" element={load(<ContractsPage />)} />
        <Route path="contracts/:id" element={load(<ContractPage />)} />
        <Route path="legislative-consultations" element={load(<LegislativeListPage />)} />
        <Route path="legislative-consultations/:id" element={load(<LegislativeConsultationPage />)} />
        <Route path="remedies" element={load(<RemediesPage />)} />
        <Route path="remedies/reconsiderations/:id" element={load(<ReconsiderationPage />)} />
        <Route path="remedies/lawsuits/:id" element={load(<LawsuitPage />)} />
        <Route path="annual-reports" element={load(<AnnualReportsPage />)} />
        <Route path="annual-reports/:id" element={load(<AnnualReportPage />)} />
        <Route path="disclosure" element={load(<DisclosureListPage />)} />
        <Route path="disclosure/:id" element={load(<DisclosureRequestPage />)} />
        <Route path="recommendations" element={load(<RecommendationsPage />)} />
        <Route path="recommendations/:id" element={load(<RecommendationPage />)} />
        <Route path="cases" element={load(<CasesPage />)} />
        <Route path="cases/:id" element={load(<CasePage />)} />
        <Route path="*" element={load(<NotFoundPage />)} />
      </Route>
    </Routes>
  );
}
