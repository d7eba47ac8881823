import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../app/api';
import { roleLabel, useFormatTime, useSession, useSignedIn, type SessionInfo } from '../app/session';
import { accountApi } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';
import { TwoStepSection } from './TwoStepSection';

function describeDevice(ua: string): string {
  if (!ua) return 'Unknown device';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'A browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

function Sessions() {
  const qc = useQueryClient();
  const formatTime = useFormatTime();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: accountApi.sessions });
  const end = useMutation({
    mutationFn: accountApi.endSession,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sessions'] }),
  });
  const endOthers = useMutation({
    mutationFn: accountApi.endOthers,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['sessions'] }),
  });
  const others = (sessions.data ?? []).filter((s) => !s.current);
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      <ErrorNotice error={sessions.error ?? end.error ?? endOthers.error} />
      {sessions.isPending ? (
        <p>Loading…</p>
      ) : (
        <ul className="list">
          {(sessions.data ?? []).map((s) => (
            <li key={s.id} className="list-row">
              <div>
                <strong>{describeDevice(s.userAgent)}</strong> {s.current && <span className="tag">This device</span>}
                <p className="muted small">
                  Signed in {formatTime(s.createdAt)} · last active {formatTime(s.lastSeenAt)} · from{' '}
                  {s.clientAddress || 'unknown'}
                </p>
              </div>
              {!s.current && (
                <button type="button" onClick={() => end.mutate(s.id)} disabled={end.isPending}>
                  Sign out this device
                  <span className="visually-hidden">
                    {' '}
                    ({describeDevice(s.userAgent)}, {formatTime(s.createdAt)})
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <button type="button" onClick={() => endOthers.mutate()} disabled={endOthers.isPending}>
          Sign out everywhere else
        </button>
      )}
    </section>
  );
}

function ChangePassword() {
  const { adopt } = useSession();
  const form = useForm({
    initial: { currentPassword: '', newPassword: '' },
    submit: (v) => request<SessionInfo>('/auth/password', { method: 'POST', body: v }),
    onSuccess: adopt,
    resetOnSuccess: true,
  });
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      {form.succeeded && (
        <SuccessNotice>Your password is changed. Every other device has been signed out.</SuccessNotice>
      )}
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          {...form.field('currentPassword')}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. A few unrelated words together are easy to remember and hard to guess."
          {...form.field('newPassword')}
        />
        <button type="submit" className="primary" disabled={form.pending}>
          Change password
        </button>
      </form>
    </section>
  );
}

export function AccountPage() {
  const { user } = useSignedIn();
  return (
    <>
      <PageTitle title="Your account" />
      <dl className="facts">
        <dt>Name</dt>
        <dd>{user.displayName}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(user.role)}</dd>
      </dl>
      {(user.role === 'administrator' || user.role === 'manager') && <TwoStepSection />}
      <Sessions />
      <ChangePassword />
    </>
  );
}
