import { createBrowserRouter, NavLink, Outlet, RouterProvider, useNavigation } from 'react-router-dom';

import { ActivitiesPage } from '../features/activities/ActivitiesPage';
import { ActivityDetailPage } from '../features/activities/ActivityDetailPage';
import { activitiesLoader, activityDetailLoader } from '../features/activities/activity-loaders';
import { FunnelDetailPage } from '../features/funnels/FunnelDetailPage';
import { FunnelEditorPage } from '../features/funnels/FunnelEditorPage';
import { funnelDetailLoader, funnelEditorLoader, funnelsLoader } from '../features/funnels/funnel-loaders';
import { FunnelsPage } from '../features/funnels/FunnelsPage';
import { ArchivedGoalsPage } from '../features/goals/ArchivedGoalsPage';
import { DashboardPage } from '../features/goals/DashboardPage';
import { GoalDetailPage } from '../features/goals/GoalDetailPage';
import { GoalEditorPage } from '../features/goals/GoalEditorPage';
import {
  archivedGoalsLoader,
  dashboardLoader,
  goalDetailLoader,
  goalEditorLoader,
} from '../features/goals/goal-loaders';
import { EntryEditPage } from '../features/tracking/EntryEditPage';
import { IdleWatch } from '../features/tracking/IdleWatch';
import { ImportPage } from '../features/tracking/ImportPage';
import { OutcomesPage } from '../features/tracking/OutcomesPage';
import { RestorePage } from '../features/tracking/RestorePage';
import { entryEditLoader, importLoader, outcomesLoader, trackingLoader } from '../features/tracking/tracking-loaders';
import { TrackingPage } from '../features/tracking/TrackingPage';
import { SettingsPage } from '../features/workspace/SettingsPage';
import { settingsLoader } from '../features/workspace/workspace-api';
import { NotFoundPage, RouteErrorPage } from './RouteErrorPage';

function Layout() {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/" className="brand">
            Bigrock
          </NavLink>
          <nav aria-label="Main">
            <ul>
              <li>
                <NavLink to="/" end>
                  Dashboard
                </NavLink>
              </li>
              <li>
                <NavLink to="/goals/new">New goal</NavLink>
              </li>
              <li>
                <NavLink to="/tracking">Tracking</NavLink>
              </li>
              <li>
                <NavLink to="/activities">Activities</NavLink>
              </li>
              <li>
                <NavLink to="/funnels">Funnels</NavLink>
              </li>
              <li>
                <NavLink to="/archive">Archived</NavLink>
              </li>
              <li>
                <NavLink to="/settings">Settings</NavLink>
              </li>
            </ul>
          </nav>
        </div>
        {busy && <div className="progress-bar" role="progressbar" aria-label="Loading" />}
      </header>
      <main id="main" className="app-main" aria-busy={busy}>
        <Outlet />
      </main>
      <IdleWatch />
    </>
  );
}

function Loading() {
  return <p className="app-loading">Loading…</p>;
}

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        // Errors render inside the layout, so the navigation stays to find a way back.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, loader: dashboardLoader, element: <DashboardPage /> },
          { path: 'archive', loader: archivedGoalsLoader, element: <ArchivedGoalsPage /> },
          { path: 'goals/new', loader: goalEditorLoader, element: <GoalEditorPage /> },
          { path: 'goals/:id', loader: goalDetailLoader, element: <GoalDetailPage /> },
          { path: 'goals/:id/edit', loader: goalEditorLoader, element: <GoalEditorPage /> },
          { path: 'tracking', loader: trackingLoader, element: <TrackingPage /> },
          { path: 'tracking/import', loader: importLoader, element: <ImportPage /> },
          { path: 'tracking/entries/:id', loader: entryEditLoader, element: <EntryEditPage /> },
          { path: 'tracking/outcomes', loader: outcomesLoader, element: <OutcomesPage /> },
          { path: 'tracking/restore', element: <RestorePage /> },
          { path: 'activities', loader: activitiesLoader, element: <ActivitiesPage /> },
          { path: 'activities/:id', loader: activityDetailLoader, element: <ActivityDetailPage /> },
          { path: 'funnels', loader: funnelsLoader, element: <FunnelsPage /> },
          { path: 'funnels/new', loader: funnelEditorLoader, element: <FunnelEditorPage /> },
          { path: 'funnels/:id', loader: funnelDetailLoader, element: <FunnelDetailPage /> },
          { path: 'funnels/:id/edit', loader: funnelEditorLoader, element: <FunnelEditorPage /> },
          { path: 'settings', loader: settingsLoader, element: <SettingsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** The web app: a layout with the navigation, and a page per route, each loading its data first. */
export function App() {
  return <RouterProvider router={router} />;
}
