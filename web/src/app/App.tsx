import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { ApiError } from './api';
import { SessionProvider, useSession } from './session';
import { Layout } from './Layout';
import { AccountPage, InvitationPage, SignInPage } from '../access';
import { pagesFor } from './area';
import { composed } from './areas';
import { AreasProvider } from './AreasContext';
import { NotFoundPage } from './NotFoundPage';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal or a missing record will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function Gate() {
  const { session, loading } = useSession();
  if (loading) {
    return (
      <main className="centre" aria-busy="true">
        <p>Opening Trellis…</p>
      </main>
    );
  }
  // An invitation link is opened before its holder has a sign-in (and a signed-in visitor who
  // opens one is shown whose it is, not their own home).
  if (window.location.pathname === '/invitation') return <InvitationPage />;
  if (!session) return <SignInPage />;
  // Until two-step sign-in is set up (when the organisation requires it), the account page is
  // the only page that can do anything.
  if (session.twoStepSetupRequired && window.location.pathname !== '/account') {
    return (
      <Layout>
        <AccountPage />
      </Layout>
    );
  }
  return (
    <Layout>
      <Routes>
        {pagesFor(composed.pages, session).map((p) => (
          <Route key={p.path} path={p.path} element={p.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <AreasProvider value={composed}>
            <Gate />
          </AreasProvider>
        </SessionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
