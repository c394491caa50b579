import type { RouteObject } from 'react-router';
import { Shell } from './Shell';
import { RequireViewer } from './session';
import { RouteError } from '../features/errors/RouteError';
import { NotFoundPage } from '../features/errors/NotFoundPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { Loading } from '../ui/Loading';

/**
 * The route tree. Only the dashboard ships in the initial bundle; every other page is loaded on
 * demand (the document page with Tiptap and Yjs is by far the largest), keeping the first load
 * within the 250 KB gzip budget.
 */
export const appRoutes: RouteObject[] = [
  {
    element: <Shell />,
    errorElement: <RouteError />,
    // Shown while a lazily loaded route's code arrives on the very first page load.
    hydrateFallbackElement: <Loading />,
    children: [
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
      },
      {
        path: 'sign-in/city-account',
        lazy: async () => ({
          Component: (await import('../features/account/CityAccountPage')).CityAccountPage,
        }),
      },
      {
        path: 'invitation/:token',
        lazy: async () => ({
          Component: (await import('../features/auth/AcceptInvitationPage')).AcceptInvitationPage,
        }),
      },
      {
        element: <RequireViewer />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            path: 'action-fields/:key',
            lazy: async () => ({
              Component: (await import('../features/action-fields/ActionFieldPage'))
                .ActionFieldPage,
            }),
          },
          {
            path: 'documents/:id',
            lazy: async () => ({
              Component: (await import('../features/documents/DocumentPage')).DocumentPage,
            }),
          },
          {
            path: 'tasks',
            lazy: async () => ({
              Component: (await import('../features/tasks/TasksPage')).TasksPage,
            }),
          },
          {
            path: 'milestones',
            lazy: async () => ({
              Component: (await import('../features/milestones/MilestonesPage')).MilestonesPage,
            }),
          },
          {
            path: 'measures',
            lazy: async () => ({
              Component: (await import('../features/measures/MeasuresPage')).MeasuresPage,
            }),
          },
          {
            path: 'measures/:id',
            lazy: async () => ({
              Component: (await import('../features/measures/MeasurePage')).MeasurePage,
            }),
          },
          {
            path: 'paper',
            lazy: async () => ({
              Component: (await import('../features/paper/PaperPage')).PaperPage,
            }),
          },
          {
            path: 'paper/read',
            lazy: async () => ({
              Component: (await import('../features/paper/PaperReadingPage')).PaperReadingPage,
            }),
          },
          {
            path: 'paper/editions/:id',
            lazy: async () => ({
              Component: (await import('../features/paper/PaperReadingPage')).PaperReadingPage,
            }),
          },
          {
            path: 'compare',
            lazy: async () => ({
              Component: (await import('../features/compare/ComparePage')).ComparePage,
            }),
          },
          {
            path: 'review',
            lazy: async () => ({
              Component: (await import('../features/review/ReviewRoundsPage')).ReviewRoundsPage,
            }),
          },
          {
            path: 'review/inbox',
            lazy: async () => ({
              Component: (await import('../features/review/SteeringInboxPage')).SteeringInboxPage,
            }),
          },
          {
            path: 'review/rounds/:id',
            lazy: async () => ({
              Component: (await import('../features/review/ReviewRoundPage')).ReviewRoundPage,
            }),
          },
          {
            path: 'review/rounds/:id/statements/:bodyId',
            lazy: async () => ({
              Component: (await import('../features/review/StatementPage')).StatementPage,
            }),
          },
          {
            path: 'review/rounds/:id/responses',
            lazy: async () => ({
              Component: (await import('../features/review/ResponseTablePage')).ResponseTablePage,
            }),
          },
          {
            path: 'people',
            lazy: async () => ({
              Component: (await import('../features/people/PeoplePage')).PeoplePage,
            }),
          },
          {
            path: 'people/:id/data',
            lazy: async () => ({
              Component: (await import('../features/people/PersonDataPage')).PersonDataPage,
            }),
          },
          {
            path: 'audit',
            lazy: async () => ({
              Component: (await import('../features/audit/AuditTrailPage')).AuditTrailPage,
            }),
          },
          {
            path: 'search',
            lazy: async () => ({
              Component: (await import('../features/search/SearchPage')).SearchPage,
            }),
          },
          {
            path: 'notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/NotificationsPage'))
                .NotificationsPage,
            }),
          },
          {
            path: 'my-data',
            lazy: async () => ({
              Component: (await import('../features/account/MyDataPage')).MyDataPage,
            }),
          },
          {
            path: 'settings/security',
            lazy: async () => ({
              Component: (await import('../features/account/SecurityPage')).SecurityPage,
            }),
          },
          {
            path: 'settings/notifications',
            lazy: async () => ({
              Component: (await import('../features/notifications/NotificationSettingsPage'))
                .NotificationSettingsPage,
            }),
          },
          {
            path: 'dev/outbox',
            lazy: async () => ({
              Component: (await import('../features/notifications/DevOutboxPage')).DevOutboxPage,
            }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
