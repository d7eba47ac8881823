import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { SignInCard } from './SignInCard';

/** The second step for accounts with two-step sign-in: a code from the app, or a recovery code. */
function CodeStep({ ticket, onStartAgain }: { ticket: string; onStartAgain: () => void }) {
  const { verifyTwoStep } = useSession();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await verifyTwoStep(ticket, code);
    } catch (err) {
      setError(err);
      setCode('');
    } finally {
      setBusy(false);
    }
  }
  return (
    <SignInCard title="Enter your code">
      <p className="muted">Open your authenticator app and type the 6-digit code it shows for Trellis. Lost your phone? Use one of your recovery codes instead.</p>
      <ErrorNotice error={error} />
      <form onSubmit={submit} noValidate>
        <TextField label="Code" name="code" autoComplete="one-time-code" inputMode="numeric" required value={code} onChange={(e) => setCode(e.target.value)} error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Continue'}
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
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [ticket, setTicket] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const second = await signIn(email, password);
      if (second) setTicket(second.ticket);
      setPassword('');
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  if (ticket) return <CodeStep ticket={ticket} onStartAgain={() => setTicket(null)} />;
  return (
    <SignInCard title="Sign in">
      <p className="muted">Support that grows with you.</p>
      <ErrorNotice error={error} />
      <form onSubmit={submit} noValidate>
        <TextField label="Email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} error={error} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error}
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted small">Forgotten your password? If you work here, your administrator can set a new one. If you use Trellis for your own support, ask your worker for a new invitation.</p>
    </SignInCard>
  );
}
