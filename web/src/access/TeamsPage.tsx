import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../app/session';
import { teamsApi, type Team } from './api';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { PageTitle } from '../ui/PageTitle';

function NewTeamForm({ onCreated }: { onCreated: (t: Team) => void }) {
  const qc = useQueryClient();
  const sites = useQuery({ queryKey: ['sites'], queryFn: teamsApi.sites });
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [siteId, setSiteId] = useState('');
  const create = useMutation({
    mutationFn: () => teamsApi.create({ name, description, siteId: siteId || undefined }),
    onSuccess: (t) => {
      void qc.invalidateQueries({ queryKey: ['teams'] });
      setName('');
      setDescription('');
      setSiteId('');
      onCreated(t);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }
  return (
    <section aria-labelledby="new-team">
      <h2 id="new-team">Add a team</h2>
      <ErrorNotice error={create.error} />
      <form onSubmit={submit} noValidate>
        <TextField label="Team name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={create.error} required />
        <TextArea label="What the team does" name="description" hint="Optional. Who the team supports and how." value={description} onChange={(e) => setDescription(e.target.value)} error={create.error} rows={2} />
        <SelectField label="Site" name="siteId" value={siteId} onChange={(e) => setSiteId(e.target.value)} error={create.error}>
          <option value="">No particular site</option>
          {(sites.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary" disabled={create.isPending}>
          Add team
        </button>
      </form>
    </section>
  );
}

function TeamRow({ team, canEdit, siteName }: { team: Team; canEdit: boolean; siteName: string }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const [description, setDescription] = useState(team.description);
  const [active, setActive] = useState(team.active);
  const save = useMutation({
    mutationFn: () => teamsApi.update(team, { name, description, active }),
    onSuccess: () => {
      setEditing(false);
      void qc.invalidateQueries({ queryKey: ['teams'] });
    },
  });
  if (editing) {
    return (
      <li className="list-row column">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <ErrorNotice error={save.error} />
          <TextField label="Team name" name="name" value={name} onChange={(e) => setName(e.target.value)} error={save.error} />
          <TextArea label="What the team does" name="description" value={description} onChange={(e) => setDescription(e.target.value)} error={save.error} rows={2} />
          <div className="check">
            <input id={`active-${team.id}`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
            <label htmlFor={`active-${team.id}`}>The team is active</label>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>
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
          {team.description || 'No description yet.'} · {siteName} · {team.memberCount} {team.memberCount === 1 ? 'member' : 'members'}
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
            <TeamRow key={`${t.id}-${t.version}`} team={t} canEdit={can('manage_teams')} siteName={siteName(t.siteId)} />
          ))}
        </ul>
      )}
      {can('manage_teams') && <NewTeamForm onCreated={setCreated} />}
    </>
  );
}
