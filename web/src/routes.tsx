import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router-dom';
import { RequireAuth } from './auth/require-auth.tsx';
import { useCurrentUser } from './auth/current-user.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { BUSINESS_MODULES, isAdmin, MODULE_PATHS } from './layout/modules.ts';
import { HomePage } from './pages/home/home-page.tsx';
import { LoginPage } from './pages/login/login-page.tsx';
import { ModulePlaceholder } from './pages/module/module-placeholder.tsx';
import { ForbiddenPage, NotFoundPage } from './pages/status-pages.tsx';

const adminPages = () => import('./pages/admin/admin-pages.ts');
const OrgsPage = lazy(async () => ({ default: (await adminPages()).OrgsPage }));
const UsersPage = lazy(async () => ({ default: (await adminPages()).UsersPage }));
const TokensPage = lazy(async () => ({ default: (await adminPages()).TokensPage }));
const AuditPage = lazy(async () => ({ default: (await adminPages()).AuditPage }));
const warningsPages = () => import('./pages/warnings/warnings-pages.ts');
const WarningsModule = lazy(async () => ({ default: (await warningsPages()).WarningsModule }));
const WarningsAdminPage = lazy(async () => ({ default: (await warningsPages()).WarningsAdminPage }));
const CasesModule = lazy(async () => ({ default: (await import('./pages/cases/cases-pages.ts')).CasesModule }));
const FundsModule = lazy(async () => ({ default: (await import('./pages/funds/funds-pages.ts')).FundsModule }));
const RiskAdminPage = lazy(async () => ({ default: (await import('./pages/funds/monitoring/risk-admin-pages.ts')).RiskAdminPage }));
const CardsModule = lazy(async () => ({ default: (await import('./pages/cards/cards-pages.ts')).CardsModule }));
const PersonsModule = lazy(async () => ({ default: (await import('./pages/persons/persons-pages.ts')).PersonsModule }));
const StatsModule = lazy(async () => ({ default: (await import('./pages/stats/stats-pages.ts')).StatsModule }));
const OutreachModule = lazy(async () => ({ default: (await import('./pages/outreach/outreach-pages.ts')).OutreachModule }));
const LiaisonModule = lazy(async () => ({ default: (await import('./pages/liaison/liaison-pages.ts')).LiaisonModule }));

/** Business modules built so far; the others still show their placeholder. */
const BUILT: ReadonlySet<string> = new Set(['warnings', 'cases', 'funds', 'cards', 'persons', 'outreach', 'liaison', 'stats']);

/** System administration is for the admin role only (the server enforces the same on every call). */
function AdminOnly() {
  const me = useCurrentUser();
  if (!isAdmin(me.role)) return <ForbiddenPage />;
  return (
    <Suspense fallback={<Spin className="fz-page-spin" />}>
      <Outlet />
    </Suspense>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        {BUSINESS_MODULES.filter((m) => !BUILT.has(m)).map((m) => (
          <Route key={m} path={MODULE_PATHS[m]} element={<ModulePlaceholder module={m} />} />
        ))}
        <Route
          path="/warnings/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <WarningsModule />
            </Suspense>
          }
        />
        <Route
          path="/cases/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <CasesModule />
            </Suspense>
          }
        />
        <Route
          path="/funds/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <FundsModule />
            </Suspense>
          }
        />
        <Route
          path="/cards/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <CardsModule />
            </Suspense>
          }
        />
        <Route
          path="/persons/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <PersonsModule />
            </Suspense>
          }
        />
        <Route
          path="/outreach/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <OutreachModule />
            </Suspense>
          }
        />
        <Route
          path="/liaison/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <LiaisonModule />
            </Suspense>
          }
        />
        <Route
          path="/stats/*"
          element={
            <Suspense fallback={<Spin className="fz-page-spin" />}>
              <StatsModule />
            </Suspense>
          }
        />
        <Route path="/admin" element={<AdminOnly />}>
          <Route path="orgs" element={<OrgsPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="tokens" element={<TokensPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="warnings" element={<WarningsAdminPage />} />
          <Route path="risk" element={<RiskAdminPage />} />
          <Route index element={<OrgsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
