import { InboxPage } from '../features/inbox/InboxPage.tsx';
import { MailMessagePage } from '../features/inbox/MailMessagePage.tsx';
import { lazy, useEffect } from 'react';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { ApiError, setUnauthenticatedHandler } from '../api/client.ts';
import { LocaleProviders } from './Providers.tsx';
import { LoginPage } from './LoginPage.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { Shell } from './Shell.tsx';
import { NotFound } from './NotFound.tsx';
import { modulePages } from '../extensions/registry.ts';
import { ForgotPasswordPage, ResetPasswordPage } from './PasswordReset.tsx';
import '../extensions/index.ts';
import { ObjectAllRoute, ObjectListRoute, ObjectRecordRoute } from './ObjectRoutes.tsx';
import { HomePage } from '../features/home/HomePage.tsx';

// Pages outside the daily path load on first visit, keeping the first download small.
const ImportsList = lazy(() => import('../features/imports/ImportsList.tsx').then((m) => ({ default: m.ImportsList })));
const ImportWizard = lazy(() => import('../features/imports/ImportWizard.tsx').then((m) => ({ default: m.ImportWizard })));
const ImportProgress = lazy(() => import('../features/imports/ImportProgress.tsx').then((m) => ({ default: m.ImportProgress })));
const UsersPage = lazy(() => import('../features/admin/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AssignmentRulesPage = lazy(() => import('../features/admin/AssignmentRulesPage.tsx').then((m) => ({ default: m.AssignmentRulesPage })));
const TeamsPage = lazy(() => import('../features/admin/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const RolesPage = lazy(() => import('../features/admin/RolesPage.tsx').then((m) => ({ default: m.RolesPage })));
const CustomFieldsPage = lazy(() => import('../features/admin/CustomFieldsPage.tsx').then((m) => ({ default: m.CustomFieldsPage })));
const OrganizationPage = lazy(() => import('../features/admin/OrganizationPage.tsx').then((m) => ({ default: m.OrganizationPage })));
const CalendarsPage = lazy(() => import('../features/calendars/CalendarsPage.tsx').then((m) => ({ default: m.CalendarsPage })));
const WebFormsPage = lazy(() => import('../features/admin/WebFormsPage.tsx').then((m) => ({ default: m.WebFormsPage })));
const MailPage = lazy(() => import('../features/admin/MailPage.tsx').then((m) => ({ default: m.MailPage })));
const ApiKeysPage = lazy(() => import('../features/admin/ApiKeysPage.tsx').then((m) => ({ default: m.ApiKeysPage })));
const AuditLogPage = lazy(() => import('../features/admin/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })));
const NotificationSettings = lazy(() => import('../features/notifications/NotificationSettings.tsx').then((m) => ({ default: m.NotificationSettings })));
const LoginHistoryPage = lazy(() => import('../features/admin/LoginHistoryPage.tsx').then((m) => ({ default: m.LoginHistoryPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, 400) will not get better by asking again.
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
    },
  },
});

/** A 401 anywhere drops the cached user and goes to the sign-in page, coming back afterwards. */
function UnauthenticatedRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      qc.setQueryData(['me'], null);
      if (!window.location.pathname.startsWith('/login')) {
        navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
      }
    });
  }, [navigate, qc, location]);
  return null;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProviders>
        <BrowserRouter>
          <UnauthenticatedRedirect />
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            <Route path="/reset-password" element={<ResetPasswordPage />} />
            <Route
              element={
                <RequireAuth>
                  <Shell />
                </RequireAuth>
              }
            >
              <Route index element={<HomePage />} />
              <Route path="imports" element={<ImportsList />} />
              <Route path="imports/new" element={<ImportWizard />} />
              <Route path="imports/:id" element={<ImportProgress />} />
              <Route path="settings/users" element={<UsersPage />} />
              <Route path="settings/teams" element={<TeamsPage />} />
              <Route path="settings/assignment" element={<AssignmentRulesPage />} />
              <Route path="settings/organization" element={<OrganizationPage />} />
              <Route path="settings/mail" element={<MailPage />} />
              <Route path="settings/inbox" element={<InboxPage />} />
              <Route path="inbox/messages/:id" element={<MailMessagePage />} />
              <Route path="settings/web-forms" element={<WebFormsPage />} />
              <Route path="settings/roles" element={<RolesPage />} />
              <Route path="settings/calendars" element={<CalendarsPage />} />
              <Route path="settings/custom-fields" element={<CustomFieldsPage />} />
              <Route path="settings/api-keys" element={<ApiKeysPage />} />
              <Route path="settings/audit-log" element={<AuditLogPage />} />
              <Route path="settings/login-history" element={<LoginHistoryPage />} />
              <Route path="me/settings" element={<NotificationSettings />} />
              {/* Record objects, from their descriptors (static paths above win over these). */}
              {modulePages().map((p) => <Route key={p.path} path={p.path} element={p.element} />)}
              <Route path=":object" element={<ObjectListRoute />} />
              <Route path=":object/all" element={<ObjectAllRoute />} />
              <Route path=":object/:id" element={<ObjectRecordRoute />} />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </LocaleProviders>
    </QueryClientProvider>
  );
}
