import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  isWorkerRole,
  roleLabel,
  useFormatTime,
  useSession,
  workerRoles,
  type User,
  type WorkerRole,
} from '../app/session';
import { usersApi } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';
import { TeamChoices } from './TeamChoices';

function useSaved() {
  const [saved, setSaved] = useState('');
  return { saved, setSaved };
}

function Details({ user, onSaved }: { user: User; onSaved: (m: string) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    initial: { displayName: user.displayName, teamIds: user.teamIds },
    submit: (v) => usersApi.update(user, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['user', user.id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
      onSaved('Name and teams saved.');
    },
  });
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">Name and teams</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField label="Full name" {...form.field('displayName')} />
        <TeamChoices selected={form.values.teamIds} onChange={(ids) => form.set('teamIds', ids)} error={form.error} />
        <button type="submit" className="primary" disabled={form.pending}>
          Save name and teams
        </button>
      </form>
    </section>
  );
}

function RoleForm({ user, role, onSaved }: { user: User; role: WorkerRole; onSaved: (m: string) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    initial: { role },
    submit: (v) => usersApi.changeRole(user, v.role),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['user', user.id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
      onSaved(`Role changed to ${roleLabel(u.role)}. They will sign in again to use it.`);
    },
  });
  return (
    <section aria-labelledby="role-title">
      <h2 id="role-title">Role</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit}>
        <SelectField label="Role" hint="You will be asked for your password." {...form.field('role')}>
          {workerRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <button type="submit" disabled={form.pending || form.values.role === user.role}>
          Change role
        </button>
      </form>
    </section>
  );
}

function PasswordForm({ user, onSaved }: { user: User; onSaved: (m: string) => void }) {
  const form = useForm({
    initial: { password: '' },
    submit: (v) => usersApi.resetPassword(user, v.password),
    resetOnSuccess: true,
    onSuccess: () => {
      onSaved(`A new password is set for ${user.displayName}. They have been signed out everywhere.`);
    },
  });
  return (
    <section aria-labelledby="reset-title">
      <h2 id="reset-title">Set a new password</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. You will be asked for your own password."
          {...form.field('password')}
        />
        <button type="submit" disabled={form.pending}>
          Set password
        </button>
      </form>
    </section>
  );
}

function ActiveForm({ user, onSaved }: { user: User; onSaved: (m: string) => void }) {
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => usersApi.update(user, { active: !user.active }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['user', user.id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
      onSaved(
        u.active ? `${u.displayName} can sign in again.` : `${u.displayName} is deactivated and has been signed out.`,
      );
    },
  });
  return (
    <section aria-labelledby="active-title">
      <h2 id="active-title">Access</h2>
      <ErrorNotice error={toggle.error} />
      <p>{user.active ? 'This account can sign in.' : 'This account is deactivated and cannot sign in.'}</p>
      <button
        type="button"
        className={user.active ? 'danger' : ''}
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
      >
        {user.active ? 'Deactivate account' : 'Reactivate account'}
      </button>
    </section>
  );
}

export function UserPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const { saved, setSaved } = useSaved();
  const formatTime = useFormatTime();
  const user = useQuery({ queryKey: ['user', id], queryFn: () => usersApi.get(id).then((r) => r.data) });
  if (user.isPending) return <p>Loading…</p>;
  if (user.error || !user.data) {
    return (
      <>
        <PageTitle title="User" />
        <ErrorNotice error={user.error} />
        <Link to="/admin/users">Back to users</Link>
      </>
    );
  }
  const u = user.data;
  return (
    <>
      <p>
        <Link to="/admin/users">← All users</Link>
      </p>
      <PageTitle title={u.displayName} />
      {saved && <SuccessNotice>{saved}</SuccessNotice>}
      <dl className="facts">
        <dt>Email</dt>
        <dd>{u.email}</dd>
        <dt>Role</dt>
        <dd>{roleLabel(u.role)}</dd>
        <dt>Status</dt>
        <dd>{u.active ? 'Active' : 'Deactivated'}</dd>
        <dt>Added</dt>
        <dd>{formatTime(u.createdAt)}</dd>
      </dl>
      {can('manage_users') && (
        <div key={u.version}>
          <Details user={u} onSaved={setSaved} />
          {isWorkerRole(u.role) && <RoleForm user={u} role={u.role} onSaved={setSaved} />}
          <PasswordForm user={u} onSaved={setSaved} />
          <ActiveForm user={u} onSaved={setSaved} />
        </div>
      )}
    </>
  );
}
