import { useState } from 'react';
import { useSession } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';
import { SignInCard } from './SignInCard';

/** The second step for accounts with two-step sign-in: a code from the app, or a recovery code. */
function CodeStep({ ticket, onStartAgain }: { ticket: string; onStartAgain: () => void }) {
  const { verifyTwoStep } = useSession();
  const form = useForm({
    initial: { code: '' },
    submit: (v) => verifyTwoStep(ticket, v.code),
    onError: () => form.set('code', ''),
  });
  return (
    <SignInCard title="Enter your code">
      <p className="muted">
        Open your authenticator app and type the 6-digit code it shows for Trellis. Lost your phone? Use one of your
        recovery codes instead.
      </p>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField label="Code" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
        <button type="submit" className="primary" disabled={form.pending}>
          {form.pending ? 'Checking…' : 'Continue'}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={onStartAgain}>
          Start again
        </button>
      </p>
    </SignInCard>
  );
}

export function SignInPage() {
  const { signIn } = useSession();
  const [ticket, setTicket] = useState<string | null>(null);
  const form = useForm({
    initial: { email: '', password: '' },
    submit: (v) => signIn(v.email, v.password),
    onSuccess: (second) => {
      if (second) setTicket(second.ticket);
      form.set('password', '');
    },
    onError: () => form.set('password', ''),
  });

  if (ticket) return <CodeStep ticket={ticket} onStartAgain={() => setTicket(null)} />;
  return (
    <SignInCard title="Sign in">
      <p className="muted">Support that grows with you.</p>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField label="Email" type="email" autoComplete="username" required {...form.field('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          {...form.field('password')}
        />
        <button type="submit" className="primary" disabled={form.pending}>
          {form.pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted small">
        Forgotten your password? If you work here, your administrator can set a new one. If you use Trellis for your own
        support, ask your worker for a new invitation.
      </p>
    </SignInCard>
  );
}
