import { createBrowserRouter, Navigate } from 'react-router';
import { Layout } from './components/layout.js';
import { RouteError } from './components/route-error.js';
import { HealthPage } from './pages/health-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { SectionPage } from './pages/section-page.js';
import { sections } from './sections.js';

const pendingSections = sections.filter((section) => !section.isReady);

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/system" replace /> },
      { path: 'system', element: <HealthPage /> },
      ...pendingSections.map((section) => ({ path: section.path, element: <SectionPage section={section} /> })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
