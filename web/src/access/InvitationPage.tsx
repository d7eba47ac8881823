import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, request } from '../app/api';
import { useSession, type SessionInfo } from '../app/session';
import { ErrorNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';
import { SignInCard } from './SignInCard';

interface InvitationInfo {
  for: 'person' | 'supporter';
  displayName: string;
  organisation: string;
  expiresAt: string;
}

/** The secret travels after '#', so it never reaches a server log or another site. */
function tokenFromLink(): string {
  return decodeURIComponent(window.location.hash.replace(/^#/, ''));
}

/** Where a person or supporter, holding the link a worker gave them, chooses their own password. */
export function InvitationPage() {
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [token] = useState(tokenFromLink);
  const [info, setInfo] = useState<InvitationInfo | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const form = useForm({
    initial: { email: '', password: '', again: '' },
    submit: ({ email, password, again }) => {
      if (password !== again) {
        throw new ApiError({
          status: 422,
          title: 'The two passwords are not the same',
          errors: [{ field: 'again', message: 'type the same password twice' }],
        });
      }
      return request<SessionInfo>('/invitations/accept', { method: 'POST', body: { token, email, password } });
    },
    onSuccess: (session) => {
      // The secret is spent: take it out of the address bar and the history.
      window.history.replaceState(null, '', '/');
      adopt(session);
      navigate('/');
    },
  });

  const incomplete = token
    ? null
    : new ApiError({
        status: 404,
        title: 'This invitation link is not complete',
        detail: 'Open the whole link you were given, or ask your worker for a new one.',
      });

  useEffect(() => {
    if (!token) return;
    request<InvitationInfo>('/invitations/inspect', { method: 'POST', body: { token } }).then(setInfo, setLookupError);
  }, [token]);

  return (
    <SignInCard title="Set up your sign-in">
      <ErrorNotice error={incomplete ?? lookupError} />
      {info && (
        <>
          <p>
            Welcome, {info.displayName}. {info.organisation} has invited you to sign in to Trellis
            {info.for === 'person'
              ? ', where you can read and add to your own record.'
              : ', where you can see what the person you support has chosen to share with you.'}
          </p>
          <p className="muted">Choose your own password. Nobody else, not even your worker, will know it.</p>
          <ErrorNotice error={form.error} />
          <form onSubmit={form.onSubmit} noValidate>
            <TextField
              label="Your email"
              type="email"
              autoComplete="username"
              required
              hint="You will use it to sign in"
              {...form.field('email')}
            />
            <TextField
              label="Choose a password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 12 characters. A few words that mean something to you, and not to others, work well."
              {...form.field('password')}
            />
            <TextField
              label="Type it again"
              type="password"
              autoComplete="new-password"
              required
              {...form.field('again')}
            />
            <button type="submit" className="primary" disabled={form.pending}>
              Set up my sign-in
            </button>
          </form>
        </>
      )}
    </SignInCard>
  );
}
