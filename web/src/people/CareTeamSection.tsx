import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { roleLabel } from '../app/session';
import { peopleApi, type CareTeamMember, type PersonRecord } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { useForm } from '../ui/useForm';
import { InviteToSignIn, InvitationsList } from './Invitations';

function ChangeCareTeam({ person, members }: { person: PersonRecord; members: CareTeamMember[] }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const options = useQuery({
    queryKey: ['care-team-options', person.id],
    queryFn: () => peopleApi.careTeamOptions(person.id),
    enabled: open,
  });
  const save = useForm({
    initial: () => ({ chosen: members.map((m) => `${m.memberType}:${m.memberId}`) }),
    submit: ({ chosen }) =>
      peopleApi.setCareTeam(
        person.id,
        chosen.filter((c) => c.startsWith('user:')).map((c) => c.slice(5)),
        chosen.filter((c) => c.startsWith('team:')).map((c) => c.slice(5)),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['care-team', person.id] }),
  });
  const group = (type: 'team' | 'user', legend: string) => (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="area-choices">
        {(options.data ?? [])
          .filter((o) => o.memberType === type)
          .map((o) => {
            const key = `${o.memberType}:${o.memberId}`;
            return (
              <div className="check" key={key}>
                <input id={`ct-${key}`} type="checkbox" {...save.choice('chosen', key)} />
                <label htmlFor={`ct-${key}`}>
                  {o.name}
                  {o.role ? <span className="muted small"> ({roleLabel(o.role)})</span> : null}
                </label>
              </div>
            );
          })}
      </div>
    </fieldset>
  );
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Change the care team</summary>
      {save.succeeded && <SuccessNotice>The care team is updated. Access changed straight away.</SuccessNotice>}
      <ErrorNotice error={save.error ?? options.error} />
      <form onSubmit={save.onSubmit} noValidate>
        {group('team', 'Teams')}
        {group('user', 'Workers')}
        <button type="submit" className="primary" disabled={save.pending}>
          Save care team
        </button>
      </form>
    </details>
  );
}

export function CareTeamSection({
  person,
  canChange,
  canInvite,
  isPerson,
}: {
  person: PersonRecord;
  canChange: boolean;
  canInvite: boolean;
  isPerson: boolean;
}) {
  const team = useQuery({ queryKey: ['care-team', person.id], queryFn: () => peopleApi.careTeam(person.id) });
  return (
    <section aria-labelledby="care-team-title">
      <h2 id="care-team-title">Care team</h2>
      <ErrorNotice error={team.error} />
      <ul className="list">
        {(team.data ?? []).map((m) => (
          <li key={`${m.memberType}-${m.memberId}`} className="list-row">
            <span>
              <strong>{m.name}</strong>{' '}
              <span className="muted">{m.memberType === 'team' ? 'Team' : m.role && roleLabel(m.role)}</span>
            </span>
          </li>
        ))}
      </ul>
      {canChange && team.data && <ChangeCareTeam key={team.data.length} person={person} members={team.data} />}
      {canInvite && <InviteToSignIn personId={person.id} name={person.preferredName || person.givenName} />}
      {(canInvite || isPerson) && <InvitationsList personId={person.id} canWithdraw={canInvite} isPerson={isPerson} />}
    </section>
  );
}
