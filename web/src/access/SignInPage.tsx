import { useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { SignInCard } from './SignInCard';

export function SignInPage() {
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

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
