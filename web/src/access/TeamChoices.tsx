import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../app/api';
import { teamsApi } from './api';

/** Checkboxes for a user's teams, as one labelled group. */
export function TeamChoices({
  selected,
  onChange,
  error,
}: {
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: unknown;
}) {
  const teams = useQuery({ queryKey: ['teams'], queryFn: teamsApi.list });
  const message = error instanceof ApiError ? error.fieldMessage('teamIds') : undefined;
  return (
    <fieldset className={`field${message ? ' has-error' : ''}`}>
      <legend>Teams</legend>
      {message && <p className="field-error">{message}</p>}
      {(teams.data ?? [])
        .filter((t) => t.active || selected.includes(t.id))
        .map((t) => (
          <div className="check" key={t.id}>
            <input
              id={`team-${t.id}`}
              type="checkbox"
              checked={selected.includes(t.id)}
              onChange={(e) => onChange(e.target.checked ? [...selected, t.id] : selected.filter((x) => x !== t.id))}
            />
            <label htmlFor={`team-${t.id}`}>{t.name}</label>
          </div>
        ))}
      {teams.data?.length === 0 && <p className="muted">There are no teams yet.</p>}
    </fieldset>
  );
}
