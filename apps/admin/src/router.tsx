import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAccess } from './auth/require-access.js';
import { Layout } from './components/layout.js';
import { RouteError } from './components/route-error.js';
import { AccountPage } from './pages/account-page.js';
import { AuditPage } from './pages/audit-page.js';
import { IndicatorListPage } from './pages/catalogue/indicator-list-page.js';
import { IndicatorPage } from './pages/catalogue/indicator-page.js';
import { SchemeListPage } from './pages/catalogue/scheme-list-page.js';
import { SchemePage } from './pages/catalogue/scheme-page.js';
import { SourcesPage } from './pages/catalogue/sources-page.js';
import { HealthPage } from './pages/health-page.js';
import { LoginPage } from './pages/login-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SectionPage } from './pages/section-page.js';
import { SubmissionListPage } from './pages/submissions/submission-list-page.js';
import { SubmissionPage } from './pages/submissions/submission-page.js';
import { UploadPage } from './pages/submissions/upload-page.js';
import { TokensPage } from './pages/tokens-page.js';
import { UsersPage } from './pages/users-page.js';
import { sections } from './sections.js';

/** A route only the users who may call `procedure` reach; the others see "Not allowed". */
const guarded = (path: string, procedure: string, page: ReactNode) => ({
  path,
  element: <RequireAccess procedure={procedure}>{page}</RequireAccess>,
});

const pendingSections = sections.filter((section) => !section.isReady);

export const router = createBrowserRouter([
  { path: 'login', element: <LoginPage />, errorElement: <RouteError /> },
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/system" replace /> },
      { path: 'system', element: <HealthPage /> },
      { path: 'catalogue', element: <IndicatorListPage /> },
      { path: 'catalogue/indicators/:code', element: <IndicatorPage /> },
      { path: 'catalogue/classifications', element: <SchemeListPage /> },
      { path: 'catalogue/classifications/:id', element: <SchemePage /> },
      { path: 'catalogue/sources', element: <SourcesPage /> },
      guarded('submissions', 'submissions.list', <SubmissionListPage />),
      guarded('submissions/upload', 'submissions.upload', <UploadPage />),
      guarded('submissions/:country/:id', 'submissions.get', <SubmissionPage />),
      guarded('users', 'users.list', <UsersPage />),
      guarded('audit', 'audit.list', <AuditPage />),
      { path: 'tokens', element: <TokensPage /> },
      { path: 'account', element: <AccountPage /> },
      ...pendingSections.map((section) => ({ path: section.path, element: <SectionPage section={section} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
