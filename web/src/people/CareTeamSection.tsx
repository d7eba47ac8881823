import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { roleLabel, type Role } from '../app/session';
import { peopleApi, type Person } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { TextField } from '../ui/Field';

function PortalAccount({ person }: { person: Person }) {
  const [email, setEmail] = useState(person.email);
  const [password, setPassword] = useState('');
  const create = useMutation({ mutationFn: () => peopleApi.portalAccount(person.id, email, password) });
  return (
    <details>
      <summary>Set up {person.preferredName || person.givenName}’s own sign-in</summary>
      {create.isSuccess && <SuccessNotice>Their sign-in is ready. Share the password with them safely.</SuccessNotice>}
      <ErrorNotice error={create.error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
        noValidate
      >
        <TextField label="Their email for signing in" name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={create.error} />
        <TextField label="A first password" name="password" type="password" autoComplete="new-password" hint="At least 12 characters; they can change it" value={password} onChange={(e) => setPassword(e.target.value)} error={create.error} />
        <button type="submit" disabled={create.isPending}>
          Create their sign-in
        </button>
      </form>
    </details>
  );
}

export function CareTeamSection({ person, staff }: { person: Person; staff: boolean }) {
  const team = useQuery({ queryKey: ['care-team', person.id], queryFn: () => peopleApi.careTeam(person.id) });
  return (
    <section aria-labelledby="care-team-title">
      <h2 id="care-team-title">Care team</h2>
      <ErrorNotice error={team.error} />
      <ul className="list">
        {(team.data ?? []).map((m) => (
          <li key={`${m.memberType}-${m.memberId}`} className="list-row">
            <span>
              <strong>{m.name}</strong> <span className="muted">{m.memberType === 'team' ? 'Team' : roleLabel(m.role as Role)}</span>
            </span>
          </li>
        ))}
      </ul>
      {staff && <PortalAccount person={person} />}
    </section>
  );
}
