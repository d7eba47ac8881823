import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../app/session';
import { teamsApi, type Team } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';
import { useForm } from '../ui/useForm';

function NewTeamForm({ onCreated }: { onCreated: (t: Team) => void }) {
  const qc = useQueryClient();
  const sites = useQuery({ queryKey: ['sites'], queryFn: teamsApi.sites });
  const form = useForm({
    initial: { name: '', description: '', siteId: '' },
    submit: (v) => teamsApi.create({ ...v, siteId: v.siteId || undefined }),
    onSuccess: (t) => {
      void qc.invalidateQueries({ queryKey: ['teams'] });
      onCreated(t);
    },
    resetOnSuccess: true,
  });
  return (
    <section aria-labelledby="new-team">
      <h2 id="new-team">Add a team</h2>
      <ErrorNotice error={form.error} />
      <form onSubmit={form.onSubmit} noValidate>
        <TextField label="Team name" {...form.field('name')} required />
        <TextArea
          label="What the team does"
          hint="Optional. Who the team supports and how."
          {...form.field('description')}
          rows={2}
        />
        <SelectField label="Site" {...form.field('siteId')}>
          <option value="">No particular site</option>
          {(sites.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={form.pending}>
          Add team
        </button>
      </form>
    </section>
  );
}

function TeamRow({ team, canEdit, siteName }: { team: Team; canEdit: boolean; siteName: string }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const form = useForm({
    initial: { name: team.name, description: team.description, active: team.active },
    submit: (v) => teamsApi.update(team, v),
    onSuccess: () => {
      setEditing(false);
      void qc.invalidateQueries({ queryKey: ['teams'] });
    },
  });
  if (editing) {
    return (
      <li className="list-row column">
        <form onSubmit={form.onSubmit} noValidate>
          <ErrorNotice error={form.error} />
          <TextField label="Team name" {...form.field('name')} />
          <TextArea label="What the team does" {...form.field('description')} rows={2} />
          <div className="check">
            <input id={`active-${team.id}`} type="checkbox" {...form.check('active')} />
            <label htmlFor={`active-${team.id}`}>The team is active</label>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={form.pending}>
              Save
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="list-row">
      <div>
        <strong>{team.name}</strong> {!team.active && <span className="tag">Not active</span>}
        <p className="muted small">
          {team.description || 'No description yet.'} · {siteName} · {team.memberCount}{' '}
          {team.memberCount === 1 ? 'member' : 'members'}
        </p>
      </div>
      {canEdit && (
        <button type="button" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> {team.name}</span>
        </button>
      )}
    </li>
  );
}

export function TeamsPage() {
  const { can } = useSession();
  const teams = useQuery({ queryKey: ['teams'], queryFn: teamsApi.list });
  const sites = useQuery({ queryKey: ['sites'], queryFn: teamsApi.sites });
  const [created, setCreated] = useState<Team | null>(null);
  const siteName = (id: string | null) => sites.data?.find((s) => s.id === id)?.name ?? 'No particular site';
  return (
    <>
      <PageTitle title="Teams" />
      {created && <SuccessNotice>{created.name} was added.</SuccessNotice>}
      <ErrorNotice error={teams.error} />
      {teams.isPending ? (
        <p>Loading teams…</p>
      ) : (
        <ul className="list" aria-label="Teams">
          {(teams.data ?? []).map((t) => (
            <TeamRow
              key={`${t.id}-${t.version}`}
              team={t}
              canEdit={can('manage_teams')}
              siteName={siteName(t.siteId)}
            />
          ))}
        </ul>
      )}
      {can('manage_teams') && <NewTeamForm onCreated={setCreated} />}
    </>
  );
}
