import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabel, roles, useSession, workerRoles, type User, type WorkerRole } from '../app/session';
import { teamsApi, usersApi, type UserFilters } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';
import { TwoStepRule } from './TwoStepSection';
import { TeamChoices } from './TeamChoices';

function NewUserForm({ onCreated }: { onCreated: (u: User) => void }) {
  const qc = useQueryClient();
  const form = useForm({
    initial: { email: '', displayName: '', role: 'practitioner' as WorkerRole, password: '', teamIds: [] as string[] },
    submit: usersApi.create,
    onSuccess: (u, sent) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
      // The role stays as it was, for adding several people in the same role.
      form.reset({ email: '', displayName: '', role: sent.role, password: '', teamIds: [] });
      onCreated(u);
    },
  });
  return (
    <section aria-labelledby="new-user">
      <h2 id="new-user">Add a user</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField label="Full name" autoComplete="off" {...form.field('displayName')} />
        <TextField label="Email" type="email" autoComplete="off" {...form.field('email')} />
        <SelectField label="Role" {...form.field('role')}>
          {workerRoles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <TeamChoices selected={form.values.teamIds} onChange={(ids) => form.set('teamIds', ids)} error={form.error} />
        <TextField
          label="First password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Share it with them safely; they can change it under Your account."
          {...form.field('password')}
        />
        <button type="submit" className="primary" disabled={form.pending}>
          Add user
        </button>
      </form>
    </section>
  );
}

export function UsersPage() {
  const { can } = useSession();
  const [filters, setFilters] = useState<UserFilters>({});
  const search = useForm({
    initial: { q: '', role: '' },
    submit: (v) => setFilters((f) => ({ ...f, q: v.q.trim() || undefined })),
  });
  const [created, setCreated] = useState<User | null>(null);
  const teams = useQuery({ queryKey: ['teams'], queryFn: teamsApi.list });
  const users = useInfiniteQuery({
    queryKey: ['users', filters],
    queryFn: ({ pageParam }) => usersApi.list({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const teamName = (id: string) => teams.data?.find((t) => t.id === id)?.name ?? '';
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageTitle title="Users" />
      <TwoStepRule />
      {created && (
        <SuccessNotice>
          {created.displayName} was added. <Link to={`/admin/users/${created.id}`}>Open their account</Link>
        </SuccessNotice>
      )}
      <form className="filters" role="search" onSubmit={search.onSubmit}>
        <TextField label="Search by name or email" {...search.field('q')} />
        <SelectField
          label="Role"
          {...search.field('role')}
          onChange={(e) => {
            // A role filters at once, without pressing Search.
            search.set('role', e.target.value);
            setFilters((f) => ({ ...f, role: e.target.value || undefined }));
          }}
        >
          <option value="">Any role</option>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <button type="submit">Search</button>
      </form>
      <ErrorNotice error={users.error} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Teams</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
                  <div className="muted small">{u.email}</div>
                </td>
                <td>{roleLabel(u.role)}</td>
                <td>{u.teamIds.map(teamName).filter(Boolean).join(', ') || '—'}</td>
                <td>{u.active ? 'Active' : 'Deactivated'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!users.isPending && rows.length === 0 && <p>No users match. Try a shorter search.</p>}
      {users.hasNextPage && (
        <button type="button" onClick={() => void users.fetchNextPage()} disabled={users.isFetchingNextPage}>
          Show more
        </button>
      )}
      {can('manage_users') && <NewUserForm onCreated={setCreated} />}
    </>
  );
}
