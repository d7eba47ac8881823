import type { ReactNode } from 'react';
import { PageTitle } from '../ui/PageTitle';

/** The one frame for pages seen before signing in: sign-in itself and accepting an invitation. */
export function SignInCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large" aria-hidden="true">
          Trellis
        </p>
        <PageTitle title={title} />
        {children}
      </div>
    </main>
  );
}
