import { createBrowserRouter, NavLink, Outlet, RouterProvider, useNavigation } from 'react-router-dom';

import { DashboardPage } from '../features/goals/DashboardPage';
import {
  archivedGoalsLoader,
  dashboardLoader,
  goalDetailLoader,
  goalEditorLoader,
} from '../features/goals/goal-loaders';
import { UndoProvider } from '../shared/UndoNotice';
import { MainNav } from './MainNav';
import { IdleWatch } from '../features/tracking/IdleWatch';
import { RunningTabTitle } from '../features/tracking/RunningTabTitle';
import { DigestWatch } from '../features/planner/DigestWatch';
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
          <MainNav />
        </div>
        {busy && <div className="progress-bar" role="progressbar" aria-label="Loading" />}
      </header>
      <main id="main" className="app-main" aria-busy={busy}>
        <DigestWatch />
        <UndoProvider>
          <Outlet />
        </UndoProvider>
      </main>
      <IdleWatch />
      <RunningTabTitle />
    </>
  );
}

function Loading() {
  return <p className="app-loading">Loading…</p>;
}

// The dashboard is the first page: it comes with the first load (and so do the goals' loaders,
// which share its module). Every other page, and the loaders it needs, is fetched when it is first
// visited, so the first load carries neither the forms, nor zod's schemas, nor the funnels' maths
// (bench/web-first-load.js measures it).
const activityLoaders = () => import('../features/activities/activity-loaders');
const funnelLoaders = () => import('../features/funnels/funnel-loaders');
const trackingLoaders = () => import('../features/tracking/tracking-loaders');
const plannerApi = () => import('../features/planner/planner-api');
const postsApi = () => import('../features/publishing/posts-api');

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
          {
            path: 'archive',
            loader: archivedGoalsLoader,
            lazy: {
              Component: async () => (await import('../features/goals/ArchivedGoalsPage')).ArchivedGoalsPage,
            },
          },
          {
            path: 'goals/new',
            loader: goalEditorLoader,
            lazy: {
              Component: async () => (await import('../features/goals/GoalEditorPage')).GoalEditorPage,
            },
          },
          {
            path: 'goals/:id',
            loader: goalDetailLoader,
            lazy: {
              Component: async () => (await import('../features/goals/GoalDetailPage')).GoalDetailPage,
            },
          },
          {
            path: 'goals/:id/edit',
            loader: goalEditorLoader,
            lazy: {
              Component: async () => (await import('../features/goals/GoalEditorPage')).GoalEditorPage,
            },
          },
          {
            path: 'tracking',
            lazy: {
              loader: async () => (await trackingLoaders()).trackingLoader,
              Component: async () => (await import('../features/tracking/TrackingPage')).TrackingPage,
            },
          },
          {
            path: 'tracking/import',
            lazy: {
              loader: async () => (await trackingLoaders()).importLoader,
              Component: async () => (await import('../features/tracking/ImportPage')).ImportPage,
            },
          },
          {
            path: 'tracking/entries/:id',
            lazy: {
              loader: async () => (await trackingLoaders()).entryEditLoader,
              Component: async () => (await import('../features/tracking/EntryEditPage')).EntryEditPage,
            },
          },
          {
            path: 'tracking/outcomes',
            lazy: {
              loader: async () => (await trackingLoaders()).outcomesLoader,
              Component: async () => (await import('../features/tracking/OutcomesPage')).OutcomesPage,
            },
          },
          {
            path: 'tracking/restore',
            lazy: { Component: async () => (await import('../features/tracking/RestorePage')).RestorePage },
          },
          {
            path: 'activities',
            lazy: {
              loader: async () => (await activityLoaders()).activitiesLoader,
              Component: async () => (await import('../features/activities/ActivitiesPage')).ActivitiesPage,
            },
          },
          {
            path: 'activities/:id',
            lazy: {
              loader: async () => (await activityLoaders()).activityDetailLoader,
              Component: async () => (await import('../features/activities/ActivityDetailPage')).ActivityDetailPage,
            },
          },
          {
            path: 'funnels',
            lazy: {
              loader: async () => (await funnelLoaders()).funnelsLoader,
              Component: async () => (await import('../features/funnels/FunnelsPage')).FunnelsPage,
            },
          },
          {
            path: 'funnels/new',
            lazy: {
              loader: async () => (await funnelLoaders()).funnelEditorLoader,
              Component: async () => (await import('../features/funnels/FunnelEditorPage')).FunnelEditorPage,
            },
          },
          {
            path: 'funnels/:id',
            lazy: {
              loader: async () => (await funnelLoaders()).funnelDetailLoader,
              Component: async () => (await import('../features/funnels/FunnelDetailPage')).FunnelDetailPage,
            },
          },
          {
            path: 'funnels/:id/edit',
            lazy: {
              loader: async () => (await funnelLoaders()).funnelEditorLoader,
              Component: async () => (await import('../features/funnels/FunnelEditorPage')).FunnelEditorPage,
            },
          },
          {
            path: 'focus',
            lazy: {
              loader: async () => (await import('../features/focus/focus-loaders')).focusLoader,
              Component: async () => (await import('../features/focus/FocusPage')).FocusPage,
            },
          },
          {
            path: 'week',
            lazy: {
              loader: async () => (await plannerApi()).weekLoader,
              Component: async () => (await import('../features/planner/WeekPage')).WeekPage,
            },
          },
          {
            path: 'today',
            lazy: {
              loader: async () => (await plannerApi()).todayLoader,
              Component: async () => (await import('../features/planner/TodayPage')).TodayPage,
            },
          },
          {
            path: 'review',
            lazy: {
              loader: async () => (await import('../features/review/review-api')).reviewLoader,
              Component: async () => (await import('../features/review/ReviewPage')).ReviewPage,
            },
          },
          {
            path: 'triage',
            lazy: {
              loader: async () => (await import('../features/triage/triage-api')).triageLoader,
              Component: async () => (await import('../features/triage/TriagePage')).TriagePage,
            },
          },
          {
            path: 'audit',
            lazy: {
              loader: async () => (await import('../features/audit/audit-api')).auditLoader,
              Component: async () => (await import('../features/audit/AuditPage')).AuditPage,
            },
          },
          {
            path: 'accounts',
            lazy: {
              loader: async () => (await import('../features/publishing/publishing-api')).accountsLoader,
              Component: async () => (await import('../features/publishing/AccountsPage')).AccountsPage,
            },
          },
          {
            path: 'rules',
            lazy: {
              loader: async () => (await import('../features/rules/rules-api')).rulesLoader,
              Component: async () => (await import('../features/rules/RulesPage')).RulesPage,
            },
          },
          {
            path: 'compose',
            lazy: {
              loader: async () => (await postsApi()).composeLoader,
              Component: async () => (await import('../features/publishing/ComposePage')).ComposePage,
            },
          },
          {
            path: 'queue',
            lazy: {
              loader: async () => (await postsApi()).queueLoader,
              Component: async () => (await import('../features/publishing/QueuePage')).QueuePage,
            },
          },
          {
            path: 'posts/:id',
            lazy: {
              loader: async () => (await postsApi()).postLoader,
              Component: async () => (await import('../features/publishing/PostPage')).PostPage,
            },
          },
          {
            path: 'settings',
            lazy: {
              loader: async () => (await import('../features/workspace/workspace-api')).settingsLoader,
              Component: async () => (await import('../features/workspace/SettingsPage')).SettingsPage,
            },
          },
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
