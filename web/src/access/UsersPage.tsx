import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabel, roles, useSession, type Role, type User } from '../app/session';
import { teamsApi, usersApi, type UserFilters } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { TwoStepRule } from './TwoStepSection';
import { TeamChoices } from './TeamChoices';

function NewUserForm({ onCreated }: { onCreated: (u: User) => void }) {
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('practitioner');
  const [password, setPassword] = useState('');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => usersApi.create({ email, displayName, role, password, teamIds }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: ['users'] });
      void qc.invalidateQueries({ queryKey: ['teams'] });
      setEmail('');
      setDisplayName('');
      setPassword('');
      setTeamIds([]);
      onCreated(u);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <section aria-labelledby="new-user">
      <h2 id="new-user">Add a user</h2>
      <ErrorNotice error={create.error} />
      <form onSubmit={submit} noValidate>
        <TextField label="Full name" name="displayName" autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} error={create.error} />
        <TextField label="Email" name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} error={create.error} />
        <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)} error={create.error}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
        <TeamChoices selected={teamIds} onChange={setTeamIds} error={create.error} />
        <TextField
          label="First password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Share it with them safely; they can change it under Your account."
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={create.error}
        />
        <button type="submit" className="primary" disabled={create.isPending}>
          Add user
        </button>
      </form>
    </section>
  );
}

export function UsersPage() {
  const { can } = useSession();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<UserFilters>({});
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
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters((f) => ({ ...f, q: text.trim() || undefined }));
        }}
      >
        <TextField label="Search by name or email" name="q" value={text} onChange={(e) => setText(e.target.value)} />
        <SelectField label="Role" name="role" value={filters.role ?? ''} onChange={(e) => setFilters((f) => ({ ...f, role: e.target.value || undefined }))}>
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
